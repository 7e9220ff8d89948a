import { describe, expect, it } from 'vitest';
import { documentMatrix, restMatrix } from '../../test/permissionsDoc';
import {
  allows,
  annotationRights,
  DOCUMENT_RULES,
  documentAccess,
  invitationAction,
  mesaListScope,
  REST_RULES,
  type MesaScope,
  type RestAction,
  type Rule,
} from './policy';
import type { AccountRole, Principal, Role } from './principal';

const MESA = 'mesaAgua01';
const OTHER = 'mesaOtra01';

const account = (role: AccountRole): Principal => ({ kind: 'account', id: `acc-${role}`, name: role, color: '#000', role, email: `${role}@x.mx`, sessionId: 's' });
const participant = (mesaId = MESA): Principal => ({ kind: 'participant', id: 'p_abcdefghij', name: 'Ana', color: '#000', role: 'participant', mesaId });
const principals: Record<Role, Principal> = {
  admin: account('admin'),
  facilitator: account('facilitator'),
  stm: account('stm'),
  expert: account('expert'),
  participant: participant(),
};
const open = (member = true, id = MESA): MesaScope => ({ id, status: 'abierta', member });
const closed = (member = true): MesaScope => ({ id: MESA, status: 'cerrada', member });

/** Which code rows of REST_RULES a row of docs/permissions.md stands for (`public`: anyone, no row). */
const DOC_ROWS: [string, RestAction | 'public'][] = [
  ['`POST /api/auth/sign-in`', 'public'],
  ['`GET /api/auth/me`', 'auth.session'],
  ['`POST /api/auth/password`', 'auth.password'],
  ['(role facilitator or admin)', 'invitation.create.staff'],
  ['(role stm or expert)', 'invitation.create.member'],
  ['`GET /api/invitations`, `DELETE', 'invitation.manage'],
  ['`GET /api/invitations/:token`', 'public'],
  ['`GET /api/accounts`', 'account.list'],
  ['`PATCH /api/accounts/:id`', 'account.update'],
  ['`POST /api/mesas`', 'mesa.create'],
  ['`GET /api/mesas`', 'mesa.list'],
  ['`GET /api/mesas/:id`', 'mesa.read'],
  ['`GET /api/mesas/:id/join`', 'public'],
  ['`POST /api/mesas/:id/join`', 'public'],
  ['`PATCH /api/mesas/:id`', 'mesa.update'],
  ['`POST /api/mesas/:id/token`', 'mesa.token'],
  ['/members`', 'member.manage'],
  ['`GET /api/mesas/:id/alternatives`', 'mesa.read'],
  ['`POST /api/mesas/:id/alternatives`', 'mesa.contribute'],
  ['`POST /api/mesas/:id/commitments`', 'mesa.contribute'],
  ['tree.{svg,png}', 'mesa.read'],
  ['`GET /api/commitments/:id`', 'mesa.read'],
  ['/review`', 'commitment.review'],
  ['/definitive`', 'commitment.decide'],
  ['`GET /api/pams`, `GET', 'pam.read'],
  ['`POST /api/pams`, `PATCH', 'pam.write'],
  ['/approve`', 'pam.approve'],
  ['/publish`', 'pam.publish'],
  ['`GET /api/public/pams', 'public'],
  ['`GET /api/audit`', 'audit.read'],
];

/** The most specific (longest) key that a row's first cell contains. */
function codeRowOf(action: string): RestAction | 'public' {
  const hits = DOC_ROWS.filter(([key]) => action.startsWith(key) || action.includes(key)).sort((a, b) => b[0].length - a[0].length);
  if (!hits[0]) throw new Error(`no code row for "${action}"`);
  return hits[0][1];
}

const cellRule = (cell: string): Rule | 'public-only' => {
  if (cell === '✅' || cell === 'all') return 'yes';
  if (cell === '❌') return 'no';
  if (cell === 'own') return 'own';
  if (cell === 'own, open') return 'ownOpen';
  throw new Error(`unknown cell "${cell}"`);
};

describe('the REST rules are docs/permissions.md, row by row', () => {
  const rows = restMatrix();

  it('the document has every row the code has, and no row the code lacks', () => {
    const mapped = new Set(rows.map((r) => codeRowOf(r.action)));
    for (const action of Object.keys(REST_RULES)) expect(mapped, action).toContain(action);
    expect(rows.length).toBeGreaterThanOrEqual(29);
  });

  it.each(rows.map((r) => [r.action, r] as const))('%s', (_action, row) => {
    const code = codeRowOf(row.action);
    if (code === 'public') {
      for (const role of ['admin', 'facilitator', 'stm', 'expert', 'participant', 'public'] as const) expect(row.cells[role], role).toBe('✅');
      return;
    }
    for (const role of ['admin', 'facilitator', 'stm', 'expert', 'participant'] as const) {
      expect(REST_RULES[code][role], `${code} / ${role}`).toBe(cellRule(row.cells[role]));
    }
    expect(row.cells.public).toBe('❌');
  });
});

