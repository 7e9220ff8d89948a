import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { PROBLEM_NODE_ID } from '@cocrea/domain';
import {
  addNode,
  addNote,
  annotationsDocumentName,
  annotationThreads,
  applyTextChange,
  CloseCode,
  DenialReason,
  readRoadmap,
  readTree,
  roadmapText,
  treeDocumentName,
} from '@cocrea/collab';
import { api, bearer, signedIn, startTestServer, TEST_PASSWORD, waitFor } from './harness';
import { MatrixWorld, type Req, type Scope } from './matrixWorld';
import { documentMatrix, MATRIX_ROLES, restMatrix, type MatrixRole } from './permissionsDoc';
import { feasibleReview } from './roadmapFixture';

/*
 * docs/permissions.md, walked row by row against a real server with real requests and real
 * WebSocket clients: every ✅ must succeed, every ❌ must be refused (401 without credentials,
 * 403 with) and leave every table and every loaded document byte-for-byte as it was.
 */

let world: MatrixWorld;
/** Finalized commitments of mesa A (own) and B (other), and a published PAM that includes A's. */
let finalized: Record<'own' | 'other', string>;
let publishedPam: string;
let pamWithEntry: string;

beforeAll(async () => {
  world = new MatrixWorld(await startTestServer());
  await world.setUp();
  finalized = { own: (await world.commitment(world.A, 'finalizado')).id, other: (await world.commitment(world.B, 'finalizado')).id };
  publishedPam = await world.pam(finalized.own, 'publicado');
  pamWithEntry = await world.pam(finalized.own);
}, 120_000);
afterAll(async () => {
  world?.tearDown();
  await world?.server.close();
});

type Probe = (role: MatrixRole, scope: Scope) => Promise<Req[]>;

