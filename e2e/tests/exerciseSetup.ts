import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { NARRATIVE_FIELD, addRoadmapItem, roadmapList, roadmapText, setOdsTarget, setRoadmapDate, type RoadmapList } from '@cocrea/collab';
import { REVIEW_CRITERIA, mexicoDayOfInstant } from '@cocrea/domain';
import { expect } from '@playwright/test';
import type { StaffApi } from './staff';

/**
 * Heavy set-up of the exercise e2e, done the way a client would and not through the screens the
 * test is about: a mesa whose commitment was reviewed, made definitive, co-written (its roadmap
 * document written over the collaboration socket with the same `@cocrea/collab` helpers the web
 * app uses) and finalized; and `npm run demo` for the Metepec exercise.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Today in the Estado de México, as the server's rules read it. */
export const today = (): string => mexicoDayOfInstant(new Date().toISOString());

/** `day` moved by `n` days. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** What the roadmap of the e2e commitment says. */
export interface RoadmapSeed {
  activities: { description: string; responsible: string; startDate: string; endDate: string }[];
  meansOfVerification: string[];
}

/** Opens a document over the collaboration socket and waits until it is synced. */
async function openDocument(baseURL: string, name: string, token: string): Promise<{ doc: Y.Doc; provider: HocuspocusProvider }> {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url: `${baseURL.replace('http', 'ws')}/collab`, WebSocketPolyfill: WebSocket });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name, document: doc, token });
  provider.attach();
  await expect.poll(() => provider.isSynced, { timeout: 15_000 }).toBe(true);
  return { doc, provider };
}

/** Writes every element of a roadmap into its (seeded) document. */
function writeRoadmap(doc: Y.Doc, r: RoadmapSeed, start: string, end: string): void {
  doc.transact(() => {
    const text = (field: Parameters<typeof roadmapText>[1], value: string) => roadmapText(doc, field)?.insert(0, value);
    text('responsibleName', 'Karla Domínguez Reyes');
    text('responsiblePosition', 'Directora de Gobierno Digital');
    text('responsibleOffice', 'H. Ayuntamiento de Tenancingo');
    text('coOrganization', 'Tenancingo Cómo Vamos A.C.');
    text('coContact', 'contacto@tenancingo-comovamos.example.org');
    text('finalResult', 'Un portal de trámites con tiempos de respuesta públicos y vigilancia ciudadana');
    setRoadmapDate(doc, 'startDate', start);
    setRoadmapDate(doc, 'endDate', end);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('La ciudadanía podrá consultar cuánto tarda cada trámite municipal y reportar demoras.')]);
    doc.getXmlFragment(NARRATIVE_FIELD).insert(0, [paragraph]);
    // Each list was seeded with one empty item: fill it, then add the rest.
    const fill = (list: RoadmapList, rows: Record<string, string>[]) => {
      const [first, ...rest] = rows;
      const seeded = roadmapList(doc, list).get(0);
      for (const [k, v] of Object.entries(first ?? {})) {
        const cur = seeded.get(k);
        if (cur instanceof Y.Text) cur.insert(0, v);
        else seeded.set(k, v);
      }
      for (const row of rest) addRoadmapItem(doc, list, row);
    };
    fill('activities', r.activities);
    fill('indicators', [{ name: 'Trámites con tiempo de respuesta publicado', unit: 'trámites', baseline: '0', goal: '40' }]);
    fill('products', [{ text: 'Portal de trámites con tiempos de respuesta' }]);
    fill('verification', r.meansOfVerification.map((text) => ({ text })));
    setOdsTarget(doc, '16.6', true);
    setOdsTarget(doc, '16.10', true);
  });
}

/**
 * A mesa of Tenancingo with one commitment finalized with its roadmap, set up through the
 * facilitator's session: created, reviewed (feasible), made definitive, its roadmap co-written
 * over the socket, finalized. Returns the commitment's id and title.
 */
export async function finalizedCommitment(api: StaffApi, baseURL: string, r: RoadmapSeed): Promise<{ mesaId: string; commitmentId: string; title: string }> {
  const { mesa } = await api.post<{ mesa: { id: string } }>('/api/mesas', {
    title: 'Mesa de trámites municipales',
    topic: 'Trámites y servicios',
    description: 'Los trámites municipales tardan y nadie sabe cuánto',
  });
  const title = 'Tiempos de respuesta de trámites en datos abiertos';
  const { commitment } = await api.post<{ commitment: { id: string }; documents: { roadmap: string } }>(`/api/mesas/${mesa.id}/commitments`, {
    title,
    description: 'Publicar y vigilar cuánto tarda cada trámite.',
  });
  const criteria = Object.fromEntries(REVIEW_CRITERIA.map((c) => [c, { verdict: 'cumple', reasons: 'Cumple con lo acordado en la mesa.' }]));
  await api.post(`/api/commitments/${commitment.id}/review`, { criteria, decision: 'factible' });
  await api.post(`/api/commitments/${commitment.id}/definitive`);
  const { token } = await api.post<{ token: string }>(`/api/mesas/${mesa.id}/token`);
  const { doc, provider } = await openDocument(baseURL, `mesa:${mesa.id}:roadmap:${commitment.id}`, token);
  try {
    const start = r.activities[0]?.startDate ?? today();
    const end = r.activities.at(-1)?.endDate ?? today();
    writeRoadmap(doc, r, start, end);
    await expect.poll(() => provider.hasUnsyncedChanges, { timeout: 15_000 }).toBe(false);
  } finally {
    provider.destroy();
    doc.destroy();
  }
  await api.post(`/api/commitments/${commitment.id}/finalize`);
  return { mesaId: mesa.id, commitmentId: commitment.id, title };
}

/** The password every demo account gets in the e2e. */
export const DEMO_PASSWORD = 'contraseña-demo-e2e-2026';

/** The demo's facilitator and one seat holder per STM sector (see `apps/server/src/cli/demoLoader.ts`). */
export const DEMO = {
  facilitator: 'lucia@seguridad-metepec.example.org',
  organoGarante: 'comisionada.garduno@infoem.example.org',
} as const;

/**
 * `npm run demo` into the data directory the server under test uses, as a newcomer would run it
 * (the server keeps running; both share the SQLite file). Loading twice is refused by the command,
 * which a retried test takes as "already loaded".
 */
export function loadDemo(): void {
  const dataDir = process.env.COCREA_E2E_DATA_DIR;
  if (!dataDir) throw new Error('COCREA_E2E_DATA_DIR is not set (see playwright.config.ts)');
  const run = spawnSync('npm', ['run', '--silent', 'demo', '--', '--password-stdin'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    input: `${DEMO_PASSWORD}\n`,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (run.status !== 0 && !/ya está cargada/.test(run.stderr)) throw new Error(`npm run demo failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
}
