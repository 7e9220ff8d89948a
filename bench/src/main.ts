import { benchExports } from './exports';
import { BENCHMARKS_DOC } from './report';

// Benchmarks run one after another so they never compete for the two cores.
console.log('Exportaciones…');
console.log(`\n${await benchExports()}\n`);
console.log(`Resultados guardados en ${BENCHMARKS_DOC}`);