/** For each row of the REST table (by the start of its first cell): the requests that try it. */
const PROBES: [string, Probe][] = [
  [
    '`POST /api/auth/sign-in`',
    async () => {
      const account = await world.account('stm');
      const invitation = await world.invitation('stm');
      return [
        { method: 'POST', url: '/api/auth/sign-in', body: { email: account.email, password: TEST_PASSWORD } },
        { method: 'POST', url: `/api/invitations/${invitation.token}/accept`, body: { name: 'Nueva Persona', password: 'una contraseña larga' } },
      ];
    },
  ],
  [
    '`GET /api/auth/me`',
    async (role) => {
      // Sign out with a second session of the same account, so the caller's own stays usable.
      const as = role === 'admin' || role === 'facilitator' || role === 'stm' || role === 'expert' ? await world.anotherSession(world.session(role)) : undefined;
      return [
        { method: 'GET', url: '/api/auth/me' },
        { method: 'POST', url: '/api/auth/sign-out', ...(as ? { as } : {}) },
      ];
    },
  ],
  [
    '`POST /api/auth/password`',
    async (role) => {
      // A fresh account of the role: changing the password ends the other sessions of the caller.
      const as = role === 'admin' || role === 'facilitator' || role === 'stm' || role === 'expert' ? await signedIn(world.server, role) : undefined;
      return [{ method: 'POST', url: '/api/auth/password', body: { currentPassword: TEST_PASSWORD, newPassword: 'tamarindo azul bajo la lluvia' }, ...(as ? { as } : {}) }];
    },
  ],
  ['(role facilitator or admin)', () => Promise.resolve([{ method: 'POST', url: '/api/invitations', body: { email: world.email('fac'), role: 'facilitator' } }])],
  ['(role stm or expert)', () => Promise.resolve([{ method: 'POST', url: '/api/invitations', body: { email: world.email('exp'), role: 'expert', mesaId: world.A } }])],
  [
    '`GET /api/invitations`, `DELETE',
    async () => {
      const { id } = await world.invitation();
      return [
        { method: 'GET', url: '/api/invitations' },
        { method: 'DELETE', url: `/api/invitations/${id}` },
      ];
    },
  ],
  ['`GET /api/invitations/:token`', async () => [{ method: 'GET', url: `/api/invitations/${(await world.invitation()).token}` }]],
  ['`GET /api/accounts`', () => Promise.resolve([{ method: 'GET', url: '/api/accounts' }])],
  ['`PATCH /api/accounts/:id`', async () => [{ method: 'PATCH', url: `/api/accounts/${(await world.account('expert')).id}`, body: { role: 'stm' } }]],
  ['`POST /api/mesas`', () => Promise.resolve([{ method: 'POST', url: '/api/mesas', body: { title: 'Mesa nueva', topic: 'Movilidad' } }])],
  ['`GET /api/mesas`', () => Promise.resolve([{ method: 'GET', url: '/api/mesas' }])],
  ['`GET /api/mesas/:id`', (_r, scope) => Promise.resolve([{ method: 'GET', url: `/api/mesas/${world.mesa(scope)}` }])],
  ['`GET /api/mesas/:id/join`', () => Promise.resolve([{ method: 'GET', url: `/api/mesas/${world.A}/join` }])],
  ['`POST /api/mesas/:id/join`', () => Promise.resolve([{ method: 'POST', url: `/api/mesas/${world.A}/join`, body: { name: 'Alguien', sector: 'academia' } }])],
  [
    '`PATCH /api/mesas/:id`',
    async () => {
      const mesaId = await world.ok(world.admin.api<{ mesa: { id: string } }>('POST', '/api/mesas', { title: 'Mesa por cerrar', topic: 'Agua' }));
      return [{ method: 'PATCH', url: `/api/mesas/${mesaId.mesa.id}`, body: { joinOpen: false, status: 'cerrada' } }];
    },
  ],
  ['`POST /api/mesas/:id/token`', (_r, scope) => Promise.resolve([{ method: 'POST', url: `/api/mesas/${world.mesa(scope)}/token` }])],
  [
    '/members`',
    async () => {
      const member = await world.account('expert');
      const newcomer = await world.account('expert');
      await world.ok(world.admin.api('POST', `/api/mesas/${world.A}/members`, { email: member.email }));
      return [
        { method: 'GET', url: `/api/mesas/${world.A}/members` },
        { method: 'POST', url: `/api/mesas/${world.A}/members`, body: { email: newcomer.email } },
        { method: 'DELETE', url: `/api/mesas/${world.A}/members/${member.id}` },
      ];
    },
  ],
  [
    '`GET /api/mesas/:id/alternatives`',
    (_r, scope) =>
      Promise.resolve([
        { method: 'GET', url: `/api/mesas/${world.mesa(scope)}/alternatives` },
        { method: 'GET', url: `/api/mesas/${world.mesa(scope)}/commitments` },
      ]),
  ],
  ['`POST /api/mesas/:id/alternatives`', (_r, scope) => Promise.resolve([{ method: 'POST', url: `/api/mesas/${world.mesa(scope)}/alternatives`, body: { text: 'Una alternativa', causeIds: [] } }])],
  ['`POST /api/mesas/:id/commitments`', (_r, scope) => Promise.resolve([{ method: 'POST', url: `/api/mesas/${world.mesa(scope)}/commitments`, body: { title: 'Un compromiso' } }])],
  [
    'tree.{svg,png}',
    (_r, scope) =>
      Promise.resolve([
        { method: 'GET', url: `/api/mesas/${world.mesa(scope)}/tree.svg` },
        { method: 'GET', url: `/api/mesas/${world.mesa(scope)}/tree.png` },
      ]),
  ],
  [
    '`GET /api/commitments/:id`',
    (_r, scope) => {
      const id = finalized[scope === 'other' ? 'other' : 'own'];
      return Promise.resolve(
        ['', '/versions', '/versions/1', '/versions/1/export.json', '/versions/1/export.csv', '/versions/1/tree.svg'].map((s) => ({ method: 'GET' as const, url: `/api/commitments/${id}${s}` })),
      );
    },
  ],
  ['/review`', async () => [{ method: 'POST', url: `/api/commitments/${(await world.commitment(world.A, 'preliminar')).id}/review`, body: feasibleReview }]],
  [
    '/definitive`',
    async () => [
      { method: 'POST', url: `/api/commitments/${(await world.commitment(world.A, 'revisado')).id}/definitive` },
      { method: 'POST', url: `/api/commitments/${(await world.commitment(world.A, 'completo')).id}/finalize` },
      { method: 'POST', url: `/api/commitments/${(await world.commitment(world.A, 'finalizado')).id}/reopen` },
    ],
  ],
  [
    '`GET /api/pams`, `GET',
    () =>
      Promise.resolve([
        { method: 'GET', url: '/api/pams' },
        { method: 'GET', url: `/api/pams/${pamWithEntry}` },
        { method: 'GET', url: `/api/pams/${pamWithEntry}/export.json` },
        { method: 'GET', url: `/api/pams/${pamWithEntry}/export.decidim.csv` },
      ]),
  ],
  [
    '`POST /api/pams`, `PATCH',
    async () => {
      const pam = await world.pam(finalized.own);
      return [
        { method: 'POST', url: '/api/pams', body: { title: 'PAM nuevo', municipality: 'Metepec' } },
        { method: 'PATCH', url: `/api/pams/${pam}`, body: { title: 'PAM renombrado' } },
        { method: 'POST', url: `/api/pams/${pam}/entries`, body: { commitmentId: finalized.own, version: 1 } },
        { method: 'DELETE', url: `/api/pams/${pam}/entries/${finalized.own}` },
      ];
    },
  ],
  ['/approve`', async () => [{ method: 'POST', url: `/api/pams/${await world.pam(finalized.own)}/approve` }]],
  ['/publish`', async () => [{ method: 'POST', url: `/api/pams/${await world.pam(finalized.own, 'aprobado')}/publish` }]],
  [
    '`GET /api/public/pams',
    () =>
      Promise.resolve([
        { method: 'GET', url: '/api/public/pams' },
        { method: 'GET', url: `/api/public/pams/${publishedPam}` },
      ]),
  ],
  ['`GET /api/audit`', () => Promise.resolve([{ method: 'GET', url: '/api/audit?limit=5' }])],
];

