import { sampleCommitmentVersion, samplePlan } from '@cocrea/domain/fixtures';
import { toActivitiesCsv, toDecidimCsv, toDocx, toOpenData, toPdf, toTreePng, toTreeSvg } from '../../apps/server/src/exports/index';
import { machineLine, writeSection } from './report';
import { measure, type Timing } from './stats';

/** What a PAM export must stay under, per format, on the reference machine. */
export const TARGET_MS = 1000;
const PLAN_SIZE = 30;

interface Case {
  name: string;
  commitments: number;
  /** Which JSON case this one is compared with. */
  baseline: string;
  run: () => Promise<Buffer | string> | Buffer | string;
  runs: number;
}

const size = (out: Buffer | string) => (typeof out === 'string' ? Buffer.byteLength(out) : out.length);
const ms = (n: number) => (n < 0.1 ? n.toFixed(3) : n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0));
const ratio = (n: number) => (n < 10 ? n.toFixed(1) : n.toFixed(0));

/**
 * Export times for a PAM of 30 commitments and for a single commitment: DOCX and PDF (the ones
 * with a 1 s target) next to JSON and CSV measured in the same run as the baseline.
 */
export async function benchExports(): Promise<string> {
  const { plan, versions } = samplePlan(PLAN_SIZE);
  const one = [sampleCommitmentVersion()];
  const tree = one[0]?.content.problemTree ?? [];
  const svg = toTreeSvg(tree, 'Árbol de problemas');
  const cases: Case[] = [
    { name: 'JSON', commitments: PLAN_SIZE, baseline: 'JSON', run: () => JSON.stringify(toOpenData(plan, versions)), runs: 30 },
    { name: 'CSV', commitments: PLAN_SIZE, baseline: 'JSON', run: () => toActivitiesCsv(plan, versions), runs: 30 },
    { name: 'Decidim CSV', commitments: PLAN_SIZE, baseline: 'JSON', run: () => toDecidimCsv(plan, versions), runs: 30 },
    { name: 'DOCX', commitments: PLAN_SIZE, baseline: 'JSON', run: () => toDocx(plan, versions), runs: 12 },
    { name: 'PDF', commitments: PLAN_SIZE, baseline: 'JSON', run: () => toPdf(plan, versions), runs: 12 },
    { name: 'JSON', commitments: 1, baseline: 'JSON', run: () => JSON.stringify(toOpenData(null, one)), runs: 30 },
    { name: 'DOCX', commitments: 1, baseline: 'JSON', run: () => toDocx(null, one), runs: 20 },
    { name: 'PDF', commitments: 1, baseline: 'JSON', run: () => toPdf(null, one), runs: 20 },
    { name: 'Árbol SVG', commitments: 1, baseline: 'JSON', run: () => toTreeSvg(tree, 'Árbol de problemas'), runs: 30 },
    { name: 'Árbol PNG', commitments: 1, baseline: 'JSON', run: () => toTreePng(svg), runs: 20 },
  ];

  const results: (Case & Timing & { bytes: number })[] = [];
  for (const c of cases) {
    const t = await measure(c.run, { warmup: 3, runs: c.runs });
    results.push({ ...c, ...t, bytes: size(t.last) });
    console.log(`  ${c.name} (${c.commitments}): mediana ${ms(t.medianMs)} ms, p95 ${ms(t.p95Ms)} ms`);
  }
  const base = (r: (typeof results)[number]) => results.find((b) => b.name === r.baseline && b.commitments === r.commitments)?.medianMs ?? Number.NaN;

  const now = new Date();
  const rows = results.map((r) => {
    const vsTarget = r.medianMs / TARGET_MS;
    return `| ${r.name} | ${r.commitments} | ${ms(r.medianMs)} | ${ms(r.p95Ms)} | ${ratio(r.medianMs / base(r))}× | ${(vsTarget * 100).toFixed(vsTarget < 0.01 ? 2 : 1)} % | ${(r.bytes / 1024).toFixed(0)} KB | ${r.runs} |`;
  });
  const body = [
    `PAM de ${PLAN_SIZE} compromisos (\`samplePlan(${PLAN_SIZE})\`) y un compromiso suelto; 3 corridas de calentamiento y luego`,
    `las indicadas, en serie, en un solo proceso. «× JSON» divide la mediana entre la de la exportación JSON con el mismo número`,
    `de compromisos, medida en la misma corrida; «objetivo» la compara con ${TARGET_MS} ms por exportación.`,
    '',
    `Medido en: ${machineLine(now)}.`,
    '',
    '| Formato | Compromisos | Mediana (ms) | p95 (ms) | × JSON | % del objetivo | Tamaño | Corridas |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
  writeSection('Exportaciones', body, now);
  return body;
}
