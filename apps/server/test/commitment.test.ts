import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PROBLEM_NODE_ID, type CommitmentVersion } from '@cocrea/domain';
import { addNode, applyTextChange, readRoadmap, roadmapText } from '@cocrea/collab';
import { feasibleReview, fillRoadmap } from './roadmapFixture';
import { connectClient, createMesa, join, rawSql, signedIn, startTestServer, storageOf, waitFor, type TestClient } from './harness';
import type { Session } from './harness';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

/** A request as a signed-in account (`Session`), a participant (its token) or nobody. */
async function call<T = Record<string, unknown>>(method: string, url: string, who?: Session | string, body?: unknown) {
  const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
  if (typeof who === 'string') headers.authorization = `Bearer ${who}`;
  else if (who) Object.assign(headers, { cookie: who.cookie, 'x-csrf-token': who.csrfToken });
  const res = await fetch(server.url + url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as T & { error?: { code: string; message: string; details?: { missing?: string[] } } } };
}

/** A document exactly as a restarted server would load it: snapshot + log tail from storage. */
async function loadFromDisk(name: string): Promise<Y.Doc> {
  const storage = await storageOf(server.dataDir);
  try {
    const stored = await storage.documents.load(name);
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(doc, u);
    return doc;
  } finally {
    await storage.close();
  }
}

