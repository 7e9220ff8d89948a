import type { AgreedTreeNode, TreeNodeKind } from '@cocrea/domain';
import { Graph, layout, type EdgeLabel, type GraphLabel, type NodeLabel } from '@dagrejs/dagre';
import { FONT_FAMILY } from './fonts';
import { NODE_KIND_LABELS } from './labels';
import { escapeXml } from './text';
import { textWidth, wrapText } from './textMetrics';
import { compactTreeBody } from './treeCompact';
import { TREE_IMAGE_LIMITS } from './treeLimits';

/** Fill, border and text colours of each kind: soft fills with dark text, readable on white. */
export const TREE_COLORS: Record<TreeNodeKind, { fill: string; stroke: string; text: string }> = {
  problem: { fill: '#FDE2E0', stroke: '#B42318', text: '#3B0D0C' },
  cause: { fill: '#FEF0C7', stroke: '#B54708', text: '#3A2204' },
  effect: { fill: '#DCFAE6', stroke: '#067647', text: '#052E1C' },
};

const FONT = `${FONT_FAMILY}, 'DejaVu Sans', Arial, sans-serif`;
const MARGIN = 24;
const SIZE = 13;
const LINE = 17;
const PAD = { x: 12, y: 10 };
const WIDTH: Record<TreeNodeKind, number> = { problem: 260, cause: 196, effect: 196 };
const MAX_LINES = 8;
const RANKSEP = 48;

interface Box {
  node: AgreedTreeNode;
  lines: string[];
  w: number;
  h: number;
  /** Centre, in diagram coordinates. */
  x: number;
  y: number;
}

function box(node: AgreedTreeNode): Box {
  const w = WIDTH[node.kind];
  const bold = node.kind === 'problem';
  const lines = wrapText(node.text.trim() || '(sin texto)', w - 2 * PAD.x, SIZE, { bold, maxLines: MAX_LINES });
  return { node, lines, w, h: Math.max(44, lines.length * LINE + 2 * PAD.y), x: 0, y: 0 };
}

/**
 * Lays one branch out with dagre, rooted at the problem: causes top to bottom below it, effects
 * bottom to top above it. Siblings keep their stored order, so the picture reads like the outline.
 */
function placeBranch(problem: Box, branch: Box[], parentOf: (b: Box) => string, rankdir: 'TB' | 'BT'): void {
  if (branch.length === 0) return;
  const g = new Graph<GraphLabel, NodeLabel, EdgeLabel>();
  g.setGraph({ rankdir, nodesep: 22, ranksep: RANKSEP });
  g.setDefaultEdgeLabel(() => ({}));
  g.setNode(problem.node.id, { width: problem.w, height: problem.h });
  for (const b of branch) g.setNode(b.node.id, { width: b.w, height: b.h });
  const constraints: { left: string; right: string }[] = [];
  const last = new Map<string, string>();
  for (const b of branch) {
    const p = parentOf(b);
    g.setEdge(p, b.node.id);
    const prev = last.get(p);
    if (prev !== undefined) constraints.push({ left: prev, right: b.node.id });
    last.set(p, b.node.id);
  }
  layout(g, { constraints });
  const root = g.node(problem.node.id);
  for (const b of branch) {
    const l = g.node(b.node.id);
    b.x = (l.x ?? 0) - (root.x ?? 0);
    b.y = (l.y ?? 0) - (root.y ?? 0);
  }
}