/** The probe of a row: the most specific key its first cell contains. */
function probeOf(action: string): Probe {
  const hit = PROBES.filter(([key]) => action.includes(key)).sort((a, b) => b[0].length - a[0].length)[0];
  if (!hit) throw new Error(`no probe for the row "${action}"`);
  return hit[1];
}

/** Which scopes a cell is tried in, and whether each must succeed. */
function attemptsOf(cell: string): [Scope, boolean][] {
  switch (cell) {
    case '✅':
    case 'all':
      return [['own', true]];
    case '❌':
      return [['own', false]];
    case 'own':
      return [
        ['own', true],
        ['other', false],
      ];
    case 'own, open':
      return [
        ['own', true],
        ['closed', false],
        ['other', false],
      ];
    default:
      throw new Error(`unknown cell "${cell}"`);
  }
}

describe('REST: every row of docs/permissions.md', () => {
  const rows = restMatrix();

  it('has a probe for every row', () => {
    expect(rows.length).toBeGreaterThanOrEqual(29);
    for (const row of rows) expect(() => probeOf(row.action), row.action).not.toThrow();
  });

  describe.each(rows.map((r) => [r.action, r] as const))('%s', (_action, row) => {
    it.each(MATRIX_ROLES.map((role) => [role, row.cells[role]] as const))('%s: %s', async (role, cell) => {
      // `GET /api/mesas` has no target: its `own` filters the list (checked below), refuses nothing.
      const attempts = row.action === '`GET /api/mesas`' ? attemptsOf(cell === 'own' ? '✅' : cell) : attemptsOf(cell);
      for (const [scope, allowed] of attempts) {
        const requests = await probeOf(row.action)(role, scope);
        if (allowed) {
          for (const req of requests) {
            const r = await world.send(role, req, scope);
            expect(r.status, `${role} ${req.method} ${req.url} (${scope}): ${JSON.stringify(r.body)}`).toBeGreaterThanOrEqual(200);
            expect(r.status, `${role} ${req.method} ${req.url} (${scope}): ${JSON.stringify(r.body)}`).toBeLessThan(300);
          }
        } else {
          await world.unchanged(async () => {
            for (const req of requests) {
              const r = await world.send(role, req, scope);
              expect(r.status, `${role} ${req.method} ${req.url} (${scope})`).toBe(role === 'public' ? 401 : 403);
            }
          });
        }
      }
    });
  });

  it('GET /api/mesas: staff see every mesa, an expert only its own', async () => {
    const ids = async (role: 'admin' | 'facilitator' | 'stm' | 'expert') =>
      ((await world.session(role).api<{ mesas: { id: string }[] }>('GET', '/api/mesas')).body.mesas ?? []).map((m) => m.id);
    for (const role of ['admin', 'facilitator', 'stm'] as const) expect(await ids(role)).toEqual(expect.arrayContaining([world.A, world.B, world.C]));
    const own = await ids('expert');
    expect(own.sort()).toEqual([world.A, world.C, world.D].sort());
  });

  it('refusals say why: 401 unauthorized, 403 forbidden, wrong_mesa, mesa_closed', async () => {
    const code = async (role: MatrixRole, req: Req, scope: Scope = 'own') => (await world.send(role, req, scope)).body.error?.code;
    expect(await code('public', { method: 'POST', url: '/api/mesas', body: {} })).toBe('unauthorized');
    expect(await code('stm', { method: 'POST', url: '/api/mesas', body: {} })).toBe('forbidden');
    expect(await code('participant', { method: 'GET', url: `/api/mesas/${world.B}` }, 'other')).toBe('wrong_mesa');
    expect(await code('participant', { method: 'POST', url: `/api/mesas/${world.C}/alternatives`, body: { text: 'x' } }, 'closed')).toBe('mesa_closed');
    expect(await code('expert', { method: 'GET', url: `/api/mesas/${world.B}` }, 'other')).toBe('forbidden');
  });
});

