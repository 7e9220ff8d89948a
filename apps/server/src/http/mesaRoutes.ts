import { Router, type Request } from 'express';
import * as Y from 'yjs';
import { joinInputSchema, mesaIdSchema, mesaInputSchema, type Mesa } from '@cocrea/domain';
import { seedTreeDoc, treeDocumentName } from '@cocrea/collab';
import { colorFor } from '../auth/principal';
import type { CollabTokens } from '../auth/collabTokens';
import { newId } from '../ids';
import type { MesaRepository } from '../storage/Storage';
import { httpErrors, parseBody } from './errors';

/** What the mesa routes need. */
export interface MesaRoutesDeps {
  mesas: MesaRepository;
  tokens: CollabTokens;
  publicUrl: string | undefined;
}

/** The address people open to join a mesa. */
function joinUrl(req: Request, publicUrl: string | undefined, mesa: Mesa): string {
  const base = publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
  return new URL(`/mesas/${mesa.id}`, base).toString();
}

/** `/api/mesas`: create, list, read and join mesas. */
export function mesaRoutes({ mesas, tokens, publicUrl }: MesaRoutesDeps): Router {
  const r = Router();

  const findMesa = async (id: string): Promise<Mesa> => {
    const mesa = mesaIdSchema.safeParse(id).success ? await mesas.get(id) : undefined;
    if (!mesa) throw httpErrors.mesaNotFound();
    return mesa;
  };

  r.get('/', async (_req, res) => {
    res.json({ mesas: await mesas.list() });
  });

  r.post('/', async (req, res) => {
    const input = parseBody(mesaInputSchema, req.body);
    const id = newId();
    const createdAt = new Date().toISOString();
    // The tree is seeded here, on the server, once: never by a client on `synced`.
    const tree = new Y.Doc();
    seedTreeDoc(tree, { mesaId: id, problemText: input.description || input.title, createdAt });
    const mesa = await mesas.create(id, input, createdAt, new Map([[treeDocumentName(id), Y.encodeStateAsUpdate(tree)]]));
    tree.destroy();
    res.status(201).location(`/api/mesas/${id}`).json({ mesa, joinUrl: joinUrl(req, publicUrl, mesa) });
  });

  r.get('/:id', async (req, res) => {
    const mesa = await findMesa(req.params.id);
    res.json({ mesa, joinUrl: joinUrl(req, publicUrl, mesa) });
  });

  r.post('/:id/join', async (req, res) => {
    const mesa = await findMesa(req.params.id);
    const { name, participantId } = parseBody(joinInputSchema, req.body);
    const id = participantId ?? `p_${newId(10)}`;
    const participant = { id, name, color: colorFor(id), role: 'participant' as const, mesaId: mesa.id };
    const { token, expiresAt } = await tokens.issue(participant);
    res.json({
      token,
      expiresAt,
      participant: { id, name, color: participant.color },
      documents: { tree: treeDocumentName(mesa.id) },
    });
  });

  return r;
}
