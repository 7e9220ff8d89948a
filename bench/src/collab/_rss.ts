import { installCleanup, rssBytes, sleep } from './procs';
import { collectGarbage, newHome, removeHome, startServer } from './servers';
installCleanup();
for (const kind of ['cocrea', 'hocuspocus'] as const) {
  const home = newHome(kind, {}, ['--inspect=127.0.0.1:0']);
  const server = await startServer(home);
  const out: string[] = [];
  for (let i = 0; i < 25; i++) {
    await sleep(1000);
    const a = rssBytes(server.pid);
    await collectGarbage(server);
    await sleep(300);
    out.push(`${(a / 1e6).toFixed(1)}→${(rssBytes(server.pid) / 1e6).toFixed(1)}`);
  }
  console.log(kind, out.join(' '));
  await server.stop();
  removeHome(home);
}
