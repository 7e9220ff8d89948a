import { describe, expect, it } from 'vitest';
import { annotationsDocumentName, parseDocumentName, roadmapDocumentName, treeDocumentName } from './documentNames';

describe('document names', () => {
  it('round-trips tree and roadmap names', () => {
    expect(parseDocumentName(treeDocumentName('mesa123'))).toEqual({ mesaId: 'mesa123', kind: 'tree' });
    expect(parseDocumentName(roadmapDocumentName('mesa123', 'comp456'))).toEqual({ mesaId: 'mesa123', kind: 'roadmap', commitmentId: 'comp456' });
  });
  it('round-trips annotations names', () => {
    expect(annotationsDocumentName('mesa123')).toBe('mesa:mesa123:annotations');
    expect(parseDocumentName(annotationsDocumentName('mesa123'))).toEqual({ mesaId: 'mesa123', kind: 'annotations' });
  });
  it.each(['mesa:abc:tree', 'mesa:mesa123:annotations:x', 'mesa:mesa123:annotation', 'mesa:abc:annotations', 'mesa:mesa123:roadmap:annotations:x', 'mesa:mesa123:roadmap', 'mesa:mesa123:tree:x', 'other:mesa123:tree', 'mesa:mesa123:roadmap:../x'])('refuses %j', (name) => {
    expect(parseDocumentName(name)).toBeNull();
  });
});