describe('from tree to commitment to PAM', () => {
  let mesaId: string;
  /** The facilitator: reviews, finalizes, reopens, runs the PAM. */
  let ana: Session;
  /** Ana's collaboration token for the mesa. */
  let anaToken: string;
  let commitmentId: string;
  let roadmapName: string;
  let writer: TestClient;
  let peer: TestClient;

  it('a mesa formulates an alternative and a preliminary commitment, stamped with who did it', async () => {
    mesaId = await createMesa(server.url);
    ana = await signedIn(server, 'facilitator', { name: 'Ana Facilitadora' });
    const collab = await ana.token(mesaId);
    anaToken = collab.token;
    const tree = await connectClient(server.url, collab.documents.tree, anaToken);
    const cause = addNode(tree.doc, { parentId: PROBLEM_NODE_ID, kind: 'cause', text: 'Falta de monitoreo', author: { id: ana.account.id, name: 'Ana' } });
    await waitFor(() => tree.tracker.state.isSaved, 'cause saved');

    expect((await call('POST', `/api/mesas/${mesaId}/alternatives`, undefined, { text: 'x' })).status).toBe(401);
    const other = await join(server.url, await createMesa(server.url, 'Otra'), 'Intrusa');
    expect((await call('POST', `/api/mesas/${mesaId}/alternatives`, other.token, { text: 'x' })).status).toBe(403);
    // A collaboration token is for the WebSocket: an account uses its session on REST.
    expect((await call('POST', `/api/mesas/${mesaId}/alternatives`, anaToken, { text: 'x' })).status).toBe(401);
    const bad = await call('POST', `/api/mesas/${mesaId}/alternatives`, ana, { text: 'x', causeIds: ['no-existe'] });
    expect(bad.status).toBe(409);

    const alt = await call<{ alternative: { id: string; created: { by: { name: string } } } }>('POST', `/api/mesas/${mesaId}/alternatives`, ana, {
      text: 'Monitoreo ciudadano',
      causeIds: [cause],
    });
    expect(alt.status).toBe(201);
    expect(alt.body.alternative.created.by.name).toBe('Ana Facilitadora');

    const created = await call<{ commitment: { id: string; status: string }; documents: { roadmap: string } }>(
      'POST',
      `/api/mesas/${mesaId}/commitments`,
      ana,
      { title: 'Monitoreo ciudadano de la calidad del agua', alternativeIds: [alt.body.alternative.id] },
    );
    expect(created.status).toBe(201);
    expect(created.body.commitment.status).toBe('preliminar');
    commitmentId = created.body.commitment.id;
    roadmapName = created.body.documents.roadmap;
    tree.destroy();
  });

  it('a participant may propose but not review, decide, finalize or reopen', async () => {
    const carla = await join(server.url, mesaId, 'Carla');
    for (const step of ['review', 'definitive', 'finalize', 'reopen']) {
      const r = await call('POST', `/api/commitments/${commitmentId}/${step}`, carla.token, step === 'review' ? feasibleReview : undefined);
      expect(r.status, step).toBe(403);
      expect(r.body.error?.code, step).toBe('forbidden');
    }
  });

  it('only a reviewed, feasible commitment becomes definitivo', async () => {
    const early = await call('POST', `/api/commitments/${commitmentId}/definitive`, ana);
    expect(early.status).toBe(409);
    expect(early.body.error?.message).toContain('revisión de factibilidad');
    const incomplete = await call('POST', `/api/commitments/${commitmentId}/review`, ana, { criteria: {}, decision: 'factible' });
    expect(incomplete.status).toBe(400);
    const notFeasible = await call('POST', `/api/commitments/${commitmentId}/review`, ana, { ...feasibleReview, decision: 'requiere_ajustes' });
    expect(notFeasible.status).toBe(200);
    expect((await call('POST', `/api/commitments/${commitmentId}/definitive`, ana)).status).toBe(409);
    const ok = await call<{ commitment: { status: string; review: { stamp: { by: { name: string } } } } }>('POST', `/api/commitments/${commitmentId}/review`, ana, feasibleReview);
    expect(ok.body.commitment.status).toBe('revisado');
    expect(ok.body.commitment.review.stamp.by.name).toBe('Ana Facilitadora');
    const def = await call<{ commitment: { status: string } }>('POST', `/api/commitments/${commitmentId}/definitive`, ana);
    expect(def.body.commitment.status).toBe('definitivo');
  });

  it('finalizing an incomplete roadmap stores nothing and lists every missing element', async () => {
    const r = await call('POST', `/api/commitments/${commitmentId}/finalize`, ana);
    expect(r.status).toBe(422);
    expect(r.body.error?.code).toBe('roadmap_incomplete');
    const missing = r.body.error?.details?.missing ?? [];
    expect(missing).toEqual(
      expect.arrayContaining([
        '1) Falta el nombre de la persona servidora pública responsable.',
        '2) Falta la organización de la sociedad civil co-responsable.',
        '3) Actividad 1: falta la descripción.',
        '4) Falta el resultado final.',
        '5) Falta al menos un producto esperado.',
        '6) Indicador 1: falta el nombre.',
        '7) Falta al menos un medio de verificación.',
        '8) Falta la fecha de inicio.',
        '8) Falta la fecha de conclusión.',
      ]),
    );
    const after = await call<{ commitment: { status: string; editable: boolean }; versions: unknown[] }>('GET', `/api/commitments/${commitmentId}`, ana);
    expect(after.body.commitment).toMatchObject({ status: 'definitivo', editable: true });
    expect(after.body.versions).toEqual([]);
    const storage = await storageOf(server.dataDir);
    expect(await storage.commitments.versions(commitmentId)).toEqual([]);
    await storage.close();
  });

  it('finalizes while someone is typing: the version is exactly what stays in the document', async () => {
    writer = await connectClient(server.url, roadmapName, anaToken);
    const beto = await join(server.url, mesaId, 'Beto');
    peer = await connectClient(server.url, roadmapName, beto.token);
    fillRoadmap(writer.doc);
    await waitFor(() => writer.tracker.state.isSaved, 'roadmap saved');

    // Beto keeps typing into the final result while Ana finalizes.
    let typing = true;
    const notes = roadmapText(peer.doc, 'coContact') as Y.Text;
    const typist = (async () => {
      for (let i = 0; typing && i < 2000; i++) {
        notes.insert(notes.length, String(i % 10));
        await new Promise((r) => setImmediate(r));
      }
    })();
    await waitFor(() => notes.length > 20, 'Beto typing');
    const fin = await call<{ version: CommitmentVersion; commitment: { status: string; editable: boolean } }>('POST', `/api/commitments/${commitmentId}/finalize`, ana);
    expect(fin.status).toBe(201);
    await waitFor(() => peer.tracker.state.refused, 'Beto told the document is read-only');
    typing = false;
    await typist;
    const v = fin.body.version;
    expect(v.version).toBe(1);
    expect(v.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(v.finalized.by.name).toBe('Ana Facilitadora');
    expect(fin.body.commitment).toMatchObject({ status: 'finalizado', editable: false });
    expect(v.content.problemTree.map((n) => n.text)).toContain('Falta de monitoreo');
    expect(v.content.roadmap.activities).toHaveLength(2);
    expect(v.content.alternatives.map((a) => a.text)).toEqual(['Monitoreo ciudadano']);

    // What a newcomer reads now, and what a restart would load from disk, is exactly the version.
    const reader = await connectClient(server.url, roadmapName, (await join(server.url, mesaId, 'Lectora')).token);
    expect(readRoadmap(reader.doc).coResponsible.contact).toBe(v.content.roadmap.coResponsible.contact);
    reader.destroy();
    await waitFor(async () => (await fetch(`${server.url}/healthz`).then((r) => r.json() as Promise<{ pendingWrites: number }>)).pendingWrites === 0, 'log drained');
    expect(readRoadmap(await loadFromDisk(roadmapName)).coResponsible.contact).toBe(v.content.roadmap.coResponsible.contact);
  });

  it('a finalized version cannot be changed through the WebSocket', async () => {
    const before = readRoadmap(writer.doc).finalResult;
    applyTextChange(roadmapText(writer.doc, 'finalResult') as Y.Text, 'ESCRITURA PROHIBIDA');
    await waitFor(() => writer.tracker.state.refused, 'writer told it is read-only');
    const fresh = await connectClient(server.url, roadmapName, (await join(server.url, mesaId, 'Verificadora')).token);
    expect(readRoadmap(fresh.doc).finalResult).toBe(before);
    expect(readRoadmap(peer.doc).finalResult).toBe(before);
    // A new connection to a locked document is told so at authentication.
    expect(fresh.provider.authorizedScope).toBe('readonly');
    fresh.destroy();
  });

  it('a finalized version cannot be changed through the API or the database', async () => {
    for (const [method, url] of [
      ['PUT', `/api/commitments/${commitmentId}/versions/1`],
      ['PATCH', `/api/commitments/${commitmentId}/versions/1`],
      ['DELETE', `/api/commitments/${commitmentId}/versions/1`],
      ['POST', `/api/commitments/${commitmentId}/versions/1`],
    ] as const) {
      expect((await call(method, url, ana, {})).status, `${method} ${url}`).toBe(404);
    }
    expect((await call('POST', `/api/commitments/${commitmentId}/finalize`, ana)).status).toBe(409);
    await expect(rawSql(server.dataDir, "UPDATE commitment_versions SET title = 'x'")).rejects.toThrow(/immutable/);
    await expect(rawSql(server.dataDir, 'DELETE FROM version_activities')).rejects.toThrow(/immutable/);
  });

  it('reopening writes a new version and keeps the old one retrievable', async () => {
    const v1 = await call<{ version: CommitmentVersion }>('GET', `/api/commitments/${commitmentId}/versions/1`, ana);
    const reopened = await call<{ commitment: { editable: boolean; reopened: { by: { name: string } } } }>('POST', `/api/commitments/${commitmentId}/reopen`, ana);
    expect(reopened.body.commitment.editable).toBe(true);
    expect(reopened.body.commitment.reopened.by.name).toBe('Ana Facilitadora');
    // The writer whose edit was refused holds content the server never took; a real client locks
    // its UI instead. Edit from a fresh client.
    writer.destroy();
    const editor = await connectClient(server.url, roadmapName, (await ana.token(mesaId)).token);
    expect(editor.provider.authorizedScope).toBe('read-write');
    applyTextChange(roadmapText(editor.doc, 'finalResult') as Y.Text, 'Resultado final revisado');
    await waitFor(() => editor.tracker.state.isSaved && !editor.tracker.state.refused, 'edit after reopen saved');
    await waitFor(() => readRoadmap(peer.doc).finalResult === 'Resultado final revisado', 'peer sees the new text');
    const v2 = await call<{ version: CommitmentVersion }>('POST', `/api/commitments/${commitmentId}/finalize`, ana);
    expect(v2.status).toBe(201);
    expect(v2.body.version.version).toBe(2);
    expect(v2.body.version.content.roadmap.finalResult).toBe('Resultado final revisado');
    expect(v2.body.version.contentHash).not.toBe(v1.body.version.contentHash);
    const again = await call<{ version: CommitmentVersion }>('GET', `/api/commitments/${commitmentId}/versions/1`, ana);
    expect(again.body.version).toEqual(v1.body.version);
    const list = await call<{ versions: { version: number }[] }>('GET', `/api/commitments/${commitmentId}/versions`, ana);
    expect(list.body.versions.map((v) => v.version)).toEqual([1, 2]);
    editor.destroy();
    peer.destroy();
  });

  it('a PAM gathers finalized commitments, is approved, published and then public', async () => {
    const created = await call<{ pam: { id: string; status: string } }>('POST', '/api/pams', ana, { title: 'PAM 2027', municipality: 'Toluca' });
    expect(created.status).toBe(201);
    const id = created.body.pam.id;
    expect((await call('POST', `/api/pams/${id}/approve`, ana)).status).toBe(409);
    const added = await call<{ pam: { entries: { commitmentId: string; version: number }[] } }>('POST', `/api/pams/${id}/entries`, ana, { commitmentId });
    expect(added.body.pam.entries).toEqual([{ commitmentId, version: 2 }]);
    expect((await call('GET', `/api/public/pams/${id}`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/public/pams/${id}/export.pdf`)).status).toBe(404);
    expect((await call('POST', `/api/pams/${id}/approve`, ana)).status).toBe(200);
    const noDate = await call('POST', `/api/pams/${id}/publish`, ana);
    expect(noDate.status).toBe(409);
    expect(noDate.body.error?.message).toContain('fecha de lanzamiento');
    await call('PATCH', `/api/pams/${id}`, ana, { launchDate: '2027-02-01' });
    const pub = await call<{ pam: { status: string; validUntil: string } }>('POST', `/api/pams/${id}/publish`, ana);
    expect(pub.body.pam).toMatchObject({ status: 'publicado', validUntil: '2028-01-31' });
    const pub2 = await call<{ pam: { id: string }; commitments: CommitmentVersion[] }>('GET', `/api/public/pams/${id}`);
    expect(pub2.status).toBe(200);
    expect(pub2.body.commitments.map((c) => c.version)).toEqual([2]);
    const list = await call<{ pams: { id: string }[] }>('GET', '/api/public/pams');
    expect(list.body.pams.map((p) => p.id)).toEqual([id]);
    expect((await call('PATCH', `/api/pams/${id}`, ana, { title: 'otro' })).status).toBe(409);

    for (const [format, type] of [
      ['json', 'application/json'],
      ['csv', 'text/csv'],
      ['decidim.csv', 'text/csv'],
      ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['pdf', 'application/pdf'],
    ] as const) {
      const res = await fetch(`${server.url}/api/pams/${id}/export.${format}`, { headers: { cookie: ana.cookie } });
      expect(res.status, format).toBe(200);
      expect(res.headers.get('content-type'), format).toContain(type);
      expect(res.headers.get('content-disposition'), format).toMatch(/attachment; filename="[\w.-]+"/);
      expect((await res.arrayBuffer()).byteLength, format).toBeGreaterThan(100);
    }
    for (const f of ['tree.svg', 'tree.png', 'export.docx']) {
      expect((await fetch(`${server.url}/api/commitments/${commitmentId}/versions/1/${f}`, { headers: { cookie: ana.cookie } })).status, f).toBe(200);
    }
    expect((await fetch(`${server.url}/api/commitments/${commitmentId}/versions/9/export.pdf`, { headers: { cookie: ana.cookie } })).status).toBe(404);
    expect((await fetch(`${server.url}/api/pams/${id}/export.exe`, { headers: { cookie: ana.cookie } })).status).toBe(404);
    // The staff routes need an account; the published plan's files are public under /api/public.
    expect((await fetch(`${server.url}/api/pams/${id}/export.pdf`)).status).toBe(401);
    for (const f of ['export.pdf', 'export.csv', `commitments/${commitmentId}/export.docx`, `commitments/${commitmentId}/tree.svg`]) {
      const res = await fetch(`${server.url}/api/public/pams/${id}/${f}`);
      expect(res.status, f).toBe(200);
      expect((await res.arrayBuffer()).byteLength, f).toBeGreaterThan(100);
    }
    // Only the version the plan includes (2), and only of its commitments.
    const publicJson = (await (await fetch(`${server.url}/api/public/pams/${id}/commitments/${commitmentId}/export.json`)).json()) as { commitments: { version: number }[] };
    expect(publicJson.commitments.map((c) => c.version)).toEqual([2]);
    expect((await fetch(`${server.url}/api/public/pams/${id}/commitments/otro_compromiso/export.pdf`)).status).toBe(404);
  });
});
