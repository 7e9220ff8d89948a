import { sampleCommitmentVersion } from '@cocrea/domain/fixtures';
import { afterEach, describe, expect, it } from 'vitest';
import { ExportCache } from './ExportCache';
import os from 'node:os';
import { EXPORT_NICENESS, ExportBusyError, ExportRenderer, ExportTimeoutError, type ExportRendererOptions } from './ExportRenderer';
import type { RenderJob } from './renderExport';

const renderers: ExportRenderer[] = [];
afterEach(async () => {
  await Promise.all(renderers.splice(0).map((r) => r.close()));
});

const renderer = (o: Partial<ExportRendererOptions> = {}) => {
  const r = new ExportRenderer({ processes: 1, queue: 4, timeoutMs: 60_000, idleMs: 60_000, cacheBytes: 8 * 1_048_576, ...o });
  renderers.push(r);
  return r;
};

const version = sampleCommitmentVersion();
const pdfJob: RenderJob = { kind: 'document', format: 'pdf', plan: null, versions: [version] };
const svgJob: RenderJob = { kind: 'tree', format: 'svg', nodes: version.content.problemTree, title: 'Árbol' };

describe('ExportRenderer', () => {
  it('renders in a child process, not in the caller’s', async () => {
    const r = renderer();
    const pdf = await r.render(pdfJob);
    expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const svg = Buffer.from(await r.render(svgJob)).toString();
    expect(svg).toContain('<svg');
    const stats = r.stats();
    expect(stats.rendered).toBe(2);
    expect(stats.processIds.size).toBe(1);
    expect(stats.processIds.has(process.pid)).toBe(false);
    // Below the server's priority, so every mesa's saves get the CPU first.
    const [pid] = [...stats.processIds];
    expect(os.getPriority(pid)).toBe(Math.min(19, os.getPriority() + EXPORT_NICENESS));
  });

  it('serves a finalized version from the cache after the first render', async () => {
    const r = renderer();
    const first = await r.render(pdfJob, 'v1:pdf');
    const second = await r.render(pdfJob, 'v1:pdf');
    expect(second).toBe(first);
    expect(r.stats()).toMatchObject({ rendered: 1, cached: 1, cache: { entries: 1, bytes: first.byteLength } });
  });

  it('refuses an export when every process is busy and the queue is full', async () => {
    const r = renderer({ processes: 1, queue: 1 });
    const results = await Promise.allSettled([r.render(pdfJob), r.render(pdfJob), r.render(pdfJob)]);
    expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(2);
    const refused = results.find((x) => x.status === 'rejected');
    expect(refused?.reason).toBeInstanceOf(ExportBusyError);
    expect(r.stats().refused).toBe(1);
  });

  it('cancels an export past its time budget and kills its process', async () => {
    // 1 ms: less than a process takes to start, let alone render.
    const r = renderer({ timeoutMs: 1 });
    await expect(r.render(pdfJob)).rejects.toBeInstanceOf(ExportTimeoutError);
    expect(r.stats()).toMatchObject({ timedOut: 1, rendered: 0 });
    // Its process was killed, not left rendering.
    await r.close();
    expect(r.stats().processes).toBe(0);
  });
});

describe('ExportCache', () => {
  it('keeps the most recently used files within its byte budget', () => {
    const c = new ExportCache(100);
    for (const k of ['a', 'b', 'c', 'd', 'e']) c.set(k, new Uint8Array(20));
    c.get('a');
    c.set('f', new Uint8Array(20));
    // 120 bytes asked for, 100 allowed: the least recently used ("b") goes.
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toBeDefined();
    expect(c.size()).toEqual({ entries: 5, bytes: 100 });
    // Larger than a quarter of the budget: not kept at all.
    c.set('big', new Uint8Array(26));
    expect(c.get('big')).toBeUndefined();
  });
});
