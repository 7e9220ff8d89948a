import { createHash } from 'node:crypto';
import type { Evidence, FinalEvaluation, KitItem, ProgressEntry, SixMonthMonitoring } from '@cocrea/domain';
import { beforeEach, describe, expect, it } from 'vitest';
import { RecordConflictError, type StoredApproval } from '../ExerciseStorage';
import { newAccount } from './accountContract';
import { member, newExercise } from './exerciseContract';
import { mesaInput, stamp } from './fixtures';
import type { CurrentStorage } from './storageContract';

const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const fileRef = (name: string, data: Uint8Array, mediaType = 'application/pdf') => ({ kind: 'archivo' as const, name, mediaType, bytes: data.byteLength, sha256: sha(data) });

const evidence = (id: string, at: string, document: Evidence['document']): Evidence => ({
  id,
  date: at.slice(0, 10),
  description: `Evidencia ${id}`,
  meansOfVerification: 'Actas de instalación',
  document,
  added: stamp(at, 'Hugo Cárdenas'),
});

const entry = (from: number, to: number, evidenceIds: string[], at: string, status: ProgressEntry['status'] = 'en_proceso', note = ''): ProgressEntry => ({
  from,
  to,
  status,
  evidenceIds,
  note,
  stamp: stamp(at, 'Hugo Cárdenas'),
});

