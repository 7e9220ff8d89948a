import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRoadmap, readTree, roadmapDocumentName, treeDocumentName } from '@cocrea/collab';
import { checkPasswordStrength } from '../src/auth/passwordStrength';
import { runDemo } from '../src/cli/demoCommand';
import { DemoError } from '../src/cli/demoLoader';
import fs from 'node:fs';
import { createDatabase, dropDatabase, signIn, startTestServer, storageOf, tempDataDir } from './harness';

/*
 * `npm run demo` on the test server's storage (SQLite, or PostgreSQL under COCREA_TEST_POSTGRES):
 * the Metepec exercise loads through the services, a newcomer finds every section of the public
 * micrositio filled in, the demo accounts sign in with the given password, and a second run is
 * refused.
 */

let server: Awaited<ReturnType<typeof startTestServer>>;
const out: string[] = [];
const PASSWORD = 'contraseña de la demostración';
const demo = (argv: string[] = ['--password-stdin']) => runDemo(argv, () => storageOf(server.dataDir), { out: (t) => out.push(t), stdin: () => Promise.resolve(`${PASSWORD}\n`) });

beforeAll(async () => {
  server = await startTestServer();
  await demo();
}, 120_000);
afterAll(async () => {
  await server.close();
});

interface PublicView {
  exercise: { id: string; municipality: string };
  stage: string;
  phases: { phase: string; complete: boolean }[];
  declaration: { signatories: unknown[]; document: { url: string } };
  launchForum: { evidence: { kind: string; mediaType?: string; url: string; sha256?: string }[] };
  awarenessEvents: { joinedCount: number; evidence: unknown[] }[];
  planLaunchEvent: { evidence: { kind: string; mediaType?: string; url: string; sha256?: string }[] };
  stm: { complete: boolean; seats: { titular: { name: string } | null; suplente: { name: string } | null }[]; facilitator: { name: string }; governanceRules: { mediaType: string; url: string } };
  pam: { plan: { status: string }; commitments: { content: { roadmap: { activities: unknown[] }; problemTree: unknown[] } }[]; approvals: unknown[] };
  tablero: { progress: number; commitments: { activities: { evidence: { document: { kind: string; mediaType?: string; url: string; sha256?: string } }[] }[] }[] };
  monitoring: { commitments: unknown[] } | null;
  evaluation: unknown;
  ods: { goals: unknown[] };
  kits: { items: unknown[]; publicProblem: string }[];
  openData: { name: string; rows: number }[];
}

const get = async <T>(url: string, headers: Record<string, string> = {}) => {
  const res = await fetch(server.url + url, { headers });
  return { status: res.status, body: (await res.json()) as T };
};