function legend(x: number, y: number, compact: boolean): { svg: string; width: number } {
  const items: [TreeNodeKind, string][] = [
    ['effect', NODE_KIND_LABELS.effect.many],
    ['problem', NODE_KIND_LABELS.problem.one],
    ['cause', NODE_KIND_LABELS.cause.many],
  ];
  let cx = x;
  const parts: string[] = [];
  for (const [kind, label] of items) {
    const c = TREE_COLORS[kind];
    parts.push(`<rect x="${cx}" y="${y}" width="16" height="12" rx="3" fill="${c.fill}" stroke="${c.stroke}" stroke-width="1.5"/>`);
    parts.push(`<text x="${cx + 22}" y="${y + 10.5}" font-size="12" fill="#344054">${escapeXml(label)}</text>`);
    cx += 22 + textWidth(label, 12) + 26;
  }
  const note = compact ? 'Árbol grande: cada causa o efecto aparece con sangría bajo aquel del que depende' : 'Las flechas van de cada causa a su consecuencia';
  parts.push(`<line x1="${cx}" y1="${y + 6}" x2="${cx + 22}" y2="${y + 6}" stroke="#667085" stroke-width="1.5" marker-end="url(#flecha)"/>`);
  parts.push(`<text x="${cx + 30}" y="${y + 10.5}" font-size="12" fill="#344054">${escapeXml(note)}</text>`);
  return { svg: `<g class="leyenda">${parts.join('')}</g>`, width: cx + 30 + textWidth(note, 12) - x };
}

/** Title and legend above a body `bodyWidth` wide; where the body starts. */
function header(title: string, bodyWidth: number, compact: boolean): { svg: string; width: number; top: number } {
  const maxTitle = TREE_IMAGE_LIMITS.svgSide - 2 * MARGIN;
  const titleLines = wrapText(title.trim() || 'Árbol de problemas', Math.min(Math.max(bodyWidth, 520), maxTitle), 18, { bold: true, maxLines: 3 });
  const legendY = MARGIN + titleLines.length * 24 + 6;
  const lg = legend(MARGIN, legendY, compact);
  const heading = titleLines
    .map((l, i) => `<text x="${MARGIN}" y="${MARGIN + 18 + i * 24}" font-size="18" font-weight="700" fill="#101828">${escapeXml(l)}</text>`)
    .join('');
  const width = Math.ceil(Math.min(TREE_IMAGE_LIMITS.svgSide, Math.max(bodyWidth, lg.width, ...titleLines.map((l) => textWidth(l, 18, true))) + 2 * MARGIN));
  return { svg: `${heading}\n${lg.svg}`, width, top: legendY + 12 + 28 };
}

function svgDocument(title: string, width: number, height: number, parts: string[]): string {
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(`Árbol de problemas: ${title}`)}" font-family="${FONT}">`,
    `<title>${escapeXml(`Árbol de problemas: ${title}`)}</title>`,
    `<defs><marker id="flecha" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="#667085"/></marker></defs>`,
    `<rect width="100%" height="100%" fill="#FFFFFF"/>`,
    ...parts,
    `</svg>`,
  ].join('\n');
}

/** A tree too big for the diagram: indented columns within the size cap (treeCompact.ts). */
function compactSvg(nodes: readonly AgreedTreeNode[], title: string): string {
  const maxSide = TREE_IMAGE_LIMITS.svgSide;
  // The narrowest header wraps the title into the most lines: the body's room below it is safe.
  const probe = header(title, 0, true);
  const body = compactTreeBody(nodes, { colors: TREE_COLORS, size: SIZE, line: LINE, labels: NODE_KIND_LABELS }, maxSide - 2 * MARGIN, maxSide - probe.top - MARGIN);
  const head = header(title, body.width, true);
  const width = head.width;
  const height = Math.ceil(Math.min(maxSide, head.top + body.height + MARGIN));
  const dx = MARGIN + (width - 2 * MARGIN - body.width) / 2;
  return svgDocument(title, width, height, [head.svg, `<g class="nodos" transform="translate(${dx.toFixed(1)} ${head.top})">${body.svg}</g>`]);
}

/**
 * The agreed problem tree as a standalone SVG: title, legend, effects above the central problem
 * and causes below it, wrapped text in boxes coloured by kind, arrows from cause to consequence.
 * Never wider or taller than {@link TREE_IMAGE_LIMITS}.svgSide: a tree with more nodes than the
 * diagram holds, or a level wider than the cap, is drawn as indented columns instead.
 */
