// Thread of MergeThread.ts: folds a stored document (snapshot + log) into one update. Plain
// JavaScript that registers tsx itself when the thread did not inherit the loader, as
// renderProcess.mjs does, so the merge is the one in DocumentCompactor.ts.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

if (!process.execArgv.some((a) => /(^|[=/])tsx(\/|$)/.test(a))) register();

const { mergeStored } = await import('./DocumentCompactor.ts');

parentPort.on('message', ({ id, snapshot, updates }) => {
  try {
    const skipped = [];
    const state = mergeStored({ snapshot, updates }, (err) => skipped.push(err instanceof Error ? err.message : String(err)));
    parentPort.postMessage({ id, state, skipped }, [state.buffer]);
  } catch (err) {
    parentPort.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});