describe('WebSocket: the shared-documents table', () => {
  let roadmap: string;
  let lockedRoadmap: string;
  // Mesa D: no commitment of it is finalized, so nothing is locked there.
  const names = () => ({ tree: treeDocumentName(world.D), annotations: annotationsDocumentName(world.D), roadmap });

  beforeAll(async () => {
    roadmap = (await world.commitment(world.D, 'definitivo')).roadmap;
    lockedRoadmap = (await world.commitment(world.B, 'finalizado')).roadmap;
  });

  describe.each(documentMatrix().map((r) => [r.document, r] as const))('%s', (document, row) => {
    it.each(MATRIX_ROLES.map((role) => [role, row.cells[role]] as const))('%s: %s', async (role, cell) => {
      const kind = document.startsWith('tree') ? 'tree' : document.startsWith('annotations') ? 'annotations' : 'roadmap';
      const name = names()[kind];
      if (cell === '—') {
        const c = await world.open(name, await world.token(role, world.D), { expectRefusal: true });
        expect(c.denials).toEqual([DenialReason.MissingToken]);
        expect(c.closes[0]?.code).toBe(CloseCode.Unauthorized);
        c.destroy();
        return;
      }
      const c = await world.open(name, await world.token(role, world.D));
      expect(c.denials).toEqual([]);
      expect(c.provider.authorizedScope).toBe(cell.startsWith('W') ? 'read-write' : 'readonly');
      c.destroy();
    });
  });

  it('a token for one mesa opens no other mesa', async () => {
    for (const role of ['admin', 'facilitator', 'stm', 'expert', 'participant'] as const) {
      const c = await world.open(treeDocumentName(world.B), await world.token(role, world.A), { expectRefusal: true });
      expect(c.denials, role).toEqual([DenialReason.WrongMesa]);
      c.destroy();
    }
    // Nor does an expert get a token for a mesa it is not a member of.
    expect((await world.expert.api('POST', `/api/mesas/${world.B}/token`)).status).toBe(403);
  });

  it('a closed mesa: participants refused (4403 mesa-closed), staff and members read only', async () => {
    const p = await world.open(treeDocumentName(world.C), world.closedParticipant.token, { expectRefusal: true });
    expect(p.denials).toEqual([DenialReason.MesaClosed]);
    expect(p.closes[0]).toEqual({ code: CloseCode.Forbidden, reason: DenialReason.MesaClosed });
    p.destroy();
    for (const role of ['admin', 'facilitator', 'stm', 'expert'] as const) {
      const c = await world.open(treeDocumentName(world.C), await world.token(role, world.C));
      expect(c.provider.authorizedScope, role).toBe('readonly');
      c.destroy();
    }
  });

  it('a finalized commitment: its roadmap is read only even for its facilitator', async () => {
    const c = await world.open(lockedRoadmap, await world.token('facilitator', world.B));
    expect(c.provider.authorizedScope).toBe('readonly');
    c.destroy();
  });
});

/** A change a client makes locally: what it would add to each kind of document. */
function scribble(kind: 'tree' | 'annotations' | 'roadmap', doc: Y.Doc, text: string): void {
  if (kind === 'tree') addNode(doc, { parentId: PROBLEM_NODE_ID, kind: 'cause', text, author: { id: 'x', name: 'x' } });
  else if (kind === 'roadmap') applyTextChange(roadmapText(doc, 'finalResult') as Y.Text, text);
  else annotationThreads(doc).set('forged', new Y.Map([['body', text]]));
}

