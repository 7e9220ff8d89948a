import { Router, type Response } from 'express';
import { exerciseOverview, type FileRef } from '@cocrea/domain';
import { toActivitiesCsv, toOpenData } from '../exports';
import { OPEN_DATA_TABLES, openDataTables, tableCsv } from '../services/exerciseOpenData';
import { todayOf } from '../services/exerciseClock';
import { loadExercise, type LoadedExercise } from '../services/exerciseRecords';
import type { ExerciseServices } from '../services/exerciseServices';
import { publicExerciseView, publicFiles, type FileUrl } from '../services/publicExerciseView';
import { httpErrors } from './errors';
import { exerciseErrors } from './exerciseErrors';
import { attachmentHeader, sendStoredFile } from './sendStoredFile';

/** What the public micrositio routes need. */
export interface PublicExerciseRoutesDeps {
  exercise: ExerciseServices;
  publicUrl: string | undefined;
}

const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Sends a download (open data), never cached by a proxy as something else. */
function download(res: Response, type: string, name: string, body: string): void {
  res.status(200).set('Content-Type', type).set('Content-Disposition', attachmentHeader(name)).set('Cache-Control', 'no-store').send(body);
}

/**
 * `/api/public/exercises`: the micrositio of each published exercise, for anyone, no sign-in.
 * An exercise whose micrositio is not published answers 404 like one that does not exist.
 */
export function publicExerciseRoutes({ exercise: x, publicUrl }: PublicExerciseRoutesDeps): Router {
  const r = Router();
  const base = (publicUrl ?? '').replace(/\/$/, '');
  const fileUrlOf =
    (id: string): FileUrl =>
    (f: FileRef) =>
      `${base}/api/public/exercises/${id}/files/${f.sha256}`;
  const openDataUrl = (id: string, table: string, format: string) => `${base}/api/public/exercises/${id}/open-data/${table}.${format}`;

  const published = async (id: string): Promise<LoadedExercise> => {
    const l = await loadExercise(x.stores, id);
    if (!l.exercise.published) throw exerciseErrors.exerciseNotFound();
    return l;
  };

  const index = (l: LoadedExercise) => {
    const today = todayOf(x.clock);
    const id = l.exercise.id;
    return [
      ...openDataTables(l, today, fileUrlOf(id)).map((t) => ({ name: t.name, title: t.title, columns: t.columns, rows: t.rows.length, json: openDataUrl(id, t.name, 'json'), csv: openDataUrl(id, t.name, 'csv') })),
      ...(l.plan?.status === 'publicado'
        ? [{ name: 'pam', title: 'PAM con sus compromisos y hojas de ruta (esquema pam.schema.json; CSV de actividades)', columns: null, rows: l.versions.length, json: openDataUrl(id, 'pam', 'json'), csv: openDataUrl(id, 'pam', 'csv') }]
        : []),
    ];
  };

  r.get('/', async (_req, res) => {
    const today = todayOf(x.clock);
    const all = (await x.exercises.list()).filter((e) => e.published);
    const exercises = await Promise.all(
      all.map(async (e) => {
        const l = await loadExercise(x.stores, e.id);
        return { id: e.id, municipality: e.municipality, title: e.title, period: e.period, stage: exerciseOverview(l.records, today).stage, publishedAt: e.published?.at ?? null };
      }),
    );
    res.json({ exercises });
  });

  r.get('/:id', async (req, res) => {
    const l = await published(req.params.id);
    res.json({ ...publicExerciseView(l, todayOf(x.clock), fileUrlOf(l.exercise.id)), openData: index(l) });
  });

  r.get('/:id/files/:sha256', async (req, res) => {
    const l = await published(req.params.id);
    const ref = publicFiles(publicExerciseView(l, todayOf(x.clock), fileUrlOf(l.exercise.id))).get(req.params.sha256);
    if (!ref) throw exerciseErrors.fileNotFound();
    sendStoredFile(res, await x.files.readAny(ref.sha256), ref.name, 'public');
  });

  r.get('/:id/open-data', async (req, res) => {
    res.json({ tables: index(await published(req.params.id)) });
  });

  r.get('/:id/open-data/:table.:format', async (req, res) => {
    const { table, format } = req.params;
    if (format !== 'json' && format !== 'csv') throw httpErrors.notFound();
    const l = await published(req.params.id);
    const name = `${slug(l.exercise.municipality)}-${table}.${format}`;
    if (table === 'pam') {
      if (l.plan?.status !== 'publicado') throw httpErrors.notFound();
      if (format === 'json') download(res, 'application/json; charset=utf-8', name, JSON.stringify(toOpenData(l.plan, l.versions), null, 2));
      else download(res, 'text/csv; charset=utf-8', name, toActivitiesCsv(l.plan, l.versions));
      return;
    }
    const t = OPEN_DATA_TABLES.includes(table as never) ? openDataTables(l, todayOf(x.clock), fileUrlOf(l.exercise.id)).find((candidate) => candidate.name === table) : undefined;
    if (!t) throw httpErrors.notFound();
    if (format === 'json') download(res, 'application/json; charset=utf-8', name, JSON.stringify(t.rows, null, 2));
    else download(res, 'text/csv; charset=utf-8', name, tableCsv(t));
  });

  return r;
}
