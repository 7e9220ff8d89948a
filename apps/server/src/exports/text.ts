/**
 * Text hygiene shared by the renderers: user text can hold anything a browser let through, but
 * XML 1.0 (DOCX, SVG) forbids most control characters, and a single one makes Word or a browser
 * refuse the whole file.
 */

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Drops characters XML 1.0 cannot hold (keeps tab and newlines) and normalizes line endings. */
export function cleanText(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(FORBIDDEN, '');
}

/** Escapes text for an XML element or attribute value, after {@link cleanText}. */
export function escapeXml(s: string): string {
  return cleanText(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const LONG_WORD = /[^\s\u200B]{41,}/g;

/**
 * Adds a zero-width space every 20 characters of a run longer than 40 (a pasted URL, a word typed
 * without spaces), after {@link cleanText}. PDFKit cuts such a run by re-measuring it with the font
 * shaper line after line, which took seconds for a tree of 280-character words; with break
 * opportunities it wraps them like ordinary words. Spanish words never come near 40 letters.
 */
export function breakLongWords(s: string): string {
  return s.replace(LONG_WORD, (run) => (run.match(/.{1,20}/gsu) ?? [run]).join('\u200B'));
}
