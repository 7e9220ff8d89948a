import type { AgreedTreeNode } from '@cocrea/domain';
import { sampleCommitmentVersion } from '@cocrea/domain/fixtures';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { toTreePng } from './treePng';
import { TREE_IMAGE_LIMITS, pngZoom } from './treeLimits';
import { TREE_COLORS, toTreeSvg } from './treeSvg';

const nodes = (): AgreedTreeNode[] => [
  ...sampleCommitmentVersion().content.problemTree,
  { id: 'c3', kind: 'cause', parentId: 'problem', text: 'Tuberías de <asbesto> & "plomo" sin reemplazo desde hace décadas en la colonia Niños Héroes', depth: 1 },
  { id: 'e2', kind: 'effect', parentId: 'e1', text: 'Gasto familiar en agua embotellada', depth: 2 },
];

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe('toTreeSvg', () => {
  const svg = toTreeSvg(nodes(), 'Mesa de agua potable — árbol acordado');

  it('is well-formed XML with escaped user text', () => {
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('&#60;asbesto&#62; &#38; &#34;plomo&#34;');
    expect(svg).not.toContain('<asbesto>');
  });

  it('contains every text, the title and a legend', () => {
    for (const t of ['Baja calidad del agua potable', 'Falta de monitoreo', 'Enfermedades', 'gastrointestinales', 'Gasto familiar', 'Mesa de agua potable — árbol acordado']) {
      expect(svg).toContain(t);
    }
    expect(svg).toContain('class="leyenda"');
    for (const label of ['Efectos', 'Problema central', 'Causas']) expect(svg).toContain(`>${label}</text>`);
  });

  it('colours boxes by kind and puts effects above the problem and causes below', () => {
    const rectOf = (kind: string) => {
      const m = new RegExp(`<g class="nodo ${kind}">.*?<rect x="[\\d.]+" y="([\\d.]+)"[^>]*fill="(#[0-9A-F]+)"`).exec(svg);
      return { y: Number(m?.[1]), fill: m?.[2] };
    };
    const problem = rectOf('problem');
    const cause = rectOf('cause');
    const effect = rectOf('effect');
    expect(problem.fill).toBe(TREE_COLORS.problem.fill);
    expect(cause.fill).toBe(TREE_COLORS.cause.fill);
    expect(effect.fill).toBe(TREE_COLORS.effect.fill);
    expect(effect.y).toBeLessThan(problem.y);
    expect(cause.y).toBeGreaterThan(problem.y);
  });

  it('drops characters XML cannot hold', () => {
    const bad = toTreeSvg([{ id: 'problem', kind: 'problem', parentId: null, text: 'Agua\u0000 sucia\u0007', depth: 0 }], 'Título\u0001');
    expect(XMLValidator.validate(bad)).toBe(true);
    expect(bad).toContain('Agua sucia');
  });

  it('still draws a placeholder for an empty tree', () => {
    const empty = toTreeSvg([], 'Sin árbol');
    expect(XMLValidator.validate(empty)).toBe(true);
    expect(empty).toContain('Problema central sin registrar');
  });
});

describe('toTreePng', () => {
  const svg = toTreeSvg(nodes(), 'Mesa de agua potable — árbol acordado');

  it('renders a PNG of plausible size (twice the SVG)', () => {
    const png = toTreePng(svg);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const svgW = Number(/width="(\d+)"/.exec(svg)?.[1]);
    const svgH = Number(/height="(\d+)"/.exec(svg)?.[1]);
    const { width, height } = pngSize(png);
    expect(width).toBe(svgW * 2);
    expect(height).toBe(svgH * 2);
    expect(width).toBeGreaterThan(600);
    expect(width).toBeLessThan(6000);
  });

  it('draws text with the bundled font (no system fonts loaded)', () => {
    const withoutText = svg.replace(/<text[^>]*>.*?<\/text>/g, '');
    expect(toTreePng(svg).equals(toTreePng(withoutText))).toBe(false);
  });
});

describe('big trees stay within the size caps', () => {
  /** 1,500 causes (every third one under the problem, the rest under an earlier cause) with single 280-character words. */
  const pathological = (n = 1500): AgreedTreeNode[] => [
    { id: 'problem', kind: 'problem', parentId: null, text: 'Problema central', depth: 0 },
    ...Array.from({ length: n }, (_, i): AgreedTreeNode => ({
      id: `c${i}`,
      kind: i % 7 === 0 ? 'effect' : 'cause',
      parentId: i < 14 || i % 3 === 0 ? 'problem' : `c${i - 7}`,
      text: `${String.fromCharCode(97 + (i % 26)).repeat(272)}${String(i).padStart(8, '0')}`,
      depth: 1,
    })),
  ];
  const size = (svg: string) => ({ width: Number(/<svg[^>]*\bwidth="(\d+)"/.exec(svg)?.[1]), height: Number(/<svg[^>]*\bheight="(\d+)"/.exec(svg)?.[1]) });

  it('draws 1,500 nodes of 280-character words within the SVG side cap, as valid XML', () => {
    const svg = toTreeSvg(pathological(), 'Árbol enorme');
    const { width, height } = size(svg);
    expect(width).toBeLessThanOrEqual(TREE_IMAGE_LIMITS.svgSide);
    expect(height).toBeLessThanOrEqual(TREE_IMAGE_LIMITS.svgSide);
    // Printable: no side more than four times the other.
    expect(Math.max(width, height) / Math.min(width, height)).toBeLessThan(4);
    expect(XMLValidator.validate(svg)).toBe(true);
    // Every node is drawn, or the heading says how many are shown.
    const drawn = (svg.match(/<g class="nodo (cause|effect)">/g) ?? []).length;
    expect(drawn === 1500 || svg.includes('se muestran')).toBe(true);
    expect(svg).toContain('Causas (1285)');
  });

  it('wraps one level wider than the cap instead of growing sideways', () => {
    const wide: AgreedTreeNode[] = [
      { id: 'problem', kind: 'problem', parentId: null, text: 'Problema', depth: 0 },
      ...Array.from({ length: 120 }, (_, i): AgreedTreeNode => ({ id: `c${i}`, kind: 'cause', parentId: 'problem', text: `Causa número ${i}`, depth: 1 })),
    ];
    const { width, height } = size(toTreeSvg(wide, 'Ancho'));
    expect(width).toBeLessThanOrEqual(TREE_IMAGE_LIMITS.svgSide);
    expect(height).toBeLessThanOrEqual(TREE_IMAGE_LIMITS.svgSide);
  });

  it('shows what does not fit, rather than passing the cap', () => {
    const svg = toTreeSvg(pathological(15_000), 'Árbol desmesurado');
    expect(size(svg).height).toBeLessThanOrEqual(TREE_IMAGE_LIMITS.svgSide);
    expect(svg).toMatch(/se muestran \d+; el PDF y el DOCX listan todos/);
  });

  it('scales a poster-sized PNG down to its pixel budget', () => {
    expect(pngZoom(800, 600)).toBe(2);
    const z = pngZoom(TREE_IMAGE_LIMITS.svgSide, TREE_IMAGE_LIMITS.svgSide);
    expect(TREE_IMAGE_LIMITS.svgSide * z).toBeLessThanOrEqual(TREE_IMAGE_LIMITS.pngSide);
    expect((TREE_IMAGE_LIMITS.svgSide * z) ** 2).toBeLessThanOrEqual(TREE_IMAGE_LIMITS.pngPixels * 1.0001);
    expect(pngZoom(100_000, 50) * 100_000).toBeLessThanOrEqual(TREE_IMAGE_LIMITS.pngSide);
  });
});
