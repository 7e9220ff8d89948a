import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUALITY_CRITERIA, VALUE_CRITERIA, addDays, formatDateEs, sixMonthMark } from '@cocrea/domain';
import { api, join, startTestServer } from './harness';
import { ExerciseWorld, PDF_BYTES, expectStatus, today, upload, type ApiError, type Server } from './exerciseWorld';

/*
 * Issue 6's "done when", through HTTP against a real server: publishing an exercise's PAM with an
 * incomplete STM or missing approvals is refused with the list of what is missing (and nothing
 * changes); each STM sector approves through the account linked to its titular or suplente;
 * progress without evidence is refused with the domain's message (and nothing is stored).
 */

let server: Server;
let w: ExerciseWorld;
beforeAll(async () => {
  server = await startTestServer();
  w = new ExerciseWorld(server);
  await w.setUp();
}, 120_000);
afterAll(async () => {
  await server.close();
});

interface Pam {
  pam: { id: string; status: string; approved: unknown; published: unknown };
}

const pamNow = async () => expectStatus(await w.fac.api<Pam>('GET', `/api/pams/${w.planId}`), 200).pam;
const publish = () => w.fac.api<Pam & ApiError>('POST', `/api/pams/${w.planId}/publish`);
const approve = (as: keyof ExerciseWorld['accounts'], note?: string) =>
  w.accounts[as].api<{ approval: { sector: string; capacity: string }; pam: Pam['pam']; missing: string[] } & ApiError>('POST', `/api/pams/${w.planId}/approvals`, note === undefined ? {} : { note });