/** Whether `text` appears anywhere in a document of `kind`. */
function contains(kind: 'tree' | 'annotations' | 'roadmap', doc: Y.Doc, text: string): boolean {
  if (kind === 'tree') return readTree(doc).nodes.some((n) => n.text.includes(text));
  if (kind === 'roadmap') return readRoadmap(doc).finalResult.includes(text);
  return JSON.stringify(annotationThreads(doc).toJSON()).includes(text);
}

describe('WebSocket: a read-only principal’s writes are dropped', () => {
  const cases: ['stm' | 'expert', 'tree' | 'annotations' | 'roadmap'][] = [
    ['stm', 'tree'],
    ['stm', 'annotations'],
    ['stm', 'roadmap'],
    ['expert', 'tree'],
    ['expert', 'roadmap'],
  ];
  let roadmap: string;
  beforeAll(async () => {
    roadmap = (await world.commitment(world.D, 'definitivo')).roadmap;
  });

  it.each(cases)('%s on the %s: neither stored nor relayed, and a later allowed write still arrives', async (role, kind) => {
    const name = kind === 'tree' ? treeDocumentName(world.D) : kind === 'annotations' ? annotationsDocumentName(world.D) : roadmap;
    const observer = await world.open(name, world.liveParticipant.token);
    const writer = await world.open(name, await world.token('facilitator', world.D));
    const reader = await world.open(name, await world.token(role, world.D));
    expect(reader.provider.authorizedScope).toBe('readonly');

    const forbidden = `PROHIBIDO-${role}-${kind}`;
    scribble(kind, reader.doc, forbidden);
    // The server answered "not applied": it has processed (and dropped) the update.
    await waitFor(() => reader.tracker.state.refused, 'the read-only write to be refused');

    const allowed = `PERMITIDO-${role}-${kind}`;
    if (kind === 'annotations') {
      addNote(writer.doc, {
        targetNodeId: PROBLEM_NODE_ID,
        note: { kind: 'sugerencia', body: allowed },
        author: { id: world.facilitator.account.id, name: world.facilitator.account.name, role: 'facilitator' },
      });
    } else scribble(kind, writer.doc, allowed);
    // Sent after the refusal, relayed on the observer's one ordered socket: had the forbidden
    // update been relayed, it would be there already.
    await waitFor(() => contains(kind, observer.doc, allowed), 'the allowed write to reach the observer');
    await waitFor(() => writer.tracker.state.isSaved, 'the allowed write to be saved');
    expect(contains(kind, observer.doc, forbidden)).toBe(false);
    expect(contains(kind, writer.doc, forbidden)).toBe(false);
    const stored = await world.stored(name);
    expect(contains(kind, stored, allowed)).toBe(true);
    expect(contains(kind, stored, forbidden)).toBe(false);
    for (const c of [observer, writer, reader]) c.destroy();
  });

  it('a hand-built client that ignores read-only gets the same: its SyncStep2 and Update are dropped', async () => {
    const name = treeDocumentName(world.D);
    const observer = await world.open(name, world.liveParticipant.token);
    const token = await world.token('stm', world.D);
    const forged = new Y.Doc();
    scribble('tree', forged, 'FORJADO-stm');
    const update = Y.encodeStateAsUpdate(forged);
    const frame = (write: (e: encoding.Encoder) => void) => {
      const e = encoding.createEncoder();
      encoding.writeVarString(e, name);
      write(e);
      return encoding.toUint8Array(e);
    };
    const raw = new WebSocket(`${world.server.url.replace('http', 'ws')}/collab`);
    const replies: Buffer[] = [];
    raw.on('message', (d: Buffer) => replies.push(d));
    await new Promise((r) => raw.once('open', r));
    // Auth, then SyncStep2 and an Update carrying the forged node, all at once.
    raw.send(frame((e) => { encoding.writeVarUint(e, 2); encoding.writeVarUint(e, 0); encoding.writeVarString(e, token); }));
    raw.send(frame((e) => { encoding.writeVarUint(e, 0); encoding.writeVarUint(e, 1); encoding.writeVarUint8Array(e, update); }));
    raw.send(frame((e) => { encoding.writeVarUint(e, 0); encoding.writeVarUint(e, 2); encoding.writeVarUint8Array(e, update); }));
    // Two SyncStatus(false) answers (the document's name, message type 8, then 0): both writes
    // were processed, and dropped.
    const address = frame(() => undefined);
    const refusals = () => replies.filter((b) => b.length === address.length + 2 && b[address.length] === 8 && b[address.length + 1] === 0).length;
    await waitFor(() => refusals() >= 2, 'both writes to be refused');
    const writer = await world.open(name, await world.token('facilitator', world.D));
    scribble('tree', writer.doc, 'DESPUES-DEL-FORJADO');
    await waitFor(() => contains('tree', observer.doc, 'DESPUES-DEL-FORJADO'), 'the allowed write to arrive');
    expect(contains('tree', observer.doc, 'FORJADO-stm')).toBe(false);
    expect(contains('tree', await world.stored(name), 'FORJADO-stm')).toBe(false);
    raw.close();
    for (const c of [observer, writer]) c.destroy();
  });
});

