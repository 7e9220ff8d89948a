import express, { Router, type ErrorRequestHandler, type RequestHandler } from 'express';
import cookieParser from 'cookie-parser';
import { z } from 'zod';
import {
  MAX_FILE_BYTES,
  awarenessEventInputSchema,
  declarationInputSchema,
  eventInputSchema,
  exerciseInputSchema,
  isoDate,
  memberInputSchema,
  scheduleInputSchema,
  stmGaps,
  stmInputSchema,
} from '@cocrea/domain';
import type { ExerciseAudit } from '../services/ExerciseAudit';
import { todayOf } from '../services/exerciseClock';
import { loadExercise } from '../services/exerciseRecords';
import type { ExerciseServices } from '../services/exerciseServices';
import { exerciseView } from '../services/exerciseView';
import { authenticate, type AuthenticateDeps } from './auth';
import { csrfProtection } from './csrf';
import { parseBody } from './errors';
import { exerciseErrors } from './exerciseErrors';
import { checkExercise, mayExercise } from './exerciseGate';
import { sendStoredFile } from './sendStoredFile';

/** What the exercise routes need. */
export interface ExerciseRoutesDeps extends AuthenticateDeps {
  exercise: ExerciseServices;
  exerciseAudit: ExerciseAudit;
  publicUrl: string | undefined;
}

const memberSchema = memberInputSchema.extend({
  accountId: z.string({ error: 'La cuenta vinculada debe ser un identificador.' }).trim().min(1).nullish().transform((v) => v ?? null),
});

const planLinkSchema = z.union(
  [
    z.object({ planId: z.string().trim().min(1, { error: 'Elige un PAM.' }) }),
    z.object({
      title: z.string({ error: 'El título del PAM es obligatorio.' }).trim().min(1, { error: 'El título del PAM es obligatorio.' }).max(200),
      launchDate: isoDate.optional(),
    }),
  ],
  { error: 'Indica el PAM a vincular (planId) o el título del PAM nuevo.' },
);

/** `/api/exercises`: run an exercise (staff) and read it (staff and STM). */
export function exerciseRoutes({ exercise: x, exerciseAudit: audit }: ExerciseRoutesDeps): Router {
  const r = Router();
  const { exercises } = x;

  r.get('/', async (_req, res) => {
    checkExercise(res, 'exercise.read');
    res.json({ exercises: await exercises.list() });
  });

  r.post('/', async (req, res) => {
    const by = checkExercise(res, 'exercise.manage');
    const created = await exercises.create(parseBody(exerciseInputSchema, req.body), by);
    await audit.record(by, 'exercise.create', { exerciseId: created.id }, { municipality: created.municipality, period: created.period });
    res.status(201).location(`/api/exercises/${created.id}`).json({ exercise: created });
  });

  r.get('/:id', async (req, res) => {
    const viewer = checkExercise(res, 'exercise.read');
    const loaded = await loadExercise(x.stores, req.params.id);
    res.json(
      exerciseView(loaded, todayOf(x.clock), {
        contacts: mayExercise(res, 'exercise.contacts'),
        viewerAccountId: viewer.kind === 'account' ? viewer.id : undefined,
      }),
    );
  });

  r.get('/:id/reminders', async (req, res) => {
    checkExercise(res, 'exercise.reminders');
    res.json({ reminders: await x.tracking.reminders(req.params.id) });
  });

  r.put('/:id/schedule', async (req, res) => {
    const by = checkExercise(res, 'exercise.manage');
    const e = await exercises.setSchedule(req.params.id, parseBody(scheduleInputSchema, req.body));
    await audit.record(by, 'exercise.schedule', { exerciseId: e.id });
    res.json({ exercise: e });
  });

  r.put('/:id/declaration', async (req, res) => {
    const by = checkExercise(res, 'exercise.manage');
    const e = await exercises.setDeclaration(req.params.id, parseBody(declarationInputSchema, req.body));
    await audit.record(by, 'exercise.declaration', { exerciseId: e.id }, { signatories: e.declaration?.signatories.length ?? 0 });
    res.json({ exercise: e });
  });

  r.put('/:id/launch-forum', async (req, res) => {
    const by = checkExercise(res, 'exercise.manage');
    const e = await exercises.setLaunchForum(req.params.id, parseBody(eventInputSchema, req.body));
    await audit.record(by, 'exercise.event', { exerciseId: e.id }, { kind: 'foro_arranque', eventId: e.launchForum?.id ?? null });
    res.json({ exercise: e });
  });

  r.put('/:id/plan-launch-event', async (req, res) => {
    const by = checkExercise(res, 'exercise.manage');
    const e = await exercises.setPlanLaunchEvent(req.params.id, parseBody(eventInputSchema, req.body));
    await audit.record(by, 'exercise.event', { exerciseId: e.id }, { kind: 'lanzamiento_pam', eventId: e.planLaunchEvent?.id ?? null });
    res.json({ exercise: e });
  });

  r.post('/:id/awareness-events', async (req, res) => {
    const by = checkExercise(res, 'exercise.manage');
    const before = await exercises.get(req.params.id);
    const e = await exercises.saveAwarenessEvent(before.id, null, parseBody(awarenessEventInputSchema, req.body));
    const event = e.awarenessEvents.find((a) => !before.awarenessEvents.some((b) => b.id === a.id));
    await audit.record(by, 'exercise.event', { exerciseId: e.id }, { kind: 'sensibilizacion', eventId: event?.id ?? null });
    res.status(201).json({ exercise: e, event });
  });

  r.put('/:id/awareness-events/:eventId', async (req, res) => {
    const by = checkExercise(res, 'exercise.manage');
    const e = await exercises.saveAwarenessEvent(req.params.id, req.params.eventId, parseBody(awarenessEventInputSchema, req.body));
    await audit.record(by, 'exercise.event', { exerciseId: e.id }, { kind: 'sensibilizacion', eventId: req.params.eventId });
    res.json({ exercise: e, event: e.awarenessEvents.find((a) => a.id === req.params.eventId) });
  });

  r.post('/:id/members', async (req, res) => {
    const by = checkExercise(res, 'exercise.manage');
    const member = await exercises.saveMember(req.params.id, null, parseBody(memberSchema, req.body));
    await audit.record(by, 'exercise.member', { exerciseId: req.params.id }, { memberId: member.id, created: true, accountLinked: member.accountId !== null });
    res.status(201).json({ member });
  });

  r.put('/:id/members/:memberId', async (req, res) => {
    const by = checkExercise(res, 'exercise.manage');
    const member = await exercises.saveMember(req.params.id, req.params.memberId, parseBody(memberSchema, req.body));
    await audit.record(by, 'exercise.member', { exerciseId: req.params.id }, { memberId: member.id, created: false, accountLinked: member.accountId !== null });
    res.json({ member });
  });

  r.put('/:id/stm', async (req, res) => {
    const by = checkExercise(res, 'exercise.manage');
    const e = await exercises.setStm(req.params.id, parseBody(stmInputSchema, req.body));
    await audit.record(by, 'exercise.stm', { exerciseId: e.id }, { seats: e.stm.seats.length, facilitatorId: e.stm.facilitatorId });
    res.json({ exercise: e, gaps: stmGaps(e.stm, await x.stores.exercises.members(e.id)) });
  });

  r.post('/:id/publish', async (req, res) => {
    const by = checkExercise(res, 'exercise.manage');
    const e = await exercises.publish(req.params.id, by);
    await audit.record(by, 'exercise.publish', { exerciseId: e.id });
    res.json({ exercise: e });
  });

  r.post('/:id/pam', async (req, res) => {
    const by = checkExercise(res, 'exercise.manage');
    const pam = await exercises.linkPlan(req.params.id, parseBody(planLinkSchema, req.body), by);
    await audit.record(by, 'exercise.pam_link', { exerciseId: req.params.id, planId: pam.id });
    res.status(201).json({ pam });
  });

  r.put('/:id/mesas/:mesaId', async (req, res) => {
    const by = checkExercise(res, 'exercise.manage');
    await exercises.linkMesa(req.params.id, req.params.mesaId);
    await audit.record(by, 'exercise.mesa_link', { exerciseId: req.params.id, mesaId: req.params.mesaId });
    res.json({ mesas: await x.stores.kits.mesasOf(req.params.id) });
  });

  r.get('/:id/files/:sha256', async (req, res) => {
    checkExercise(res, 'exercise.read');
    const file = await x.files.read((await exercises.get(req.params.id)).id, req.params.sha256);
    const name = typeof req.query.name === 'string' && req.query.name.trim() ? req.query.name : `${file.sha256.slice(0, 12)}`;
    sendStoredFile(res, file, name, 'private');
  });

  return r;
}

