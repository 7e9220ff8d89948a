import { describe, expect, it } from 'vitest';
import { pamExportUrl, versionExportUrl } from './exportLinks';

describe('export links', () => {
  it('points a version download at its export or tree file', () => {
    expect(versionExportUrl('c_1', 2, 'docx')).toBe('/api/commitments/c_1/versions/2/export.docx');
    expect(versionExportUrl('c_1', 1, 'png')).toBe('/api/commitments/c_1/versions/1/tree.png');
  });

  it('points the Decidim download at the ;-separated CSV', () => {
    expect(pamExportUrl('p 1', 'decidim')).toBe('/api/pams/p%201/export.decidim.csv');
    expect(pamExportUrl('p1', 'pdf')).toBe('/api/pams/p1/export.pdf');
  });
});
