import { pathToFileURL } from 'node:url';
import type { AgreedTreeNode } from '@cocrea/domain';
import { sampleCommitmentVersion } from '@cocrea/domain/fixtures';
import { ExportRenderer } from '../../apps/server/src/exports/ExportRenderer';
import type { RenderJob } from '../../apps/server/src/exports/renderExport';
import { machineLine, writeSection } from './report';

/** What one export of the pathological tree must stay under, per format. */
export const TARGET_MS = 2000;
const NODES = 1500;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/** 1,500 causes and effects whose labels are single 280-character words (issue holes 1 and 2). */
function pathologicalTree(): AgreedTreeNode[] {
  return [
    { id: 'problem', kind: 'problem', parentId: null, text: 'Baja calidad del agua potable', depth: 0 },
    ...Array.from({ length: NODES }, (_, i): AgreedTreeNode => ({
      id: `n${i}`,
      kind: i % 7 === 0 ? 'effect' : 'cause',
      parentId: i < 14 || i % 3 === 0 ? 'problem' : `n${i - 7}`,
      text: `${String.fromCharCode(97 + (i % 26)).repeat(272)}${String(i).padStart(8, '0')}`,
      depth: 1,
    })),
  ];
}

const ms = (n: number) => (n < 10 ? n.toFixed(1) : n.toFixed(0));

/**
 * Time of each export of a 1,500-node tree with 280-character single-word labels — SVG, PNG, PDF
 * and DOCX — rendered the way the server does it (one warm export process), next to
 * the 1 s / 2 s targets. Another mesa's save latency while such exports run is the «export»
 * window of `abuse.ts`.
 */
export async function benchExportsLarge(): Promise<string> {
  const version = sampleCommitmentVersion();
  const nodes = pathologicalTree();
  version.content.problemTree = nodes;
  const renderer = new ExportRenderer({ processes: 1, queue: 4, timeoutMs: 600_000, idleMs: 600_000, cacheBytes: 0 });
  const jobs: [string, RenderJob][] = [
    ['Árbol SVG', { kind: 'tree', format: 'svg', nodes, title: 'Árbol de 1 500 nodos' }],
    ['Árbol PNG', { kind: 'tree', format: 'png', nodes, title: 'Árbol de 1 500 nodos' }],
    ['PDF', { kind: 'document', format: 'pdf', plan: null, versions: [version] }],
    ['DOCX', { kind: 'document', format: 'docx', plan: null, versions: [version] }],
  ];
  const rows: string[] = [];
  try {
    // Start the process (tsx, PDFKit, docx, resvg load once).
    await renderer.render({ kind: 'tree', format: 'svg', nodes: nodes.slice(0, 3), title: 'calentamiento' });
    for (const [name, job] of jobs) {
      const times: number[] = [];
      let bytes = 0;
      for (let r = 0; r < RUNS; r++) {
        const t = performance.now();
        bytes = (await renderer.render(job)).byteLength;
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      const median = times[Math.floor(times.length / 2)] ?? Number.NaN;
      console.log(`  ${name}: mediana ${ms(median)} ms (${RUNS} corridas)`);
      rows.push(`| ${name} | ${ms(median)} | ${ms(times[times.length - 1] ?? Number.NaN)} | ${((median / TARGET_MS) * 100).toFixed(0)} % | ${(bytes / 1024).toFixed(0)} KB |`);
    }
  } finally {
    await renderer.close();
  }
  const now = new Date();
  const body = [
    `Un árbol de ${NODES} nodos cuyas etiquetas son palabras únicas de 280 caracteres, exportado por un proceso de`,
    `exportaciones ya iniciado (como lo hace el servidor), ${RUNS} corridas por formato. Objetivo: ${TARGET_MS} ms por exportación.`,
    '',
    `Medido en: ${machineLine(now)}.`,
    '',
    '| Formato | Mediana (ms) | Máximo (ms) | % del objetivo | Tamaño |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
  writeSection('Exportaciones de un árbol enorme', body, now);
  return body;
}

// `npx tsx bench/src/exportsLarge.ts` runs it alone.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(`\n${await benchExportsLarge()}\n`);
