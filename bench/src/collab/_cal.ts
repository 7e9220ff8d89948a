import type { ServerKind } from './client';
import { installCleanup } from './procs';
import { latencyRun } from './scenarios';
import { newHome, removeHome, startServer } from './servers';
import { LoadWorkers } from './workers';

installCleanup();
const workers = await LoadWorkers.start(2);
const [kinds, docs, perDoc, rate] = [process.argv[2]?.split(',') as ServerKind[], Number(process.argv[3]), Number(process.argv[4]), Number(process.argv[5])];
for (const kind of kinds) {
  const home = newHome(kind, { ...(process.env.NORMAL ? { SQLITE_SYNCHRONOUS: 'NORMAL' } : {}), }, process.env.SPROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SPROF}/${kind}`] : []);
  const server = await startServer(home);
  const t = Date.now();
  const r = await latencyRun(server, workers, { variant: '', docs, perDoc, rate, warmupMs: 3000, measureMs: 10000 });
  const q = (h: typeof r.deliveries) => [0.5, 0.95, 0.99].map((x) => h.quantile(x).toFixed(1)).join('/');
  console.log(kind, `${docs}x${perDoc}@${rate}`, 'edits', r.edits, 'complete', r.complete, 'deliv', q(r.deliveries), 'all', q(r.allPeers), 'cpu', r.serverCpuPct.toFixed(0), 'elu', r.maxWorkerElu.toFixed(2), 'wcpu', r.workerCpuPct.toFixed(0), 'took', Date.now() - t);
  if (r.profile) console.log(JSON.stringify(r.profile.durableWrite), r.profile.batchSize?.sum, r.profile.batchSize?.count);
  await server.stop();
  removeHome(home);
}
await workers.stop();
