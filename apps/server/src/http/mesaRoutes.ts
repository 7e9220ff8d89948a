import { Router, type Request } from 'express';
import * as Y from 'yjs';
import { z } from 'zod';
import { mesaIdSchema, mesaInputSchema, type Mesa } from '@cocrea/domain';
import { annotationsDocumentName, seedTreeDoc, treeDocumentName } from '@cocrea/collab';
import type { CollabTokens } from '../auth/collabTokens';
import { mesaListScope } from '../auth/policy';
import { newId } from '../ids';
import type { MesaRecord, MesaRepository } from '../storage/Storage';
import { actorOf, type AccessDeps } from './accessDeps';
import { authOf, denialError } from './auth';
import { HttpError, httpErrors, parseBody } from './errors';

/** What the mesa routes need. */
export interface MesaRoutesDeps extends AccessDeps {
  mesas: MesaRepository;
  tokens: CollabTokens;
}

/** The address people open to join a mesa. */
function joinUrl(req: Request, publicUrl: string | undefined, mesa: Mesa): string {
  const base = publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
  return new URL(`/mesas/${mesa.id}`, base).toString();
}

/** The mesa or a 404. */
export async function findMesa(mesas: MesaRepository, id: string | undefined): Promise<MesaRecord> {
  const mesa = id !== undefined && mesaIdSchema.safeParse(id).success ? await mesas.get(id) : undefined;
  if (!mesa) throw httpErrors.mesaNotFound();
  return mesa;
}

const patchSchema = z
  .object({
    joinOpen: z.boolean({ error: 'Indica si el enlace para unirse queda abierto (true o false).' }).optional(),
    status: z.enum(['abierta', 'cerrada'], { error: 'El estado de la mesa es «abierta» o «cerrada».' }).optional(),
  })
  .refine((v) => v.joinOpen !== undefined || v.status !== undefined, { message: 'Indica qué cambiar: el enlace para unirse o el estado de la mesa.' });

const memberSchema = z.object({
  email: z.string({ error: 'Escribe el correo de la persona experta.' }).trim().min(1, { error: 'Escribe el correo de la persona experta.' }).max(254),
});

/** `/api/mesas`: create, list, read and run mesas; tokens for accounts; expert members. */
export function mesaRoutes(deps: MesaRoutesDeps): Router {
  const { mesas, tokens, publicUrl, gate, audit, accounts, members, revocations } = deps;
  const r = Router();

  r.get('/', async (_req, res) => {
    const scope = mesaListScope(authOf(res).principal);
    if (typeof scope !== 'string') throw denialError(scope.denial, res);
    const p = authOf(res).principal;
    const list = scope === 'all' ? await mesas.list() : await mesas.list(200, p ? await members.mesasOf(p.id) : []);
    res.json({ mesas: list });
  });

  r.post('/', async (req, res) => {
    const p = gate.check(res, 'mesa.create');
    const input = parseBody(mesaInputSchema, req.body);
    const id = newId();
    const createdAt = new Date().toISOString();
    // The tree is seeded here, on the server, once: never by a client on `synced`.
    const tree = new Y.Doc();
    seedTreeDoc(tree, { mesaId: id, problemText: input.description || input.title, createdAt });
    const mesa = await mesas.create(id, input, createdAt, new Map([[treeDocumentName(id), Y.encodeStateAsUpdate(tree)]]));
    tree.destroy();
    await audit.record(actorOf(p), 'mesa.create', { mesaId: id }, { title: mesa.title });
    res.status(201).location(`/api/mesas/${id}`).json({ mesa, joinUrl: joinUrl(req, publicUrl, mesa) });
  });

  r.get('/:id', async (req, res) => {
    const mesa = await findMesa(mesas, req.params.id);
    await gate.checkMesa(res, 'mesa.read', mesa);
    res.json({ mesa, joinUrl: joinUrl(req, publicUrl, mesa) });
  });

  r.patch('/:id', async (req, res) => {
    const before = await findMesa(mesas, req.params.id);
    const p = await gate.checkMesa(res, 'mesa.update', before);
    const changes = parseBody(patchSchema, req.body);
    const mesa = (await mesas.update(before.id, changes)) as MesaRecord;
    if (mesa.status === 'cerrada' && before.status !== 'cerrada') revocations.mesaClosed(mesa.id);
    if (mesa.status === 'abierta' && before.status !== 'abierta') await revocations.mesaReopened(mesa.id);
    await audit.record(actorOf(p), 'mesa.update', { mesaId: mesa.id }, { changes, before: { joinOpen: before.joinOpen, status: before.status } });
    res.json({ mesa });
  });

  r.post('/:id/token', async (req, res) => {
    const mesa = await findMesa(mesas, req.params.id);
    const p = await gate.checkMesa(res, 'mesa.token', mesa);
    if (p.kind !== 'account') throw httpErrors.forbidden();
    const { token, expiresAt } = await tokens.issue({ id: p.id, name: p.name, color: p.color, role: p.role, mesaId: mesa.id, sessionId: p.sessionId });
    res.json({
      token,
      expiresAt,
      principal: { id: p.id, name: p.name, color: p.color, role: p.role },
      documents: { tree: treeDocumentName(mesa.id), annotations: annotationsDocumentName(mesa.id) },
    });
  });

  r.get('/:id/members', async (req, res) => {
    const mesa = await findMesa(mesas, req.params.id);
    await gate.checkMesa(res, 'member.manage', mesa);
    res.json({ members: (await members.list(mesa.id)).map((m) => ({ account: m.account, role: 'expert', addedAt: m.addedAt })) });
  });

  r.post('/:id/members', async (req, res) => {
    const mesa = await findMesa(mesas, req.params.id);
    const p = await gate.checkMesa(res, 'member.manage', mesa);
    const { email } = parseBody(memberSchema, req.body);
    const account = await accounts.byEmail(email);
    if (!account || account.role !== 'expert') throw new HttpError(404, 'account_not_found', 'No hay una cuenta de persona experta con ese correo: invítala primero.');
    const addedAt = new Date().toISOString();
    if (await members.add(mesa.id, account.id, addedAt)) {
      await audit.record(actorOf(p), 'member.add', { mesaId: mesa.id }, { accountId: account.id, email: account.email });
    }
    const member = (await members.list(mesa.id)).find((m) => m.account.id === account.id);
    res.status(201).json({ member: member && { account: member.account, role: 'expert', addedAt: member.addedAt } });
  });

  r.delete('/:id/members/:accountId', async (req, res) => {
    const mesa = await findMesa(mesas, req.params.id);
    const p = await gate.checkMesa(res, 'member.manage', mesa);
    if (!(await members.remove(mesa.id, req.params.accountId))) throw new HttpError(404, 'account_not_found', 'Esa persona no es integrante de la mesa.');
    revocations.memberRemoved(mesa.id, req.params.accountId);
    await audit.record(actorOf(p), 'member.remove', { mesaId: mesa.id }, { accountId: req.params.accountId });
    res.status(204).end();
  });

  return r;
}
