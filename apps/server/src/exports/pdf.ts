import type { ActionPlan, CommitmentVersion } from '@cocrea/domain';
import PDFDocument from 'pdfkit';
import { fontBytes } from './fonts';
import type { ExportOptions } from './openData';
import { buildPamDocument, type Column, type DocBlock, type Field } from './pamDocument';
import { breakLongWords, cleanText } from './text';

type Pdf = PDFKit.PDFDocument;

/** Body text as PDFKit gets it: clean, with long runs breakable (see {@link breakLongWords}). */
const pdfText = (s: string) => breakLongWords(cleanText(s));

// US Letter with 2.5 cm margins, in points.
const MARGIN = 71;
const BODY = 9.5;
const SMALL = 8;
const PAD = 4;
const COLORS = { text: '#1F2933', muted: '#5F6B7A', accent: '#1F4E79', rule: '#A6B4C4', headerFill: '#DCE6F0', labelFill: '#F2F4F7' };
const HEADING = { 1: { size: 15, gap: 10 }, 2: { size: 12.5, gap: 14 }, 3: { size: 10.5, gap: 9 } } as const;

const left = (doc: Pdf) => doc.page.margins.left;
const width = (doc: Pdf) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottom = (doc: Pdf) => doc.page.height - doc.page.margins.bottom;
const atTop = (doc: Pdf) => doc.y <= doc.page.margins.top + 1;

/** Starts a new page unless `h` points still fit on this one. */
function ensure(doc: Pdf, h: number): void {
  if (doc.y + h > bottom(doc) && !atTop(doc)) doc.addPage();
}

function write(doc: Pdf, text: string, x: number, w: number, o: { font?: string; size?: number; color?: string } = {}): void {
  doc
    .font(o.font ?? 'regular')
    .fontSize(o.size ?? BODY)
    .fillColor(o.color ?? COLORS.text)
    .text(pdfText(text), x, doc.y, { width: w, lineGap: 1.5 });
}

function heading(doc: Pdf, level: 1 | 2 | 3, text: string, pageBreakBefore: boolean, keepWith: number): void {
  const h = HEADING[level];
  if (pageBreakBefore && !atTop(doc)) doc.addPage();
  else if (!atTop(doc)) doc.y += h.gap;
  // A heading never ends a page: it stays with the start of what follows it.
  doc.font('bold').fontSize(h.size);
  ensure(doc, doc.heightOfString(pdfText(text), { width: width(doc) }) + 12 + keepWith);
  write(doc, text, left(doc), width(doc), { font: 'bold', size: h.size, color: level === 3 ? COLORS.text : COLORS.accent });
  if (level === 1) {
    doc.moveTo(left(doc), doc.y + 2).lineTo(left(doc) + width(doc), doc.y + 2).lineWidth(0.8).strokeColor(COLORS.accent).stroke();
    doc.y += 8;
  } else doc.y += 3;
}

interface CellStyle {
  font: string;
  size: number;
  fill?: string;
}

function rowHeight(doc: Pdf, cells: readonly string[], widths: readonly number[], styles: readonly CellStyle[]): number {
  let h = 0;
  cells.forEach((c, i) => {
    const s = styles[i] ?? styles[0];
    doc.font(s?.font ?? 'regular').fontSize(s?.size ?? BODY);
    h = Math.max(h, doc.heightOfString(pdfText(c) || ' ', { width: (widths[i] ?? 0) - 2 * PAD, lineGap: 1.5 }));
  });
  return h + 2 * PAD;
}

function drawRow(doc: Pdf, cells: readonly string[], widths: readonly number[], styles: readonly CellStyle[], h: number): void {
  const y = doc.y;
  let x = left(doc);
  cells.forEach((c, i) => {
    const w = widths[i] ?? 0;
    const s = styles[i] ?? styles[0];
    if (s?.fill) doc.rect(x, y, w, h).fillColor(s.fill).fill();
    doc.rect(x, y, w, h).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
    doc.y = y + PAD;
    write(doc, c, x + PAD, w - 2 * PAD, { font: s?.font ?? 'regular', size: s?.size ?? BODY });
    x += w;
  });
  doc.y = y + h;
}

