import { benchAbuse } from './abuse';
import { benchCollab } from './collab';
import { benchExports } from './exports';
import { benchExportsLarge } from './exportsLarge';
import { BENCHMARKS_DOC } from './report';

// Benchmarks run one after another so they never compete for the two cores.
// `BENCH_ONLY=exports`, `exports-large`, `collab` or `abuse` runs just one of them.
const only = process.env.BENCH_ONLY;
const started = performance.now();
if (!only || only === 'exports') {
  console.log('Exportaciones…');
  console.log(`\n${await benchExports()}\n`);
}
if (!only || only === 'exports-large') {
  console.log('Exportaciones de un árbol enorme…');
  console.log(`\n${await benchExportsLarge()}\n`);
}
if (!only || only === 'collab') {
  console.log('Colaboración…');
  console.log(`\n${await benchCollab()}\n`);
}
if (!only || only === 'abuse') {
  console.log('Abusos…');
  console.log(`\n${await benchAbuse()}\n`);
}
console.log(`Resultados guardados en ${BENCHMARKS_DOC}`);
console.log(`Tiempo total: ${((performance.now() - started) / 60_000).toFixed(1)} min`);