export function toTreeSvg(nodes: readonly AgreedTreeNode[], title: string): string {
  if (nodes.length > TREE_IMAGE_LIMITS.diagramNodes) return compactSvg(nodes, title);
  const ids = new Set(nodes.map((n) => n.id));
  const problemNode = nodes.find((n) => n.kind === 'problem') ?? { id: '__problem', kind: 'problem', parentId: null, text: 'Problema central sin registrar', depth: 0 };
  const problem = box(problemNode);
  const boxes = nodes.filter((n) => n.kind !== 'problem').map(box);
  const byId = new Map(boxes.map((b) => [b.node.id, b]));
  // A parent that is missing, or of the other branch, would break the layout: hang the node on the problem.
  const parentOf = (b: Box) => {
    const p = b.node.parentId;
    return p !== null && ids.has(p) && byId.get(p)?.node.kind === b.node.kind ? p : problem.node.id;
  };
  const effects = boxes.filter((b) => b.node.kind === 'effect');
  const causes = boxes.filter((b) => b.node.kind === 'cause');
  placeBranch(problem, causes, parentOf, 'TB');
  placeBranch(problem, effects, parentOf, 'BT');

  const all = [problem, ...boxes];
  const minX = Math.min(...all.map((b) => b.x - b.w / 2));
  const maxX = Math.max(...all.map((b) => b.x + b.w / 2));
  const minY = Math.min(...all.map((b) => b.y - b.h / 2));
  const maxY = Math.max(...all.map((b) => b.y + b.h / 2));

  const head = header(title, maxX - minX, false);
  const { top, width } = head;
  const height = Math.ceil(maxY - minY + top + MARGIN);
  if (maxX - minX + 2 * MARGIN > TREE_IMAGE_LIMITS.svgSide || height > TREE_IMAGE_LIMITS.svgSide) return compactSvg(nodes, title);
  const dx = MARGIN + (width - 2 * MARGIN - (maxX - minX)) / 2 - minX;
  const dy = top - minY;
  const px = (b: Box) => b.x + dx;
  const py = (b: Box) => b.y + dy;
  const edges: string[] = [];
  // From the top of the lower box to the bottom of the upper one (causality reads upwards), through
  // a horizontal bus half a rank away from the parent, shared by all its children.
  const elbow = (from: Box, to: Box, busY: number) => {
    const x1 = px(from);
    const y1 = py(from) - from.h / 2;
    const x2 = px(to);
    const y2 = py(to) + to.h / 2;
    edges.push(`<path d="M${x1.toFixed(1)} ${y1.toFixed(1)} V${busY.toFixed(1)} H${x2.toFixed(1)} V${(y2 + 1).toFixed(1)}" fill="none" stroke="#667085" stroke-width="1.5" marker-end="url(#flecha)"/>`);
  };
  for (const b of causes) {
    const parent = byId.get(parentOf(b)) ?? problem;
    elbow(b, parent, py(parent) + parent.h / 2 + RANKSEP / 2);
  }
  for (const b of effects) {
    const parent = byId.get(parentOf(b)) ?? problem;
    elbow(parent, b, py(parent) - parent.h / 2 - RANKSEP / 2);
  }

  const shapes = all.map((b) => {
    const c = TREE_COLORS[b.node.kind];
    const x = px(b) - b.w / 2;
    const y = py(b) - b.h / 2;
    const bold = b.node.kind === 'problem' ? ' font-weight="700"' : '';
    const firstBaseline = py(b) - ((b.lines.length - 1) * LINE) / 2 + SIZE * 0.35;
    const text = b.lines
      .map((l, i) => `<text x="${px(b).toFixed(1)}" y="${(firstBaseline + i * LINE).toFixed(1)}" text-anchor="middle" font-size="${SIZE}"${bold} fill="${c.text}">${escapeXml(l)}</text>`)
      .join('');
    return `<g class="nodo ${b.node.kind}"><title>${escapeXml(`${NODE_KIND_LABELS[b.node.kind].one}: ${b.node.text}`)}</title><rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${b.w}" height="${b.h}" rx="8" fill="${c.fill}" stroke="${c.stroke}" stroke-width="${b.node.kind === 'problem' ? 2.5 : 1.5}"/>${text}</g>`;
  });

  return svgDocument(title, width, height, [head.svg, `<g class="conexiones">${edges.join('')}</g>`, `<g class="nodos">${shapes.join('')}</g>`]);
}