/** Files, kits and the append-only records of a PAM (approvals, progress, monitoring, evaluation). */
export function exerciseRecordContract(current: CurrentStorage): void {
  describe('exercise files, kits and PAM records', () => {
    beforeEach(async () => {
      const { exercises, plans, mesas, accounts } = current();
      await accounts.create(newAccount('acc1', 'mariana@example.org', 'stm'));
      await exercises.create(newExercise('ej1'));
      await exercises.create(newExercise('ej2', 'Toluca'));
      await exercises.saveMember('ej1', member('m1', { accountId: 'acc1' }));
      await plans.create({ id: 'pam1', title: 'PAM', municipality: 'Metepec', launchDate: '2027-06-01', created: stamp('2027-05-01T10:00:00.000Z') });
      await plans.setExercise('pam1', 'ej1');
      await mesas.create('mesaAguaMet', mesaInput(), '2027-04-01T10:00:00.000Z', new Map());
      await mesas.create('mesaPresMet', mesaInput('Mesa de presupuesto'), '2027-04-02T10:00:00.000Z', new Map());
    });

    it('stores a file once under its SHA-256, per exercise, and hands back the bytes as they were', async () => {
      const { files, rawExec } = current();
      const s = sha(pdf);
      expect(await files.put({ sha256: s, mediaType: 'application/pdf', data: pdf }, 'ej1', stamp('2027-06-10T10:00:00.000Z'))).toEqual({ sha256: s, mediaType: 'application/pdf', size: pdf.byteLength });
      // The same bytes again (another exercise, another declared type): stored once, the first type stands.
      expect(await files.put({ sha256: s, mediaType: 'text/plain', data: pdf }, 'ej2', stamp('2027-06-11T10:00:00.000Z'))).toEqual({ sha256: s, mediaType: 'application/pdf', size: pdf.byteLength });
      expect(await files.info('ej1', s)).toEqual({ sha256: s, mediaType: 'application/pdf', size: pdf.byteLength });
      expect(await files.info('ej2', s)).toBeDefined();
      expect(await files.info('ej1', 'f'.repeat(64))).toBeUndefined();
      const read = await files.read(s);
      expect(read?.data).toBeInstanceOf(Uint8Array);
      expect(Buffer.from(read?.data ?? new Uint8Array()).equals(Buffer.from(pdf))).toBe(true);
      expect(await files.read('f'.repeat(64))).toBeUndefined();
      if (!rawExec) return;
      await expect(rawExec("UPDATE stored_files SET media_type = 'text/html'")).rejects.toThrow(/append-only/);
      await expect(rawExec('DELETE FROM stored_files')).rejects.toThrow(/append-only/);
      expect((await files.read(s))?.mediaType).toBe('application/pdf');
    });

    it('links mesas to one exercise and keeps each kit: framing, documents, publication', async () => {
      const { kits, files } = current();
      await kits.linkMesa('ej1', 'mesaPresMet', '2027-04-05T10:00:00.000Z');
      await kits.linkMesa('ej1', 'mesaAguaMet', '2027-04-06T10:00:00.000Z');
      await expect(kits.linkMesa('ej2', 'mesaAguaMet', '2027-04-07T10:00:00.000Z')).rejects.toBeInstanceOf(RecordConflictError);
      await expect(kits.linkMesa('ej1', 'noSuchMesa', '2027-04-07T10:00:00.000Z')).rejects.toThrow();
      expect(await kits.mesasOf('ej1')).toEqual(['mesaPresMet', 'mesaAguaMet']);
      expect(await kits.mesasOf('ej2')).toEqual([]);
      expect(await kits.exerciseOf('mesaAguaMet')).toBe('ej1');
      expect(await kits.exerciseOf('noSuchMesa')).toBeUndefined();
      expect(await kits.kit('mesaAguaMet')).toBeNull();
      expect(await kits.kit('noSuchMesa')).toBeNull();

      const consultation = { title: 'Consulta «Metepec Abierto»', date: '2027-03-01', document: null };
      await kits.setFraming('mesaAguaMet', { publicProblem: 'Suministro intermitente de agua', consultation });
      const ref = fileRef('guia.pdf', pdf);
      await files.put({ sha256: ref.sha256, mediaType: ref.mediaType, data: pdf }, 'ej1', stamp('2027-04-08T10:00:00.000Z'));
      const items: KitItem[] = [
        { id: 'k1', title: 'Guía', description: 'Cómo se trabajará', moment: 'antes', document: ref, added: stamp('2027-04-08T10:00:00.000Z') },
        { id: 'k2', title: 'Formato', description: '', moment: 'durante', document: { kind: 'enlace', url: 'https://example.org/formato', title: 'Formato' }, added: stamp('2027-04-08T11:00:00.000Z') },
      ];
      for (const i of items) await kits.addItem('mesaAguaMet', i);
      expect(await kits.kit('mesaAguaMet')).toEqual({ mesaId: 'mesaAguaMet', publicProblem: 'Suministro intermitente de agua', consultation, items, published: null });
      await kits.publish('mesaAguaMet', stamp('2027-04-09T10:00:00.000Z'));
      expect((await kits.kit('mesaAguaMet'))?.published).toEqual(stamp('2027-04-09T10:00:00.000Z'));
      // A document pointing at a file nobody stored is refused.
      await expect(
        kits.addItem('mesaAguaMet', { ...items[0], id: 'k3', document: { ...ref, sha256: 'e'.repeat(64) } } as KitItem),
      ).rejects.toThrow();
      expect((await kits.kit('mesaAguaMet'))?.items).toHaveLength(2);
    });

    it('keeps approvals in order, with who approved for which seat and entries; the database refuses changes', async () => {
      const { planRecords, rawExec } = current();
      const a: StoredApproval = {
        id: 'apr1',
        planId: 'pam1',
        memberId: 'm1',
        accountId: 'acc1',
        sector: 'sociedad_civil',
        capacity: 'titular',
        entries: [
          { commitmentId: 'c2', version: 1 },
          { commitmentId: 'c1', version: 3 },
        ],
        note: 'Aprobado en la sesión ordinaria del STM.',
        approved: stamp('2027-05-10T18:00:00.000Z', 'Mariana'),
      };
      await planRecords.addApproval(a);
      await planRecords.addApproval({ ...a, id: 'apr2', accountId: null, capacity: 'suplente', entries: [], note: '' });
      expect(await planRecords.approvals('pam1')).toEqual([a, { ...a, id: 'apr2', accountId: null, capacity: 'suplente', entries: [], note: '' }]);
      expect(await planRecords.approvals('other')).toEqual([]);
      await expect(planRecords.addApproval({ ...a, id: 'apr3', memberId: 'nadie' })).rejects.toThrow();
      if (!rawExec) return;
      await expect(rawExec("UPDATE plan_approvals SET note = 'x'")).rejects.toThrow(/append-only/);
      await expect(rawExec('DELETE FROM plan_approvals')).rejects.toThrow(/append-only/);
      expect(await planRecords.approvals('pam1')).toHaveLength(2);
    });

    it('rebuilds each activity from its steps and evidence; a step is taken once', async () => {
      const { planRecords, files, rawExec } = current();
      const ref = fileRef('acta.pdf', pdf);
      await files.put({ sha256: ref.sha256, mediaType: ref.mediaType, data: pdf }, 'ej1', stamp('2027-06-10T10:00:00.000Z'));
      const link = { kind: 'enlace' as const, url: 'https://datos.example.org/actas', title: 'Actas' };
      const e1 = evidence('ev1', '2027-06-10T18:00:00.000Z', ref);
      const e2 = evidence('ev2', '2027-07-10T18:00:00.000Z', link);
      const e3 = evidence('ev3', '2027-07-10T18:00:00.000Z', { ...link, url: 'https://datos.example.org/actas-2' });
      await planRecords.appendProgress({ planId: 'pam1', commitmentId: 'c1', activityId: 'a1', step: 0, entry: entry(0, 25, ['ev1'], '2027-06-10T18:00:00.000Z'), evidence: [e1] });
      await planRecords.appendProgress({ planId: 'pam1', commitmentId: 'c1', activityId: 'a1', step: 1, entry: entry(25, 50, ['ev2', 'ev3'], '2027-07-10T18:00:00.000Z', 'en_proceso', 'Segundo corte'), evidence: [e2, e3] });
      await planRecords.appendProgress({ planId: 'pam1', commitmentId: 'c1', activityId: 'a2', step: 0, entry: entry(0, 0, [], '2027-07-11T18:00:00.000Z', 'cancelada', 'Sin presupuesto'), evidence: [] });
      const tracking = await planRecords.tracking('pam1');
      expect(tracking).toEqual([
        {
          planId: 'pam1',
          commitmentId: 'c1',
          activityId: 'a1',
          status: 'en_proceso',
          progress: 50,
          evidence: [e1, e2, e3],
          history: [entry(0, 25, ['ev1'], '2027-06-10T18:00:00.000Z'), entry(25, 50, ['ev2', 'ev3'], '2027-07-10T18:00:00.000Z', 'en_proceso', 'Segundo corte')],
        },
        { planId: 'pam1', commitmentId: 'c1', activityId: 'a2', status: 'cancelada', progress: 0, evidence: [], history: [entry(0, 0, [], '2027-07-11T18:00:00.000Z', 'cancelada', 'Sin presupuesto')] },
      ]);
      // Two reports racing for the same step: the second is refused and writes nothing.
      const racing = evidence('ev4', '2027-07-12T18:00:00.000Z', { ...link, url: 'https://datos.example.org/otra' });
      await expect(
        planRecords.appendProgress({ planId: 'pam1', commitmentId: 'c1', activityId: 'a1', step: 1, entry: entry(25, 75, ['ev4'], '2027-07-12T18:00:00.000Z'), evidence: [racing] }),
      ).rejects.toBeInstanceOf(RecordConflictError);
      expect(await planRecords.tracking('pam1')).toEqual(tracking);
      expect(await planRecords.tracking('other')).toEqual([]);
      if (!rawExec) return;
      await expect(rawExec('UPDATE activity_updates SET to_progress = 100')).rejects.toThrow(/append-only/);
      await expect(rawExec('DELETE FROM activity_evidence')).rejects.toThrow(/append-only/);
      expect(await planRecords.tracking('pam1')).toEqual(tracking);
    });

    it('records one six-month monitoring and one final evaluation per plan', async () => {
      const { planRecords, rawExec } = current();
      const verdict = { verdict: 'cumple' as const, reasons: 'Cumple.' };
      const monitoring: SixMonthMonitoring = {
        id: 'mon1',
        planId: 'pam1',
        cutoffDate: '2027-12-01',
        conductedBy: 'Infoem',
        commitments: [
          {
            commitmentId: 'c1',
            quality: { concreto: verdict, incluyente: verdict, estrategico: verdict, alto_potencial_transformador: verdict, medible: verdict, replicable: verdict },
            relevance: { transparencia: verdict, participacion_ciudadana: verdict, rendicion_de_cuentas: verdict, innovacion: verdict },
            schedule: { value: 'en_tiempo', reasons: 'Va en tiempo.' },
            recommendations: '',
            progress: { percent: 41.666666666666664, level: 'limitado' },
          },
        ],
        recorded: stamp('2027-12-12T17:00:00.000Z', 'Andrés'),
      };
      expect(await planRecords.monitoring('pam1')).toBeNull();
      await planRecords.saveMonitoring(monitoring);
      expect(await planRecords.monitoring('pam1')).toEqual(monitoring);
      await expect(planRecords.saveMonitoring({ ...monitoring, id: 'mon2' })).rejects.toBeInstanceOf(RecordConflictError);
      const evaluation: FinalEvaluation = {
        id: 'eva1',
        planId: 'pam1',
        date: '2028-06-02',
        conductedBy: 'Infoem',
        summary: 'Resumen',
        commitments: [
          {
            commitmentId: 'c1',
            verifiable: { value: true, reasons: 'Sí.' },
            potentialForResults: { value: 'modesto', reasons: 'Modesto.' },
            completion: { value: 'sustancial', reasons: 'Casi.' },
            openedGovernment: { value: 'marginal', reasons: 'Algo.' },
          },
        ],
        recorded: stamp('2028-06-02T17:00:00.000Z', 'Andrés'),
      };
      expect(await planRecords.evaluation('pam1')).toBeNull();
      await planRecords.saveEvaluation(evaluation);
      expect(await planRecords.evaluation('pam1')).toEqual(evaluation);
      await expect(planRecords.saveEvaluation({ ...evaluation, id: 'eva2' })).rejects.toBeInstanceOf(RecordConflictError);
      if (!rawExec) return;
      await expect(rawExec("UPDATE plan_monitorings SET conducted_by = 'x'")).rejects.toThrow(/append-only/);
      await expect(rawExec('DELETE FROM plan_evaluations')).rejects.toThrow(/append-only/);
      expect(await planRecords.evaluation('pam1')).toEqual(evaluation);
    });
  });
}
