import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';

/** Where benchmark results are recorded. */
export const BENCHMARKS_DOC = fileURLToPath(new URL('../../docs/benchmarks.md', import.meta.url));

/** The machine a run measured, in one line. */
export function machineLine(now = new Date()): string {
  const cpu = cpus();
  return `${cpu[0]?.model.trim() ?? 'CPU desconocida'}, ${cpu.length} núcleos, Node ${process.version}, ${now.toISOString().slice(0, 10)}`;
}

function header(now: Date): string {
  return [
    '# Benchmarks',
    '',
    'Cifras medidas con `npm run bench` (scripts en `bench/`); cada sección compara contra una línea base medida en la misma corrida,',
    'así que los cocientes valen más que los milisegundos absolutos.',
    '',
    `Última corrida: ${machineLine(now)}.`,
    '',
  ].join('\n');
}

/**
 * Replaces the section `## title` of docs/benchmarks.md with `body` (adding it at the end when
 * missing, creating the file when absent) and refreshes the machine line of the header. Other
 * sections are left as they are.
 */
export function writeSection(title: string, body: string, now = new Date()): void {
  const section = `## ${title}\n\n${body.trim()}\n`;
  const old = existsSync(BENCHMARKS_DOC) ? readFileSync(BENCHMARKS_DOC, 'utf8') : '';
  const firstSection = old.search(/^## /m);
  const sections = firstSection < 0 ? '' : old.slice(firstSection);
  const parts = sections.split(/^(?=## )/m).filter((p) => p.trim().length > 0);
  const i = parts.findIndex((p) => p.startsWith(`## ${title}\n`));
  if (i >= 0) parts[i] = section;
  else parts.push(section);
  writeFileSync(BENCHMARKS_DOC, `${header(now)}\n${parts.map((p) => p.trimEnd()).join('\n\n')}\n`);
}