describe('running an exercise', () => {
  it('keeps one exercise per municipality and period, run by staff', async () => {
    const overlap = await w.fac.api<ApiError>('POST', '/api/exercises', { municipality: ' metepec ', title: 'Otro', period: { startDate: today, endDate: addDays(today, 30) } });
    expect(overlap.status).toBe(409);
    expect((await w.accounts.sc.api('POST', '/api/exercises', { municipality: 'Lerma', title: 'x', period: { startDate: today, endDate: today } })).status).toBe(403);
    expect((await w.expert.api('GET', `/api/exercises/${w.exerciseId}`)).status).toBe(403);
    expect((await api(server.url, 'GET', '/api/exercises')).status).toBe(401);
    const bad = await w.fac.api<ApiError>('POST', '/api/exercises', { municipality: 'Lerma', title: 'x', period: { startDate: '2027-02-30', endDate: today } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^Indica la fecha de inicio del ejercicio \(AAAA-MM-DD\)\./);
  });

  it('records who joined at a sensibilización event from either side, and refuses references the exercise does not have', async () => {
    const created = expectStatus(
      await w.fac.api<{ event: { id: string } }>('POST', `/api/exercises/${w.exerciseId}/awareness-events`, { title: 'Sensibilización con OSC', date: addDays(today, -160), evidence: [{ kind: 'enlace', url: 'https://example.org/memoria', title: 'Memoria' }] }),
      201,
    );
    const member = expectStatus(
      await w.fac.api<{ member: { id: string } }>('POST', `/api/exercises/${w.exerciseId}/members`, { kind: 'persona', name: 'Joaquín Estrada', sector: 'sociedad_civil', joinedOn: addDays(today, -160), joinedAtEventId: created.event.id }),
      201,
    ).member;
    const view = expectStatus(await w.fac.api<{ exercise: { awarenessEvents: { id: string; joinedMemberIds: string[] }[] } }>('GET', `/api/exercises/${w.exerciseId}`), 200);
    expect(view.exercise.awarenessEvents.find((e) => e.id === created.event.id)?.joinedMemberIds).toEqual([member.id]);
    const unknownEvent = await w.fac.api<ApiError>('POST', `/api/exercises/${w.exerciseId}/members`, { kind: 'persona', name: 'X', sector: 'academia', joinedOn: today, joinedAtEventId: 'noExiste' });
    expect(unknownEvent.status).toBe(422);
    const unknownSeat = await w.fac.api<ApiError>('PUT', `/api/exercises/${w.exerciseId}/stm`, { seats: [{ id: 's', sector: 'sociedad_civil', titularId: 'nadie' }] });
    expect(unknownSeat.status).toBe(422);
    expect(unknownSeat.body.error.message).toBe('No están en el registro de integrantes: nadie.');
    const ghost = await w.fac.api<ApiError>('PUT', `/api/exercises/${w.exerciseId}/declaration`, { signatories: [], document: { kind: 'archivo', name: 'd.pdf', mediaType: 'application/pdf', bytes: 5, sha256: 'c'.repeat(64) } });
    expect(ghost.status).toBe(422);
    const taken = await w.fac.api<ApiError>('PUT', `/api/exercises/${w.exerciseId}/members/${member.id}`, { kind: 'persona', name: 'Joaquín Estrada', sector: 'sociedad_civil', joinedOn: today, accountId: w.accounts.sc.account.id });
    expect(taken.status).toBe(409);
  });

  it('shows integrantes contacts to staff only', async () => {
    const staff = expectStatus(await w.fac.api<{ members: { contact?: { email: string }; accountId?: string | null }[] }>('GET', `/api/exercises/${w.exerciseId}`), 200);
    expect(staff.members[0]).toMatchObject({ contact: { email: 'mariana@privado.example.org' }, accountId: w.accounts.sc.account.id });
    const stm = expectStatus(await w.accounts.sc.api<{ members: Record<string, unknown>[] }>('GET', `/api/exercises/${w.exerciseId}`), 200);
    expect(JSON.stringify(stm.members)).not.toContain('privado.example.org');
    expect(stm.members.every((m) => !('accountId' in m))).toBe(true);
  });
});

describe('publishing the PAM of an exercise', () => {
  it('is refused with an incomplete STM, listing exactly what is missing, and nothing changes', async () => {
    const saved = expectStatus(await w.fac.api<{ gaps: string[] }>('PUT', `/api/exercises/${w.exerciseId}/stm`, w.stm(false)), 200);
    expect(saved.gaps).toEqual([
      'Falta la persona titular de la autoridad municipal en el STM.',
      'Falta la persona titular del Órgano Garante en el STM.',
      'Falta elegir a la persona facilitadora, emanada de la sociedad civil.',
    ]);
    const r = await publish();
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('publication_incomplete');
    expect(r.body.error.details?.missing).toEqual([
      'Falta la persona titular de la autoridad municipal en el STM.',
      'Falta la persona titular del Órgano Garante en el STM.',
      'Falta elegir a la persona facilitadora, emanada de la sociedad civil.',
      'Falta la aprobación de la sociedad civil: debe aprobar Mariana Velázquez (titular).',
      'Falta la aprobación de la autoridad municipal: el sector aún no tiene titular ni suplente en el STM.',
      'Falta la aprobación del Órgano Garante: el sector aún no tiene titular ni suplente en el STM.',
    ]);
    expect(await pamNow()).toMatchObject({ status: 'borrador', approved: null, published: null });
    expect(await w.auditActions()).not.toContain('pam.publish');
    // The old one-click approval does not apply to an exercise's PAM.
    expect((await w.fac.api<ApiError>('POST', `/api/pams/${w.planId}/approve`)).status).toBe(409);
    expect((await pamNow()).status).toBe('borrador');
  });

  it('lets only the account of a seat holder approve, for its own sector', async () => {
    const participant = await join(server.url, w.mesaId, 'Vecina');
    expect((await api(server.url, 'POST', `/api/pams/${w.planId}/approvals`, {})).status).toBe(401);
    expect((await api(server.url, 'POST', `/api/pams/${w.planId}/approvals`, {}, { authorization: `Bearer ${participant.token}` })).status).toBe(403);
    expect((await w.expert.api('POST', `/api/pams/${w.planId}/approvals`, {})).status).toBe(403);
    const outsider = await approve('outsider');
    expect(outsider.status).toBe(403);
    expect(outsider.body.error.message).toBe('Tu cuenta no está vinculada a una persona titular o suplente del STM de este ejercicio.');
    // Arturo's account is linked, but he holds no seat yet.
    const unseated = await approve('gm');
    expect(unseated.status).toBe(403);
    expect(unseated.body.error.message).toBe('Solo aprueban el PAM las personas titulares o suplentes del STM, cada una por su sector.');

    // The view tells each account which integrante it acts as, so the UI offers approving only to seat holders.
    const viewOf = async (who: 'sc' | 'outsider') =>
      expectStatus(await w.accounts[who].api<{ me: { memberId: string } | null }>('GET', `/api/exercises/${w.exerciseId}`), 200).me;
    expect(await viewOf('sc')).toEqual({ memberId: w.members.mariana });
    expect(await viewOf('outsider')).toBeNull();

    const ok = await approve('sc', 'Aprobado en la sesión del STM.');
    expect(ok.status).toBe(201);
    expect(ok.body.approval).toMatchObject({ sector: 'sociedad_civil', capacity: 'titular', memberId: w.members.mariana, accountId: w.accounts.sc.account.id });
    expect(ok.body.pam.status).toBe('borrador');
    expect((await approve('sc')).status).toBe(409);
    const list = expectStatus(await w.accounts.og.api<{ approvals: unknown[]; missing: string[] }>('GET', `/api/pams/${w.planId}/approvals`), 200);
    expect(list.approvals).toHaveLength(1);
    expect(list.missing).not.toContain('Falta la aprobación de la sociedad civil: debe aprobar Mariana Velázquez (titular).');
  });

  it('is refused, once the STM is complete, while a sector has not approved, naming who may', async () => {
    expectStatus(await w.fac.api('PUT', `/api/exercises/${w.exerciseId}/stm`, w.stm(true)), 200);
    expect((await approve('gm')).status).toBe(201);
    const r = await publish();
    expect(r.status).toBe(422);
    expect(r.body.error.details?.missing).toEqual(['Falta la aprobación del Órgano Garante: debe aprobar Sofía Garduño (titular) o Andrés Villafaña (suplente).']);
    expect(await pamNow()).toMatchObject({ status: 'borrador', published: null });
    expect(await w.auditActions()).not.toContain('pam.publish');
  });

  it('approves the PAM with the last sector (a suplente may), then publishes it', async () => {
    const last = await approve('ogSup');
    expect(last.status).toBe(201);
    expect(last.body.approval).toMatchObject({ sector: 'organo_garante', capacity: 'suplente' });
    expect(last.body.pam.status).toBe('aprobado');
    expect(last.body.missing).toEqual([]);
    expect((await w.accounts.og.api('POST', `/api/pams/${w.planId}/publish`)).status).toBe(403);
    const r = await publish();
    expect(r.status).toBe(200);
    expect(r.body.pam.status).toBe('publicado');
    const actions = await w.auditActions();
    expect(actions.filter((a) => a === 'pam.stm_approval')).toHaveLength(3);
    expect(actions).toContain('pam.publish');
    expect((await approve('og')).status).toBe(409);
    expect((await publish()).status).toBe(409);
  });
});

describe('tracking the published PAM', () => {
  const updates = (activityId = 'a1-1') => `/api/pams/${w.planId}/commitments/${w.commitmentId}/activities/${activityId}/updates`;
  const tracking = async () => expectStatus(await w.fac.api<{ tracking: { activityId: string; progress: number; evidence: unknown[] }[]; progress: { progress: number } }>('GET', `/api/pams/${w.planId}/tracking`), 200);

  it('refuses progress without evidence with the domain message, and stores nothing', async () => {
    const r = await w.fac.api<ApiError>('POST', updates(), { action: 'avance', progress: 40, evidence: [] });
    expect(r.status).toBe(422);
    expect(r.body.error).toMatchObject({ code: 'progress_refused', message: 'Para subir el avance de 0 % a 40 % adjunta al menos una evidencia.' });
    expect((await tracking()).tracking).toEqual([]);
    expect(await w.auditActions()).not.toContain('activity.progress');
  });

  it('refuses evidence that names a file never uploaded, a means the roadmap does not name, or a future date', async () => {
    const ghost = { kind: 'archivo', name: 'acta.pdf', mediaType: 'application/pdf', bytes: 10, sha256: 'b'.repeat(64) };
    const evidence = (over: Record<string, unknown>) => ({ action: 'avance', progress: 40, evidence: [{ date: today, description: 'Acta', meansOfVerification: 'Actas de instalación firmadas', document: ghost, ...over }] });
    const notUploaded = await w.fac.api<ApiError>('POST', updates(), evidence({}));
    expect(notUploaded.status).toBe(422);
    expect(notUploaded.body.error.message).toBe('El archivo «acta.pdf» no se ha subido a este ejercicio: súbelo primero.');
    const link = { kind: 'enlace', url: 'https://datos.example.org/actas', title: 'Actas' };
    const means = await w.fac.api<ApiError>('POST', updates(), evidence({ document: link, meansOfVerification: 'Una foto cualquiera' }));
    expect(means.status).toBe(422);
    expect(means.body.error.message).toContain('debe corresponder a un medio de verificación de la hoja de ruta');
    const future = await w.fac.api<ApiError>('POST', updates(), evidence({ document: link, date: addDays(today, 3) }));
    expect(future.status).toBe(422);
    expect(future.body.error.details?.problems?.[0]).toMatch(/tiene fecha futura/);
    expect((await tracking()).tracking).toEqual([]);
  });

  it('records progress with uploaded evidence, rolls it up, and never lets it go down', async () => {
    const file = expectStatus(await upload(w.fac, w.exerciseId, PDF_BYTES, 'application/pdf', 'acta-instalación.pdf'), 201).file;
    const r = await w.fac.api<{ activity: { progress: number; status: string; evidence: { document: unknown }[] } }>('POST', updates(), {
      action: 'avance',
      progress: 40,
      note: 'Primer corte',
      evidence: [{ date: today, description: 'Acta de instalación', meansOfVerification: 'actas de instalación  FIRMADAS', document: { ...file, bytes: 1, mediaType: 'text/plain' } }],
    });
    expect(r.status).toBe(201);
    expect(r.body.activity).toMatchObject({ progress: 40, status: 'en_proceso' });
    // Stored as uploaded, whatever the client claimed, with the roadmap's spelling of the means.
    expect(r.body.activity.evidence[0]).toMatchObject({ document: file, meansOfVerification: 'Actas de instalación firmadas' });
    const t = await tracking();
    expect(t.tracking.map((a) => [a.activityId, a.progress, a.evidence.length])).toEqual([['a1-1', 40, 1]]);
    expect(t.progress.progress).toBeCloseTo(40 / 3);
    const down = await w.fac.api<ApiError>('POST', updates(), { action: 'avance', progress: 20, evidence: [] });
    expect(down.status).toBe(422);
    expect(down.body.error.message).toBe('El avance no puede bajar: va en 40 % y se indicó 20 %.');
    expect((await w.fac.api<ApiError>('POST', updates('no-existe'), { action: 'cancelar', reason: 'x' })).status).toBe(404);
    expect((await w.accounts.sc.api<ApiError>('POST', updates(), { action: 'cancelar', reason: 'x' })).status).toBe(403);
    expect(await w.auditActions()).toContain('activity.progress');
  });

  it('reminds facilitators of the monitoring and the evaluation; the STM does not manage them', async () => {
    const r = expectStatus(await w.fac.api<{ reminders: { kind: string; status: string; startsOn: string }[] }>('GET', `/api/exercises/${w.exerciseId}/reminders`), 200);
    expect(r.reminders.map((x) => [x.kind, x.status])).toEqual([
      ['monitoreo_seis_meses', 'programada'],
      ['evaluacion_final', 'programada'],
    ]);
    expect((await w.accounts.sc.api('GET', `/api/exercises/${w.exerciseId}/reminders`)).status).toBe(403);
    const view = expectStatus(await w.fac.api<{ reminders: unknown[]; overview: { stage: string } }>('GET', `/api/exercises/${w.exerciseId}`), 200);
    expect(view.reminders).toEqual(r.reminders);
    expect(view.overview.stage).toBe('seguimiento');
    // The monitoring is refused before the six-month mark, with the domain's reason; nothing is stored.
    const verdict = { verdict: 'cumple', reasons: 'Cumple.' };
    const assessment = {
      commitmentId: w.commitmentId,
      quality: Object.fromEntries(QUALITY_CRITERIA.map((c) => [c, verdict])),
      relevance: Object.fromEntries(VALUE_CRITERIA.map((c) => [c, verdict])),
      schedule: { value: 'en_tiempo', reasons: 'Va en tiempo.' },
    };
    const early = await w.fac.api<ApiError>('POST', `/api/pams/${w.planId}/monitoring`, { cutoffDate: today, commitments: [assessment] });
    expect(early.status).toBe(422);
    expect(early.body.error.details?.problems).toEqual([
      `El monitoreo es a los seis meses del lanzamiento: la fecha de corte no puede ser anterior al ${formatDateEs(sixMonthMark(w.launchDate))}.`,
    ]);
    expect(expectStatus(await w.fac.api<{ monitoring: unknown }>('GET', `/api/exercises/${w.exerciseId}`), 200).monitoring).toBeNull();
  });
});
