import { Router } from 'express';
import { joinInputSchema } from '@cocrea/domain';
import { annotationsDocumentName, treeDocumentName } from '@cocrea/collab';
import type { CollabTokens } from '../auth/collabTokens';
import { colorFor } from '../auth/principal';
import { digest, newSecret, sameSecret } from '../auth/secrets';
import { newId } from '../ids';
import type { ParticipantRecord } from '../storage/AccessStorage';
import type { MesaRepository } from '../storage/Storage';
import { actorOf, type AccessDeps } from './accessDeps';
import { HttpError, httpErrors, parseBody } from './errors';
import { findMesa } from './mesaRoutes';

/**
 * `/api/mesas/:id/join`: what the join page shows, and joining (anyone, while the join link is
 * open) or renewing a participant's token (with the renewal secret, even after the link closed;
 * never once the mesa is closed).
 */
export function joinRoutes({ mesas, tokens, participants, audit, limits }: AccessDeps & { mesas: MesaRepository; tokens: CollabTokens }): Router {
  const r = Router();

  r.get('/:id/join', async (req, res) => {
    const mesa = await findMesa(mesas, req.params.id);
    res.json({ mesa: { id: mesa.id, title: mesa.title, topic: mesa.topic }, joinOpen: mesa.joinOpen, status: mesa.status });
  });

  r.post('/:id/join', limits.join, async (req, res) => {
    const mesa = await findMesa(mesas, String(req.params.id));
    const input = parseBody(joinInputSchema, req.body);
    if (mesa.status === 'cerrada') throw httpErrors.mesaClosed();
    const presented = { name: input.name, organization: input.organization, sector: input.sector };

    // Renewal: the same participant, proven by the secret of the earlier join. An id without
    // its secret (or with a wrong one) is ignored: a new participant is created instead.
    let participant: ParticipantRecord | undefined;
    let renewal = input.renewal;
    if (input.participantId && renewal) {
      const known = await participants.get(input.participantId);
      if (known && known.mesaId === mesa.id && sameSecret(digest(renewal), known.renewalHash)) participant = known;
    }
    let changed: boolean;
    if (participant) {
      changed = participant.name !== presented.name || participant.organization !== presented.organization || participant.sector !== presented.sector;
      if (changed) await participants.update(participant.id, presented);
      participant = { ...participant, ...presented };
    } else {
      if (!mesa.joinOpen) throw new HttpError(403, 'join_closed', 'El enlace para unirse a esta mesa está cerrado. Pide a quien facilita que lo abra.');
      renewal = newSecret();
      participant = { id: `p_${newId(10)}`, mesaId: mesa.id, ...presented, renewalHash: digest(renewal), createdAt: new Date().toISOString() };
      await participants.create(participant);
      changed = true;
    }

    const color = colorFor(participant.id);
    const { token, expiresAt } = await tokens.issue({ id: participant.id, name: participant.name, color, role: 'participant', mesaId: mesa.id });
    // A plain renewal (every few minutes per person) changes nothing: only joins and changes are logged.
    if (changed) {
      await audit.record(actorOf({ ...participant, role: 'participant' }), 'mesa.join', { mesaId: mesa.id }, {
        participantId: participant.id,
        organization: participant.organization,
        sector: participant.sector,
        renewed: input.renewal === renewal,
      });
    }
    res.json({
      token,
      expiresAt,
      participant: { id: participant.id, name: participant.name, color, organization: participant.organization, sector: participant.sector },
      renewal,
      documents: { tree: treeDocumentName(mesa.id), annotations: annotationsDocumentName(mesa.id) },
    });
  });

  return r;
}