/** The uploaded file's name: `?name=`, without any path. */
function fileName(query: unknown): string {
  const raw = typeof query === 'string' ? query : '';
  return raw.split(/[/\\]/).pop()?.trim() ?? '';
}

/**
 * `POST /api/exercises/:id/files?name=<file name>`: the raw bytes as the body, `Content-Type` the
 * file's type. Mounted before the JSON-only `/api` router (a file is not JSON), with the same
 * authentication and CSRF protection; who may upload and whether the exercise exists are checked
 * before the body is read, and a body over the domain's limit is refused without storing anything.
 */
export function exerciseUploadRoutes(deps: ExerciseRoutesDeps): Router {
  const r = Router();
  const { exercise: x, exerciseAudit: audit } = deps;
  const allowed: RequestHandler<{ id: string }> = async (req, res, next) => {
    checkExercise(res, 'exercise.manage');
    await x.exercises.get(req.params.id);
    if (Number(req.get('content-length') ?? 0) > MAX_FILE_BYTES) throw exerciseErrors.fileRefused(413, `El archivo supera el máximo de ${MAX_FILE_BYTES / 1024 / 1024} MB.`);
    next();
  };
  const body = express.raw({ type: () => true, limit: MAX_FILE_BYTES });
  const tooLarge: ErrorRequestHandler = (err: unknown, _req, _res, next) => {
    next((err as { type?: string } | null)?.type === 'entity.too.large' ? exerciseErrors.fileRefused(413, `El archivo supera el máximo de ${MAX_FILE_BYTES / 1024 / 1024} MB.`) : err);
  };
  r.post('/:id/files', cookieParser(), authenticate(deps), csrfProtection(deps.publicUrl), allowed, body, async (req, res) => {
    const by = checkExercise(res, 'exercise.manage');
    const data: unknown = req.body;
    const file = await x.files.upload(
      req.params.id,
      { contentType: req.get('content-type'), name: fileName(req.query.name), data: Buffer.isBuffer(data) ? new Uint8Array(data) : new Uint8Array() },
      by,
    );
    await audit.record(by, 'exercise.file_upload', { exerciseId: req.params.id }, { sha256: file.sha256, mediaType: file.mediaType, bytes: file.bytes, name: file.name });
    res.status(201).json({ file });
  });
  r.use(tooLarge);
  return r;
}
