import { benchCollab } from './collab';
import { benchExports } from './exports';
import { BENCHMARKS_DOC } from './report';

// Benchmarks run one after another so they never compete for the two cores.
// `BENCH_ONLY=exports` or `BENCH_ONLY=collab` runs just one of them.
const only = process.env.BENCH_ONLY;
const started = performance.now();
if (!only || only === 'exports') {
  console.log('Exportaciones…');
  console.log(`\n${await benchExports()}\n`);
}
if (!only || only === 'collab') {
  console.log('Colaboración…');
  console.log(`\n${await benchCollab()}\n`);
}
console.log(`Resultados guardados en ${BENCHMARKS_DOC}`);
console.log(`Tiempo total: ${((performance.now() - started) / 60_000).toFixed(1)} min`);