describe('npm run demo', () => {
  it('prints the accounts and never the password it was given', () => {
    const text = out.join('');
    expect(text).toMatch(/Ejercicio de demostración cargado: Metepec \([A-Za-z0-9]+\), fase actual «seguimiento»/);
    for (const email of ['lucia@seguridad-metepec.example.org', 'mariana@metepec-transparente.example.org', 'comisionada.garduno@infoem.example.org', 'gobierno.abierto@infoem.example.org']) {
      expect(text).toContain(email);
    }
    expect(text).not.toContain(PASSWORD);
  });

  it('fills every section of the public micrositio', async () => {
    const list = await get<{ exercises: { id: string; municipality: string; stage: string }[] }>('/api/public/exercises');
    expect(list.body.exercises.map((e) => [e.municipality, e.stage])).toEqual([['Metepec', 'seguimiento']]);
    const id = list.body.exercises[0]?.id ?? '';
    const { status, body: v } = await get<PublicView>(`/api/public/exercises/${id}`);
    expect(status).toBe(200);
    expect(v.stage).toBe('seguimiento');
    expect(v.phases.slice(0, 5).every((p) => p.complete)).toBe(true);
    expect(v.declaration.signatories).toHaveLength(4);
    expect(v.launchForum.evidence.map((e) => e.mediaType ?? e.kind)).toEqual(['application/pdf', 'image/png']);
    expect(v.awarenessEvents).toHaveLength(3);
    expect(v.awarenessEvents.every((e) => e.joinedCount > 0 && e.evidence.length > 0)).toBe(true);
    expect(v.planLaunchEvent.evidence.length).toBeGreaterThan(0);
    expect(v.stm.complete).toBe(true);
    expect(v.stm.seats.every((s) => s.titular && s.suplente)).toBe(true);
    expect(v.stm.facilitator.name).toBe('Lucía Benítez Carranza');
    expect(v.stm.governanceRules.mediaType).toBe('application/pdf');
    expect(v.pam.plan.status).toBe('publicado');
    expect(v.pam.commitments).toHaveLength(3);
    expect(v.pam.commitments.every((c) => c.content.roadmap.activities.length === 3 && c.content.problemTree.length > 3)).toBe(true);
    expect(v.pam.approvals).toHaveLength(3);
    expect(v.tablero.progress).toBeGreaterThan(0);
    const evidence = v.tablero.commitments.flatMap((c) => c.activities.flatMap((a) => a.evidence));
    expect(evidence).toHaveLength(18);
    expect(new Set(evidence.map((e) => e.document.mediaType ?? e.document.kind))).toEqual(new Set(['application/pdf', 'text/csv', 'enlace']));
    expect(v.monitoring?.commitments).toHaveLength(3);
    expect(v.evaluation).toBeNull();
    expect(v.ods.goals.length).toBeGreaterThan(2);
    expect(v.kits).toHaveLength(3);
    expect(v.kits.every((k) => k.items.length === 3 && k.publicProblem.length > 0)).toBe(true);
    expect(v.openData.filter((t) => t.rows === 0).map((t) => t.name)).toEqual([]);

    // Uploaded evidence downloads as the bytes whose SHA-256 names it: a real PDF and a real PNG.
    const pdf = evidence.find((e) => e.document.mediaType === 'application/pdf')?.document;
    const png = v.launchForum.evidence.find((e) => e.mediaType === 'image/png');
    for (const [file, magic] of [
      [pdf, '%PDF-'],
      [png, '\u0089PNG'],
    ] as const) {
      const res = await fetch(server.url + (file?.url ?? ''));
      expect(res.status).toBe(200);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.subarray(0, 5).toString('latin1').startsWith(magic)).toBe(true);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(file?.sha256);
    }
  });

  it('seeds the mesas trees and roadmaps, so the canvas and the editor open filled in', async () => {
    const storage = await storageOf(server.dataDir);
    try {
      const load = async (name: string) => {
        const doc = new Y.Doc();
        const stored = await storage.documents.load(name);
        for (const u of [...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates]) Y.applyUpdate(doc, u);
        return doc;
      };
      const tree = readTree(await load(treeDocumentName('mesaAguaMet')));
      expect(tree.nodes.filter((n) => n.kind === 'cause').map((n) => n.text)).toEqual(['No se publica el calendario de tandeos', 'Las fugas reportadas no tienen seguimiento público']);
      expect(tree.nodes.some((n) => n.kind === 'effect')).toBe(true);
      const roadmap = readRoadmap(await load(roadmapDocumentName('mesaAguaMet', 'compAguaMet')));
      expect(roadmap.activities.map((a) => a.id)).toEqual(['agua-1', 'agua-2', 'agua-3']);
      expect(roadmap.narrative).toContain('tandeo');
      expect((await storage.mesas.get('mesaAguaMet'))?.status).toBe('cerrada');
      expect((await storage.commitments.get('compAguaMet'))?.status).toBe('finalizado');
    } finally {
      await storage.close();
    }
  });

  it('gives the facilitator and the STM accounts that sign in with the password given', async () => {
    const fac = await signIn(server.url, 'lucia@seguridad-metepec.example.org', PASSWORD);
    const stm = await signIn(server.url, 'gobierno.abierto@infoem.example.org', PASSWORD);
    const [{ id }] = (await get<{ exercises: { id: string }[] }>('/api/public/exercises')).body.exercises as [{ id: string }];
    const view = await fac.api<{ members: { contact?: unknown }[]; reminders: { kind: string; status: string }[]; approvals: unknown[] }>('GET', `/api/exercises/${id}`);
    expect(view.status).toBe(200);
    expect(view.body.members).toHaveLength(15);
    expect(view.body.reminders.map((r) => [r.kind, r.status])).toEqual([
      ['monitoreo_seis_meses', 'hecha'],
      ['evaluacion_final', 'programada'],
    ]);
    const asStm = await stm.api<{ members: { contact?: unknown }[] }>('GET', `/api/exercises/${id}`);
    expect(asStm.status).toBe(200);
    expect(asStm.body.members.every((m) => m.contact === undefined)).toBe(true);
  });

  it('refuses a weak password given on stdin, writing nothing', async () => {
    const weak = runDemo(['--password-stdin'], () => storageOf(server.dataDir), { out: () => undefined, stdin: () => Promise.resolve('1234567890\n') });
    await expect(weak).rejects.toThrow(/fácil de adivinar/);
  });

  it('refuses a second run, writing nothing', async () => {
    await expect(demo()).rejects.toBeInstanceOf(DemoError);
    expect((await get<{ exercises: unknown[] }>('/api/public/exercises')).body.exercises).toHaveLength(1);
  });
});

describe('the demo script', () => {
  it('loads into the configured storage, prints a generated password once, and exits 1 on a second run', async () => {
    const dir = tempDataDir();
    const script = path.resolve(import.meta.dirname, '../src/cli/demo.ts');
    // On PostgreSQL the script gets a fresh database of its own.
    const base = process.env.COCREA_TEST_POSTGRES;
    const url = base ? await createDatabase(base, `demo_script_${path.basename(dir).replace(/\W/g, '')}`) : undefined;
    const env = { ...process.env, DATA_DIR: dir, LOG_LEVEL: 'silent', ...(url ? { DATABASE_URL: url } : {}) };
    const run = () =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        execFile(process.execPath, ['--import', 'tsx', script], { env, timeout: 60_000 }, (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }));
      });
    const first = await run();
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Contraseña de todas \(se muestra solo esta vez\): [A-Za-z0-9]{16}\n$/);
    // The generated password is one the server would accept when set anywhere else.
    const generated = /: ([A-Za-z0-9]{16})\n$/.exec(first.stdout)?.[1] ?? '';
    expect(await checkPasswordStrength(generated)).toMatchObject({ ok: true });
    const second = await run();
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('La demostración ya está cargada');
    if (url) await dropDatabase(url);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
