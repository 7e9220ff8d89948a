// Entry of an export process (see ExportRenderer.ts). Plain JavaScript because the process does
// not inherit the TypeScript loader of the server: it registers tsx itself (unless `--import tsx`
// already gave it the loader), then renders one job per message until its parent lets it go.
import { register } from 'tsx/esm/api';

if (!process.execArgv.some((a) => /(^|[=/])tsx(\/|$)/.test(a))) register();

const { renderExport } = await import('./renderExport.ts');

process.on('message', (msg) => {
  const { id, job } = msg;
  renderExport(job).then(
    ({ body }) => process.send({ id, body, pid: process.pid, rss: process.memoryUsage().rss }),
    (err) => process.send({ id, error: err instanceof Error ? err.message : String(err) }),
  );
});
// The server went away (or closed the pool): nothing left to render for.
process.on('disconnect', () => process.exit(0));
process.send({ ready: true });
