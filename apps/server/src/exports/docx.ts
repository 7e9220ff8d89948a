import type { ActionPlan, CommitmentVersion } from '@cocrea/domain';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ExportOptions } from './openData';
import { buildPamDocument, type Column, type DocBlock, type Field } from './pamDocument';
import { cleanText } from './text';

// US Letter (carta), the usual paper in Mexican public offices, with 2.5 cm margins; in twips.
const PAGE = { width: 12240, height: 15840, margin: 1418 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const FONT = 'Calibri';
const ACCENT = '1F4E79';
const MUTED = '5F6B7A';
const HEADER_FILL = 'DCE6F0';
const LABEL_FILL = 'F2F4F7';
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: 'A6B4C4' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };
const CELL_MARGINS = { top: 60, bottom: 60, left: 100, right: 100 };

/** Runs for a text that may hold line breaks; Word needs an explicit break per line. */
function runs(text: string, style: { bold?: boolean; color?: string; font?: string; size?: number } = {}): TextRun[] {
  return cleanText(text)
    .split('\n')
    .map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0, ...style }));
}

function cell(text: string, width: number, opts: { header?: boolean; fill?: string; bold?: boolean; mono?: boolean } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: CELL_MARGINS,
    ...(opts.fill ? { shading: { fill: opts.fill, type: ShadingType.CLEAR, color: 'auto' } } : {}),
    children: [
      new Paragraph({
        spacing: { before: 0, after: 0 },
        children: runs(text, {
          ...(opts.bold || opts.header ? { bold: true } : {}),
          ...(opts.mono ? { font: 'Consolas', size: 18 } : {}),
        }),
      }),
    ],
  });
}

function widths(columns: readonly Column[]): number[] {
  const total = columns.reduce((s, c) => s + c.width, 0);
  return columns.map((c) => Math.floor((c.width / total) * CONTENT_WIDTH));
}

function dataTable(columns: readonly Column[], rows: readonly string[][]): Table {
  const w = widths(columns);
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: w,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: columns.map((c, i) => cell(c.header, w[i] ?? 0, { header: true, fill: HEADER_FILL })),
      }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: columns.map((_, i) => cell(r[i] ?? '', w[i] ?? 0)) })),
    ],
  });
}

function fieldsTable(rows: readonly Field[]): Table {
  const w = [Math.floor(CONTENT_WIDTH * 0.3), CONTENT_WIDTH - Math.floor(CONTENT_WIDTH * 0.3)];
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: w,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    rows: rows.map(
      (f) =>
        new TableRow({
          cantSplit: true,
          children: [cell(f.label, w[0] ?? 0, { bold: true, fill: LABEL_FILL }), cell(f.value, w[1] ?? 0, { mono: f.mono ?? false })],
        }),
    ),
  });
}

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function render(block: DocBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[block.level], pageBreakBefore: block.pageBreakBefore ?? false, keepNext: true, children: runs(block.text) })];
    case 'paragraph':
      return [new Paragraph({ children: runs(block.text, block.muted ? { color: MUTED } : {}) })];
    case 'fields':
      // An empty paragraph after a table keeps Word from gluing consecutive tables together.
      return [fieldsTable(block.rows), new Paragraph({ spacing: { after: 0 }, children: [] })];
    case 'table':
      return [dataTable(block.columns, block.rows), new Paragraph({ spacing: { after: 0 }, children: [] })];
    case 'list':
      return block.items.map((it) => new Paragraph({ bullet: { level: Math.min(it.level, 8) }, spacing: { after: 40 }, children: runs(it.text) }));
  }
}

/**
 * The PAM (or one commitment, with `plan` null) as a Word document a municipality can file and
 * edit: cover facts, then per commitment its eight elements as tables, ODS alignment, review,
 * agreed tree and finalization stamp; "Página N de M" in the footer.
 */
export async function toDocx(plan: ActionPlan | null, versions: readonly CommitmentVersion[], options: ExportOptions = {}): Promise<Buffer> {
  const model = buildPamDocument(plan, versions, options);
  const doc = new Document({
    creator: 'cocrea',
    title: cleanText(model.title),
    description: 'Plan de Acción Municipal de Gobierno Abierto generado con cocrea',
    styles: {
      default: {
        document: { run: { font: FONT, size: 21 }, paragraph: { spacing: { after: 120, line: 264 } } },
        title: { run: { font: FONT, size: 44, bold: true, color: ACCENT }, paragraph: { spacing: { after: 240 } } },
        heading1: { run: { font: FONT, size: 32, bold: true, color: ACCENT }, paragraph: { spacing: { before: 240, after: 160 } } },
        heading2: { run: { font: FONT, size: 26, bold: true, color: ACCENT }, paragraph: { spacing: { before: 320, after: 120 } } },
        heading3: { run: { font: FONT, size: 22, bold: true, color: '333F4F' }, paragraph: { spacing: { before: 200, after: 80 } } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin, header: 708, footer: 708 },
          },
        },
        headers: {
          default: new Header({
            children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: runs(model.runningTitle, { color: MUTED, size: 16 }) })],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['Página ', PageNumber.CURRENT, ' de ', PageNumber.TOTAL_PAGES], color: MUTED, size: 16 })],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ spacing: { before: 1200, after: 120 }, children: runs(model.kicker.toUpperCase(), { color: MUTED, bold: true, size: 22 }) }),
          new Paragraph({ heading: HeadingLevel.TITLE, children: runs(model.title) }),
          fieldsTable(model.facts),
          new Paragraph({ spacing: { after: 0 }, children: [] }),
          ...model.blocks.flatMap(render),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