/**
 * A table drawn row by row: a row never splits, the header repeats on every page, and a row too
 * tall for any page is written as "Encabezado: valor" paragraphs instead, so nothing is clipped.
 */
function table(doc: Pdf, columns: readonly Column[], header: string[] | null, rows: readonly string[][], styles: readonly CellStyle[]): void {
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * width(doc));
  const headStyles = columns.map(() => ({ font: 'bold', size: SMALL + 0.5, fill: COLORS.headerFill }));
  const headH = header ? rowHeight(doc, header, widths, headStyles) : 0;
  const room = doc.page.height - doc.page.margins.top - doc.page.margins.bottom - headH;
  let needHeader = header !== null;
  for (const row of rows) {
    const h = rowHeight(doc, row, widths, styles);
    if (h > room) {
      ensure(doc, 3 * BODY);
      row.forEach((c, i) => write(doc, `${header?.[i] ?? columns[i]?.header ?? ''}: ${c}`, left(doc), width(doc)));
      doc.y += PAD;
      needHeader = header !== null;
      continue;
    }
    if (doc.y + h + (needHeader ? headH : 0) > bottom(doc)) {
      doc.addPage();
      needHeader = header !== null;
    }
    if (needHeader && header) {
      drawRow(doc, header, widths, headStyles, headH);
      needHeader = false;
    }
    drawRow(doc, row, widths, styles, h);
  }
  doc.y += 8;
}

const fieldStyles = (f: Field): CellStyle[] => [
  { font: 'bold', size: SMALL + 0.5, fill: COLORS.labelFill },
  f.mono ? { font: 'Courier', size: 8 } : { font: 'regular', size: BODY },
];

function fieldsHeight(doc: Pdf, rows: readonly Field[]): number {
  const w = width(doc);
  return rows.reduce((h, f) => h + rowHeight(doc, [f.label, f.value], [0.3 * w, 0.7 * w], fieldStyles(f)), 0);
}

/** Label–value rows, kept on one page when they fit on one. */
function fields(doc: Pdf, rows: readonly Field[]): void {
  ensure(doc, Math.min(fieldsHeight(doc, rows), bottom(doc) - doc.page.margins.top));
  for (const f of rows) {
    table(doc, [{ header: f.label, width: 3 }, { header: '', width: 7 }], null, [[f.label, f.value]], fieldStyles(f));
    doc.y -= 8;
  }
  doc.y += 8;
}

function list(doc: Pdf, items: readonly { text: string; level: number }[]): void {
  for (const it of items) {
    const indent = 6 + Math.min(it.level, 8) * 16;
    const x = left(doc) + indent + 10;
    const w = width(doc) - indent - 10;
    doc.font('regular').fontSize(BODY);
    ensure(doc, Math.min(doc.heightOfString(pdfText(it.text), { width: w, lineGap: 1.5 }), 4 * BODY));
    const y = doc.y;
    doc.fillColor(COLORS.accent).text(it.level === 0 ? '•' : '–', left(doc) + indent, y, { lineBreak: false });
    doc.y = y;
    write(doc, it.text, x, w);
    doc.y += 2;
  }
  doc.y += 4;
}

const TABLE_CELL: CellStyle = { font: 'regular', size: SMALL + 0.5 };