describe('allows', () => {
  it('says 401 with nobody, 403 with someone the row refuses', () => {
    expect(allows(undefined, 'mesa.create')).toEqual({ ok: false, denial: 'unauthenticated' });
    expect(allows(principals.stm, 'mesa.create')).toEqual({ ok: false, denial: 'forbidden' });
    expect(allows(principals.facilitator, 'mesa.create')).toEqual({ ok: true });
  });

  it('lets a participant read and contribute only on its own mesa, and only while it is open', () => {
    const p = principals.participant;
    expect(allows(p, 'mesa.read', open())).toEqual({ ok: true });
    expect(allows(p, 'mesa.read', closed())).toEqual({ ok: false, denial: 'mesa_closed' });
    expect(allows(p, 'mesa.read', open(false, OTHER))).toEqual({ ok: false, denial: 'wrong_mesa' });
    expect(allows(p, 'mesa.contribute', open())).toEqual({ ok: true });
    expect(allows(p, 'mesa.contribute', closed())).toEqual({ ok: false, denial: 'mesa_closed' });
    expect(allows(p, 'mesa.contribute', open(false, OTHER))).toEqual({ ok: false, denial: 'wrong_mesa' });
    expect(allows(p, 'mesa.contribute')).toEqual({ ok: false, denial: 'forbidden' });
  });

  it('lets an expert in only where it is a member', () => {
    const e = principals.expert;
    expect(allows(e, 'mesa.read', open(true))).toEqual({ ok: true });
    expect(allows(e, 'mesa.read', open(false))).toEqual({ ok: false, denial: 'forbidden' });
    expect(allows(e, 'mesa.token', open(true))).toEqual({ ok: true });
    expect(allows(e, 'mesa.contribute', open(true))).toEqual({ ok: false, denial: 'forbidden' });
    // A "member" flag means nothing for other roles.
    expect(allows(principals.stm, 'mesa.read', open(false))).toEqual({ ok: true });
    expect(allows(principals.participant, 'mesa.read', { id: OTHER, status: 'abierta', member: true })).toEqual({ ok: false, denial: 'wrong_mesa' });
  });

  it('picks the invitation row by the role invited', () => {
    expect(invitationAction('admin')).toBe('invitation.create.staff');
    expect(invitationAction('facilitator')).toBe('invitation.create.staff');
    expect(invitationAction('stm')).toBe('invitation.create.member');
    expect(invitationAction('expert')).toBe('invitation.create.member');
  });

  it('lists every mesa for staff, an expert its own, nobody else', () => {
    expect(mesaListScope(principals.admin)).toBe('all');
    expect(mesaListScope(principals.stm)).toBe('all');
    expect(mesaListScope(principals.expert)).toBe('own');
    expect(mesaListScope(principals.participant)).toEqual({ ok: false, denial: 'forbidden' });
    expect(mesaListScope(undefined)).toEqual({ ok: false, denial: 'unauthenticated' });
  });
});

describe('documentAccess: the shared-documents table of docs/permissions.md', () => {
  const kindOf = (document: string) => (document.startsWith('tree') ? 'tree' : document.startsWith('annotations') ? 'annotations' : 'roadmap');

  it.each(documentMatrix().map((r) => [r.document, r] as const))('%s', (_d, row) => {
    const kind = kindOf(row.document);
    for (const role of ['admin', 'facilitator', 'stm', 'expert', 'participant'] as const) {
      const cell = row.cells[role];
      const expected = cell.startsWith('W') ? 'write' : cell === 'R' ? 'read' : 'none';
      expect(DOCUMENT_RULES[kind][role], `${kind} / ${role}`).toBe(expected);
      expect(documentAccess(principals[role], kind, open(), false), `${kind} / ${role}`).toBe(expected === 'none' ? expect.anything() : expected);
    }
    expect(row.cells.public).toBe('—');
  });

  it('turns every write into a read while the mesa is closed or the document locked, and refuses participants of a closed mesa', () => {
    for (const role of ['admin', 'facilitator', 'stm', 'expert'] as const) {
      for (const kind of ['tree', 'annotations', 'roadmap'] as const) {
        expect(documentAccess(principals[role], kind, closed(), false)).toBe('read');
        expect(documentAccess(principals[role], kind, open(), true)).toBe('read');
      }
    }
    expect(documentAccess(principals.participant, 'tree', closed(), false)).toEqual({ ok: false, denial: 'mesa_closed' });
    expect(documentAccess(principals.participant, 'tree', open(), true)).toBe('read');
  });

  it('opens no other mesa: a participant of another mesa, an expert who is not a member', () => {
    expect(documentAccess(participant(OTHER), 'tree', open(), false)).toEqual({ ok: false, denial: 'wrong_mesa' });
    expect(documentAccess(principals.expert, 'annotations', open(false), false)).toEqual({ ok: false, denial: 'forbidden' });
  });

  it('gives each role its annotation rights', () => {
    expect(annotationRights('facilitator')).toEqual({ addNote: true, reply: true, resolve: true });
    expect(annotationRights('expert')).toEqual({ addNote: true, reply: true, resolve: false });
    expect(annotationRights('participant')).toEqual({ addNote: false, reply: true, resolve: false });
    expect(annotationRights('stm')).toEqual({ addNote: false, reply: false, resolve: false });
  });
});
