import fs from 'node:fs';
import path from 'node:path';

/** The columns of the matrix, as docs/permissions.md heads them. */
export const MATRIX_ROLES = ['admin', 'facilitator', 'stm', 'expert', 'participant', 'public'] as const;

/** One of {@link MATRIX_ROLES}. */
export type MatrixRole = (typeof MATRIX_ROLES)[number];

/** One row of a table of docs/permissions.md: its first cell and one cell per role. */
export interface MatrixRow {
  action: string;
  cells: Record<MatrixRole, string>;
}

const DOC = path.resolve(import.meta.dirname, '../../../docs/permissions.md');

/** The markdown table right under the heading `## <section>`. */
function tableUnder(markdown: string, section: string): string[][] {
  const start = markdown.indexOf(`\n## ${section}`);
  if (start < 0) throw new Error(`docs/permissions.md has no section "${section}"`);
  const lines = markdown.slice(start).split('\n').slice(1);
  const first = lines.findIndex((l) => l.startsWith('|'));
  const rows: string[][] = [];
  for (const line of lines.slice(first)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        .split(' | ')
        .map((c) => c.trim()),
    );
  }
  return rows;
}

/**
 * The REST table of docs/permissions.md, read from the file itself so that the tests walk
 * exactly what the document promises. Cells: `✅`, `❌`, `own`, `own, open`, `all`.
 */
export function restMatrix(markdown = fs.readFileSync(DOC, 'utf8')): MatrixRow[] {
  const [head, , ...body] = tableUnder(markdown, 'REST');
  const roles = (head ?? []).slice(1);
  if (roles.join() !== MATRIX_ROLES.join()) throw new Error(`unexpected REST columns: ${roles.join()}`);
  return body.map(([action, ...cells]) => ({
    action: action ?? '',
    cells: Object.fromEntries(MATRIX_ROLES.map((r, i) => [r, cells[i] ?? ''])) as Record<MatrixRole, string>,
  }));
}

/** The shared-documents table: `W…`, `R` or `—` per role (columns merged as the document does). */
export function documentMatrix(markdown = fs.readFileSync(DOC, 'utf8')): { document: string; cells: Record<MatrixRole, string> }[] {
  const [, , ...body] = tableUnder(markdown, 'Shared documents');
  return body.map(([document, staff, stm, expert, participant, pub]) => ({
    document: document ?? '',
    cells: { admin: staff ?? '', facilitator: staff ?? '', stm: stm ?? '', expert: expert ?? '', participant: participant ?? '', public: pub ?? '' },
  }));
}
