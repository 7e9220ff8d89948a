import type { AgreedTreeNode, TreeNodeKind } from '@cocrea/domain';
import { treeOutline, type OutlineItem } from './treeOutline';
import { escapeXml } from './text';
import { wrapText } from './textMetrics';

/** Colours and text settings the compact layout shares with the diagram (see treeSvg.ts). */
export interface CompactStyle {
  colors: Record<TreeNodeKind, { fill: string; stroke: string; text: string }>;
  size: number;
  line: number;
  labels: Record<TreeNodeKind, { one: string; many: string }>;
}

/** The body of a compact tree: SVG elements laid out from y = 0, and the space they take. */
export interface CompactBody {
  svg: string;
  width: number;
  height: number;
  /** Nodes left out because the picture reached its size cap. */
  omitted: number;
}

const BOX_W = 196;
const PROBLEM_W = 260;
const INDENT = 14;
const MAX_INDENT_LEVELS = 4;
const COL_GAP = 24;
const ROW_GAP = 8;
const PAD_Y = 7;
/**
 * Lines of a label in the compact layout: four, two past 600 nodes, one past 1,000 (an overview
 * poster: a 1,500-node PNG renders in ~1.5 s instead of ~2.7 s with two). Rasterizing costs per
 * glyph drawn, so a PNG of 1,500 full labels took tens of seconds; the SVG keeps each whole label
 * in its `<title>`, and the PDF and DOCX list them all.
 */
const maxLines = (nodes: number) => (nodes > 1000 ? 1 : nodes > 600 ? 2 : 4);
const HEADING = 30;
const ARROW = 36;
const PITCH = BOX_W + COL_GAP;

interface Item {
  kind: TreeNodeKind;
  text: string;
  level: number;
  lines: string[];
  h: number;
  x: number;
  y: number;
  w: number;
}

function item(kind: TreeNodeKind, o: OutlineItem, style: CompactStyle, lineCap: number): Item {
  const indent = Math.min(o.level, MAX_INDENT_LEVELS) * INDENT;
  const w = BOX_W - indent;
  const lines = wrapText(o.text.trim() || '(sin texto)', w - 20, style.size, { maxLines: lineCap });
  return { kind, text: o.text, level: o.level, lines, h: Math.max(30, lines.length * style.line + 2 * PAD_Y), x: indent, y: 0, w };
}

/**
 * Flows a branch's outline into columns no taller than `maxH` (most `maxCols` columns), each item
 * indented by its depth under the one it hangs from. Returns the columns used and how many items
 * fit; an item never splits across columns.
 */
function flow(items: Item[], colH: number, maxCols: number): { cols: number; height: number; fitted: number } {
  let col = 0;
  let y = 0;
  let height = 0;
  for (let i = 0; i < items.length; i++) {
    const it = items[i] as Item;
    if (y > 0 && y + it.h > colH) {
      col++;
      y = 0;
    }
    if (col >= maxCols) return { cols: maxCols, height, fitted: i };
    it.y = y;
    it.x = col * PITCH + Math.min(it.level, MAX_INDENT_LEVELS) * INDENT;
    y += it.h + ROW_GAP;
    height = Math.max(height, y - ROW_GAP);
  }
  return { cols: items.length === 0 ? 0 : col + 1, height, fitted: items.length };
}

const totalHeight = (items: readonly Item[]) => items.reduce((s, it) => s + it.h + ROW_GAP, 0);

/** Columns for a roughly square branch, within the width cap. */
function preferredColumnHeight(items: readonly Item[], maxCols: number): number {
  const total = totalHeight(items);
  const cols = Math.min(maxCols, Math.max(1, Math.round(Math.sqrt(total / PITCH))));
  const tallest = Math.max(0, ...items.map((it) => it.h));
  return Math.max(tallest, Math.ceil(total / cols));
}

/**
 * The tree as indented lists flowed into columns: effects above the problem, causes below. Used
 * for trees too big for the diagram (hundreds of nodes, or a level wider than the cap): it fills
 * the width cap instead of growing one row of boxes sideways, and stops at the height cap, saying
 * how many nodes were left out (the PDF and DOCX list every one).
 */