describe('revoking access closes sockets at once', () => {
  it('closing a mesa closes its participants’ sockets (mesa-closed); staff stay, read only, until it reopens', async () => {
    const mesaId = (await world.ok(world.admin.api<{ mesa: { id: string } }>('POST', '/api/mesas', { title: 'Mesa que se cierra', topic: 'Agua' }))).mesa.id;
    const joined = await world.ok(world.admin.api<{ token: string; participant: { id: string }; renewal: string }>('POST', `/api/mesas/${mesaId}/join`, { name: 'Pepe' }));
    const name = treeDocumentName(mesaId);
    const participant = await world.open(name, joined.token);
    const staff = await world.open(name, (await world.facilitator.token(mesaId)).token);
    expect(staff.provider.authorizedScope).toBe('read-write');

    await world.ok(world.facilitator.api('PATCH', `/api/mesas/${mesaId}`, { status: 'cerrada' }));
    await waitFor(() => participant.closes.length > 0, 'the participant socket to close');
    expect(participant.closes[0]).toEqual({ code: CloseCode.Forbidden, reason: DenialReason.MesaClosed });
    expect(staff.closes).toEqual([]);
    scribble('tree', staff.doc, 'TRAS-CERRAR');
    await waitFor(() => staff.tracker.state.refused, 'the staff write to be refused');
    expect(contains('tree', await world.stored(name), 'TRAS-CERRAR')).toBe(false);
    // A renewal is refused too while the mesa is closed.
    const renew = await world.send('public', { method: 'POST', url: `/api/mesas/${mesaId}/join`, body: { name: 'Pepe', participantId: joined.participant.id, renewal: joined.renewal } });
    expect(renew.body.error?.code).toBe('mesa_closed');

    await world.ok(world.facilitator.api('PATCH', `/api/mesas/${mesaId}`, { status: 'abierta' }));
    staff.destroy();
    const again = await world.open(name, (await world.facilitator.token(mesaId)).token);
    scribble('tree', again.doc, 'TRAS-REABRIR');
    await waitFor(() => again.tracker.state.isSaved && !again.tracker.state.refused, 'the write after reopening to be saved');
    participant.destroy();
    again.destroy();
  });

  it('a live staff connection becomes writable again when the mesa reopens', async () => {
    const mesaId = (await world.ok(world.admin.api<{ mesa: { id: string } }>('POST', '/api/mesas', { title: 'Mesa que reabre', topic: 'Agua' }))).mesa.id;
    const name = treeDocumentName(mesaId);
    const staff = await world.open(name, (await world.facilitator.token(mesaId)).token);
    const stm = await world.open(name, (await world.stm.token(mesaId)).token);
    await world.ok(world.facilitator.api('PATCH', `/api/mesas/${mesaId}`, { status: 'cerrada' }));
    await world.ok(world.facilitator.api('PATCH', `/api/mesas/${mesaId}`, { status: 'abierta' }));
    scribble('tree', staff.doc, 'VIVO-TRAS-REABRIR');
    await waitFor(() => contains('tree', stm.doc, 'VIVO-TRAS-REABRIR'), 'the reopened staff write to arrive');
    // Reopening never makes a read-only role writable.
    scribble('tree', stm.doc, 'STM-TRAS-REABRIR');
    await waitFor(() => stm.tracker.state.refused, 'the stm write to be refused');
    staff.destroy();
    stm.destroy();
  });

  it('removing an expert closes its sockets on that mesa (revoked), not on its other mesas', async () => {
    const expert = await world.account('expert');
    const session = await world.signInAs(expert.email);
    const [m1, m2] = [world.A, world.C];
    for (const m of [m1, m2]) await world.ok(world.admin.api('POST', `/api/mesas/${m}/members`, { email: expert.email }));
    const onM1 = await world.open(annotationsDocumentName(m1), (await session.token(m1)).token);
    const onM2 = await world.open(treeDocumentName(m2), (await session.token(m2)).token);
    const token = (await session.token(m1)).token;
    await world.ok(world.facilitator.api('DELETE', `/api/mesas/${m1}/members/${expert.id}`));
    await waitFor(() => onM1.closes.length > 0, 'the expert socket on the mesa to close');
    expect(onM1.closes[0]).toEqual({ code: CloseCode.Forbidden, reason: DenialReason.Revoked });
    expect(onM2.closes).toEqual([]);
    const again = await world.open(treeDocumentName(m1), token, { expectRefusal: true });
    expect(again.denials).toEqual([DenialReason.Forbidden]);
    for (const c of [onM1, onM2, again]) c.destroy();
  });

  it('changing an account’s role or disabling it closes its sockets; a disabled account’s sessions end', async () => {
    const target = await world.account('expert');
    const session = await world.signInAs(target.email);
    await world.ok(world.admin.api('POST', `/api/mesas/${world.A}/members`, { email: target.email }));
    const first = await world.open(treeDocumentName(world.A), (await session.token(world.A)).token);
    await world.ok(world.admin.api('PATCH', `/api/accounts/${target.id}`, { role: 'stm' }));
    await waitFor(() => first.closes.length > 0, 'the socket to close on a role change');
    expect(first.closes[0]).toEqual({ code: CloseCode.Forbidden, reason: DenialReason.Revoked });
    // The same session now carries the new role.
    expect((await session.api<{ account: { role: string } }>('GET', '/api/auth/me')).body.account.role).toBe('stm');

    const token = (await session.token(world.A)).token;
    const second = await world.open(treeDocumentName(world.A), token);
    await world.ok(world.admin.api('PATCH', `/api/accounts/${target.id}`, { disabled: true }));
    await waitFor(() => second.closes.length > 0, 'the socket to close when the account is disabled');
    expect(second.closes[0]).toEqual({ code: CloseCode.Forbidden, reason: DenialReason.Revoked });
    expect((await session.api('GET', '/api/auth/me')).status).toBe(401);
    const refused = await world.open(treeDocumentName(world.A), token, { expectRefusal: true });
    expect(refused.denials).toEqual([DenialReason.Revoked]);
    expect(refused.closes[0]?.code).toBe(CloseCode.Forbidden);
    for (const c of [first, second, refused]) c.destroy();
  });

  it('signing out closes that session’s sockets, not another session’s of the same account', async () => {
    const one = await world.anotherSession(world.stm);
    const two = await world.anotherSession(world.stm);
    const a = await world.open(treeDocumentName(world.A), (await one.token(world.A)).token);
    const b = await world.open(treeDocumentName(world.A), (await two.token(world.A)).token);
    expect((await one.api('POST', '/api/auth/sign-out')).status).toBe(204);
    await waitFor(() => a.closes.length > 0, 'the signed-out session socket to close');
    expect(a.closes[0]).toEqual({ code: CloseCode.Forbidden, reason: DenialReason.Revoked });
    expect(b.closes).toEqual([]);
    expect((await one.api('GET', '/api/auth/me')).status).toBe(401);
    a.destroy();
    b.destroy();
  });

  it('changing a password ends the account’s other sessions and closes their sockets; the current one stays', async () => {
    // world.account signs in once too: with `other`, two sessions the change must end.
    const account = await world.account('stm');
    const current = await world.signInAs(account.email);
    const other = await world.signInAs(account.email);
    const mine = await world.open(treeDocumentName(world.A), (await current.token(world.A)).token);
    const theirs = await world.open(treeDocumentName(world.A), (await other.token(world.A)).token);
    const NEW = 'tamarindo azul bajo la lluvia';
    const changed = await current.api('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: NEW });
    expect(changed.status).toBe(204);
    await waitFor(() => theirs.closes.length > 0, 'the other session’s socket to close');
    expect(theirs.closes[0]).toEqual({ code: CloseCode.Forbidden, reason: DenialReason.Revoked });
    expect(mine.closes).toEqual([]);
    expect((await other.api('GET', '/api/auth/me')).status).toBe(401);
    expect((await current.api('GET', '/api/auth/me')).status).toBe(200);
    expect((await world.send('public', { method: 'POST', url: '/api/auth/sign-in', body: { email: account.email, password: TEST_PASSWORD } })).status).toBe(401);
    expect((await world.send('public', { method: 'POST', url: '/api/auth/sign-in', body: { email: account.email, password: NEW } })).status).toBe(200);
    const { entries } = (await world.admin.api<{ entries: { action: string; actor: { id: string } | null; details: Record<string, unknown> }[] }>('GET', '/api/audit?limit=20')).body;
    expect(entries.find((e) => e.action === 'account.password_change' && e.actor?.id === account.id)?.details).toEqual({ sessionsEnded: 2 });
    mine.destroy();
    theirs.destroy();
  });

  it('a password change needs the current password and a strong new one, and changes nothing otherwise', async () => {
    const s = await world.signInAs((await world.account('expert')).email);
    const NEW = 'tamarindo azul bajo la lluvia';
    await world.unchanged(async () => {
      const weak = await s.api<{ error: { code: string; message: string } }>('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: '1234567890' });
      expect(weak.status).toBe(400);
      expect(weak.body.error.code).toBe('weak_password');
      expect(weak.body.error.message).toMatch(/^La contraseña es demasiado fácil de adivinar\./);
      // Without the CSRF token, as every cookie write.
      const csrf = await s.api<{ error: { code: string } }>('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: NEW }, { 'x-csrf-token': '' });
      expect(csrf.body.error.code).toBe('csrf');
    });
    // A wrong current password changes nothing but is recorded, as a failed sign-in is.
    const wrong = await s.api<{ error: { code: string; message: string } }>('POST', '/api/auth/password', { currentPassword: 'no es la mía', newPassword: NEW });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error).toEqual({ code: 'wrong_password', message: 'La contraseña actual no es correcta.' });
    expect((await world.signInAs(s.account.email)).account.id).toBe(s.account.id);
    const { entries } = (await world.admin.api<{ entries: { action: string; actor: { id: string } | null }[] }>('GET', '/api/audit?limit=20')).body;
    expect(entries.some((e) => e.action === 'account.password_change_failed' && e.actor?.id === s.account.id)).toBe(true);
  });

  it('a participant of a closed mesa reads nothing more over REST (403 mesa_closed), though its token is still valid', async () => {
    const mesaId = (await world.ok(world.admin.api<{ mesa: { id: string } }>('POST', '/api/mesas', { title: 'Mesa que se cierra para leer', topic: 'Agua' }))).mesa.id;
    const joined = await world.ok(world.admin.api<{ token: string }>('POST', `/api/mesas/${mesaId}/join`, { name: 'Lola' }));
    const commitment = await world.ok(world.facilitator.api<{ commitment: { id: string } }>('POST', `/api/mesas/${mesaId}/commitments`, { title: 'Un compromiso' }));
    const reads = [`/api/mesas/${mesaId}`, `/api/mesas/${mesaId}/alternatives`, `/api/mesas/${mesaId}/commitments`, `/api/mesas/${mesaId}/tree.svg`, `/api/commitments/${commitment.commitment.id}`];
    const as = (url: string) => api<{ error?: { code: string; message: string } }>(world.server.url, 'GET', url, undefined, bearer(joined.token));
    for (const url of reads) expect((await as(url)).status, url).toBe(200);
    await world.ok(world.facilitator.api('PATCH', `/api/mesas/${mesaId}`, { status: 'cerrada' }));
    for (const url of reads) {
      const r = await as(url);
      expect(r.status, url).toBe(403);
      expect(r.body.error, url).toEqual({ code: 'mesa_closed', message: 'La mesa está cerrada: ya no admite participantes ni sus cambios.' });
    }
    // Staff and members still read it.
    for (const url of reads) expect((await world.stm.api('GET', url)).status, url).toBe(200);
  });

  it('a revoked invitation stops working (410)', async () => {
    const inv = await world.invitation('expert');
    expect((await world.send('public', { method: 'GET', url: `/api/invitations/${inv.token}` })).status).toBe(200);
    await world.ok(world.facilitator.api('DELETE', `/api/invitations/${inv.id}`));
    const offer = await world.send('public', { method: 'GET', url: `/api/invitations/${inv.token}` });
    expect(offer.status).toBe(410);
    expect(offer.body.error?.code).toBe('invitation_gone');
    await world.unchanged(async () => {
      const accept = await world.send('public', { method: 'POST', url: `/api/invitations/${inv.token}/accept`, body: { name: 'Tarde', password: 'una contraseña larga' } });
      expect(accept.status).toBe(410);
    });
  });
});