/** Height of the first piece of a block that must not be separated from the heading above it. */
function firstPieceHeight(doc: Pdf, rest: readonly DocBlock[]): number {
  const block = rest[0];
  if (!block) return 0;
  const w = width(doc);
  switch (block.kind) {
    case 'heading':
      return 2 * HEADING[block.level].size + firstPieceHeight(doc, rest.slice(1));
    case 'paragraph': {
      doc.font('regular').fontSize(BODY);
      const h = doc.heightOfString(pdfText(block.text), { width: w, lineGap: 1.5 });
      // A one- or two-line lead-in stays with what it introduces.
      return h <= 2.5 * BODY * 1.4 ? h + firstPieceHeight(doc, rest.slice(1)) : Math.min(h, 3 * BODY * 1.4);
    }
    case 'list':
      doc.font('regular').fontSize(BODY);
      return Math.min(doc.heightOfString(pdfText(block.items[0]?.text ?? ''), { width: w - 30, lineGap: 1.5 }), 3 * BODY * 1.4);
    case 'fields':
      return Math.min(fieldsHeight(doc, block.rows), 300);
    case 'table': {
      const total = block.columns.reduce((sum, c) => sum + c.width, 0);
      const widths = block.columns.map((c) => (c.width / total) * w);
      const head = rowHeight(doc, block.columns.map((c) => c.header), widths, block.columns.map(() => ({ font: 'bold', size: SMALL + 0.5 })));
      const first = block.rows[0];
      return head + (first ? Math.min(rowHeight(doc, first, widths, block.columns.map(() => TABLE_CELL)), 200) : 0);
    }
  }
}

function render(doc: Pdf, block: DocBlock, rest: readonly DocBlock[]): void {
  switch (block.kind) {
    case 'heading':
      return heading(doc, block.level, block.text, block.pageBreakBefore ?? false, firstPieceHeight(doc, rest));
    case 'paragraph':
      ensure(doc, 2 * BODY);
      write(doc, block.text, left(doc), width(doc), block.muted ? { color: COLORS.muted } : {});
      doc.y += 5;
      return;
    case 'fields':
      return fields(doc, block.rows);
    case 'table':
      return table(
        doc,
        block.columns,
        block.columns.map((c) => c.header),
        block.rows,
        block.columns.map(() => TABLE_CELL),
      );
    case 'list':
      return list(doc, block.items);
  }
}

/** Writes the running header (not on the cover) and "Página N de M" on every page. */
function decoratePages(doc: Pdf, runningTitle: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Text in the margins would otherwise make pdfkit open a new page.
    const margins = { ...doc.page.margins };
    doc.page.margins.top = 0;
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(SMALL).fillColor(COLORS.muted);
    if (i > start) {
      doc.text(cleanText(runningTitle), margins.left, 36, { width: doc.page.width - margins.left - margins.right, align: 'right', lineBreak: false, ellipsis: true, height: SMALL * 1.5 });
    }
    doc.text(`Página ${i - start + 1} de ${count}`, margins.left, doc.page.height - 44, {
      width: doc.page.width - margins.left - margins.right,
      align: 'center',
      lineBreak: false,
    });
    doc.page.margins = margins;
  }
}

/**
 * Registers the bundled fonts (`regular`, `bold`) on a new document and collects its bytes:
 * the promise resolves with the whole file once the caller calls `doc.end()`.
 */
export function collectPdf(doc: Pdf): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const fonts = fontBytes();
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  return done;
}

/**
 * The PAM (or one commitment, with `plan` null) as a PDF with the same content as the DOCX, in
 * embedded Noto Sans so accents render and can be searched and copied, with page numbers
 * "Página N de M".
 */
export function toPdf(plan: ActionPlan | null, versions: readonly CommitmentVersion[], options: ExportOptions = {}): Promise<Buffer> {
  const model = buildPamDocument(plan, versions, options);
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    autoFirstPage: true,
    lang: 'es-MX',
    displayTitle: true,
    info: { Title: cleanText(model.title), Author: 'cocrea', Subject: 'Plan de Acción Municipal de Gobierno Abierto', Creator: 'cocrea' },
  });
  const done = collectPdf(doc);

  // A plan gets a cover page; a single commitment starts right away.
  if (plan) doc.y = MARGIN + 90;
  write(doc, model.kicker.toUpperCase(), left(doc), width(doc), { font: 'bold', size: 10, color: COLORS.muted });
  doc.y += 6;
  write(doc, model.title, left(doc), width(doc), { font: 'bold', size: 22, color: COLORS.accent });
  doc.y += 16;
  fields(doc, model.facts);
  doc.y += 4;
  model.blocks.forEach((block, i) => render(doc, block, model.blocks.slice(i + 1, i + 4)));

  decoratePages(doc, model.runningTitle);
  doc.end();
  return done;
}