export function compactTreeBody(nodes: readonly AgreedTreeNode[], style: CompactStyle, maxWidth: number, maxHeight: number): CompactBody {
  const outline = treeOutline(nodes);
  const lineCap = maxLines(nodes.length);
  const effects = outline.effects.map((o) => item('effect', o, style, lineCap));
  const causes = outline.causes.map((o) => item('cause', o, style, lineCap));
  const maxCols = Math.max(1, Math.floor((maxWidth + COL_GAP) / PITCH));
  const problemLines = wrapText(outline.problem?.trim() || 'Problema central sin registrar', PROBLEM_W - 24, style.size, { bold: true, maxLines: 8 });
  const problemH = Math.max(44, problemLines.length * style.line + 20);
  const fixed = problemH + 2 * (HEADING + ARROW);

  // Each branch as square as it likes; when both do not fit the height cap, they share it in
  // proportion to what they hold, in as many columns as the width allows.
  let effectsH = preferredColumnHeight(effects, maxCols);
  let causesH = preferredColumnHeight(causes, maxCols);
  let fe = flow(effects, effectsH, maxCols);
  let fc = flow(causes, causesH, maxCols);
  if (fe.fitted < effects.length || fc.fitted < causes.length || fixed + fe.height + fc.height > maxHeight) {
    const room = Math.max(2 * style.line, maxHeight - fixed - 2 * (style.line + 2 * PAD_Y + ROW_GAP));
    const te = totalHeight(effects);
    const tc = totalHeight(causes);
    effectsH = te + tc === 0 ? 0 : Math.floor((room * te) / (te + tc));
    causesH = room - effectsH;
    fe = flow(effects, effectsH, maxCols);
    fc = flow(causes, causesH, maxCols);
  }
  const omitted = effects.length - fe.fitted + causes.length - fc.fitted;

  const width = Math.max(PROBLEM_W, Math.max(fe.cols, fc.cols) * PITCH - COL_GAP);
  const parts: string[] = [];
  const box = (it: Item, dx: number, dy: number) => {
    const c = style.colors[it.kind];
    const x = dx + it.x;
    const y = dy + it.y;
    const first = y + PAD_Y + style.size * 0.9;
    const text = it.lines
      .map((l, i) => `<text x="${(x + 10).toFixed(1)}" y="${(first + i * style.line).toFixed(1)}" font-size="${style.size}" fill="${c.text}">${escapeXml(l)}</text>`)
      .join('');
    const link = it.level > 0 ? `<path d="M${(x - INDENT + 5).toFixed(1)} ${(y - ROW_GAP).toFixed(1)} V${(y + it.h / 2).toFixed(1)} H${x.toFixed(1)}" fill="none" stroke="#98A2B3" stroke-width="1"/>` : '';
    parts.push(`<g class="nodo ${it.kind}">${link}<title>${escapeXml(`${style.labels[it.kind].one}: ${it.text}`)}</title><rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${it.w}" height="${it.h}" rx="6" fill="${c.fill}" stroke="${c.stroke}" stroke-width="1.2"/>${text}</g>`);
  };
  const heading = (kind: TreeNodeKind, count: number, shown: number, y: number) => {
    const more = shown < count ? ` — se muestran ${shown}; el PDF y el DOCX listan todos` : '';
    parts.push(`<text x="0" y="${(y + 18).toFixed(1)}" font-size="14" font-weight="700" fill="${style.colors[kind].stroke}">${escapeXml(`${style.labels[kind].many} (${count})${more}`)}</text>`);
  };
  const arrow = (x: number, y1: number, y2: number) =>
    parts.push(`<line x1="${x}" y1="${y1.toFixed(1)}" x2="${x}" y2="${y2.toFixed(1)}" stroke="#667085" stroke-width="2" marker-end="url(#flecha)"/>`);

  let y = 0;
  if (effects.length > 0) {
    heading('effect', effects.length, fe.fitted, y);
    effects.slice(0, fe.fitted).forEach((it) => box(it, 0, y + HEADING));
    y += HEADING + fe.height;
    arrow(width / 2, y + ARROW - 4, y + 6);
    y += ARROW;
  }
  const pc = style.colors.problem;
  const px = width / 2 - PROBLEM_W / 2;
  const first = y + problemH / 2 - ((problemLines.length - 1) * style.line) / 2 + style.size * 0.35;
  parts.push(
    `<g class="nodo problem"><title>${escapeXml(`${style.labels.problem.one}: ${outline.problem ?? ''}`)}</title><rect x="${px.toFixed(1)}" y="${y.toFixed(1)}" width="${PROBLEM_W}" height="${problemH}" rx="8" fill="${pc.fill}" stroke="${pc.stroke}" stroke-width="2.5"/>` +
      problemLines.map((l, i) => `<text x="${(width / 2).toFixed(1)}" y="${(first + i * style.line).toFixed(1)}" text-anchor="middle" font-size="${style.size}" font-weight="700" fill="${pc.text}">${escapeXml(l)}</text>`).join('') +
      `</g>`,
  );
  y += problemH;
  if (causes.length > 0) {
    arrow(width / 2, y + ARROW - 6, y + 4);
    y += ARROW;
    heading('cause', causes.length, fc.fitted, y);
    causes.slice(0, fc.fitted).forEach((it) => box(it, 0, y + HEADING));
    y += HEADING + fc.height;
  }
  return { svg: parts.join(''), width, height: y, omitted };
}

