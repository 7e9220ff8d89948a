import { Router } from 'express';
import { canSeeKit, kitFramingInputSchema, kitItemInputSchema, type DocumentRef, type ParticipantKit } from '@cocrea/domain';
import type { ExerciseAudit } from '../services/ExerciseAudit';
import type { ExerciseServices } from '../services/exerciseServices';
import type { MesaRepository } from '../storage/Storage';
import type { Gate } from './auth';
import { parseBody } from './errors';
import { exerciseErrors } from './exerciseErrors';
import { checkExercise } from './exerciseGate';
import { findMesa } from './mesaRoutes';
import { sendStoredFile } from './sendStoredFile';

/** What the kit routes need. */
export interface KitRoutesDeps {
  exercise: ExerciseServices;
  exerciseAudit: ExerciseAudit;
  mesas: MesaRepository;
  gate: Gate;
}

/** The documents a kit names. */
const kitDocuments = (kit: ParticipantKit | null): DocumentRef[] => [
  ...(kit?.consultation?.document ? [kit.consultation.document] : []),
  ...(kit?.items.map((i) => i.document) ?? []),
];

/**
 * `/api/mesas/:mesaId/kit`: the *kit para participante* of a mesa of an exercise. Whoever may read
 * the mesa (its participants, its experts, the STM, staff) reads the kit and downloads its files,
 * published or not; staff frame it, add documents and publish it (then the micrositio shows it).
 */
export function kitRoutes({ exercise: x, exerciseAudit: audit, mesas, gate }: KitRoutesDeps): Router {
  const r = Router({ mergeParams: true });
  const mesaOf = (params: Record<string, string>) => findMesa(mesas, params.mesaId);

  r.get('/', async (req, res) => {
    const mesa = await mesaOf(req.params);
    const p = await gate.checkMesa(res, 'mesa.read', mesa);
    const kit = await x.kits.kit(mesa.id);
    // Whoever may read the mesa is staff or one of its own (canSeeKit's "mesa" viewer).
    const visible = kit && canSeeKit(kit, p.kind === 'participant' ? { kind: 'mesa', mesaId: p.mesaId } : { kind: 'staff' });
    res.json({ kit: visible ? kit : null });
  });

  r.get('/files/:sha256', async (req, res) => {
    const mesa = await mesaOf(req.params);
    await gate.checkMesa(res, 'mesa.read', mesa);
    const ref = kitDocuments(await x.kits.kit(mesa.id)).find((d) => d.kind === 'archivo' && d.sha256 === req.params.sha256);
    if (!ref || ref.kind !== 'archivo') throw exerciseErrors.fileNotFound();
    sendStoredFile(res, await x.files.readAny(ref.sha256), ref.name, 'private');
  });

  r.put('/', async (req, res) => {
    const mesa = await mesaOf(req.params);
    const by = checkExercise(res, 'exercise.manage');
    const kit = await x.kits.setFraming(mesa.id, parseBody(kitFramingInputSchema, req.body));
    await audit.record(by, 'kit.framing', { exerciseId: await x.kits.exerciseOf(mesa.id), mesaId: mesa.id });
    res.json({ kit });
  });

  r.post('/items', async (req, res) => {
    const mesa = await mesaOf(req.params);
    const by = checkExercise(res, 'exercise.manage');
    const item = await x.kits.addItem(mesa.id, parseBody(kitItemInputSchema, req.body), by);
    await audit.record(by, 'kit.item_add', { exerciseId: await x.kits.exerciseOf(mesa.id), mesaId: mesa.id }, { itemId: item.id, moment: item.moment });
    res.status(201).json({ item, kit: await x.kits.kit(mesa.id) });
  });

  r.post('/publish', async (req, res) => {
    const mesa = await mesaOf(req.params);
    const by = checkExercise(res, 'exercise.manage');
    const kit = await x.kits.publish(mesa.id, by);
    await audit.record(by, 'kit.publish', { exerciseId: await x.kits.exerciseOf(mesa.id), mesaId: mesa.id });
    res.json({ kit });
  });

  return r;
}
