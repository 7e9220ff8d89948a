import PDFDocument from 'pdfkit';
import { collectPdf } from '../exports/pdf';
import { escapeXml } from '../exports/text';
import { toTreePng } from '../exports/treePng';

/**
 * Real files for the demo, made in code: a PDF of a text (an act, a report, the STM's rules)
 * and a PNG standing in for an event's photograph. The demo uploads them like anyone would, so
 * the upload checks (type, size, content) and the SHA-256 apply to them too.
 */

/** A one-document PDF: `title` in bold, then `text`, in the bundled Noto Sans. */
export function textPdf(title: string, text: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER', margins: { top: 72, bottom: 72, left: 72, right: 72 }, lang: 'es-MX', info: { Title: title, Author: 'cocrea (demostración)', Creator: 'cocrea' } });
  const done = collectPdf(doc);
  doc.font('bold').fontSize(15).fillColor('#1F4E79').text(title);
  doc.moveDown();
  doc.font('regular').fontSize(11).fillColor('#1F2933').text(text, { lineGap: 2 });
  doc.moveDown(2);
  doc.font('regular').fontSize(8).fillColor('#5F6B7A').text('Documento de demostración de cocrea: personas, organizaciones y datos son ficticios.');
  doc.end();
  return done;
}

/** A PNG "photograph" of an event: a simple drawn scene with its caption. */
export function eventPng(caption: string, hue = 205): Buffer {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="300" viewBox="0 0 480 300">
  <rect width="480" height="300" fill="hsl(${hue}, 45%, 88%)"/>
  <rect x="40" y="60" width="400" height="150" rx="8" fill="hsl(${hue}, 35%, 70%)"/>
  ${[0, 1, 2, 3, 4, 5, 6].map((i) => `<circle cx="${80 + i * 53}" cy="175" r="18" fill="hsl(${(hue + i * 40) % 360}, 55%, 45%)"/><rect x="${64 + i * 53}" y="192" width="32" height="30" rx="6" fill="hsl(${(hue + i * 40) % 360}, 55%, 45%)"/>`).join('')}
  <rect x="150" y="80" width="180" height="50" rx="4" fill="#ffffff"/>
  <text x="240" y="112" font-size="16" text-anchor="middle" fill="#1F4E79" font-weight="bold">Gobierno Abierto</text>
  <text x="240" y="262" font-size="15" text-anchor="middle" fill="#1F2933">${escapeXml(caption)}</text>
</svg>`;
  return toTreePng(svg, 1);
}
