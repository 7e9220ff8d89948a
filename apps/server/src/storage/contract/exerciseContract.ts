import type { AwarenessEvent, ExerciseEvent, JointDeclaration, Stm } from '@cocrea/domain';
import { describe, expect, it } from 'vitest';
import { RecordConflictError, type NewExercise, type StoredMember } from '../ExerciseStorage';
import { newAccount } from './accountContract';
import { stamp } from './fixtures';
import type { CurrentStorage } from './storageContract';

/** A new exercise of `municipality` for 2027. */
export const newExercise = (id: string, municipality = 'Metepec', startDate = '2027-01-10'): NewExercise => ({
  id,
  municipality,
  title: `Ejercicio de Gobierno Abierto de ${municipality}`,
  period: { startDate, endDate: '2028-04-30' },
  created: stamp('2027-01-10T17:00:00.000Z'),
});

/** An integrante. */
export const member = (id: string, over: Partial<StoredMember> = {}): StoredMember => ({
  id,
  kind: 'persona',
  name: `Persona ${id}`,
  sector: 'sociedad_civil',
  organization: 'Colectivo Metepec Transparente A.C.',
  position: 'Coordinadora',
  contact: { email: `${id}@example.org`, phone: '722 555 0100' },
  joinedOn: '2027-01-31',
  joinedAtEventId: null,
  accountId: null,
  ...over,
});

const forum: ExerciseEvent = {
  id: 'foro',
  title: 'Foro municipal',
  date: '2027-01-10',
  place: 'Centro Cultural',
  description: 'Taller para autoridades',
  evidence: [{ kind: 'enlace', url: 'https://micrositio.example.org/foro', title: 'Memoria del foro' }],
};

const awareness = (id: string, date: string, joined: string[] = []): AwarenessEvent => ({
  ...forum,
  id,
  title: `Sensibilización ${id}`,
  date,
  convenedBy: 'Infoem',
  audience: ['sociedad_civil', 'academia'],
  attendance: 42,
  joinedMemberIds: joined,
});

const declaration: JointDeclaration = {
  place: 'Sala de Cabildo',
  signatories: [
    { name: 'Gabriela Núñez', role: 'Presidenta Municipal', organization: 'H. Ayuntamiento', sector: 'gobierno_municipal', signedOn: '2027-01-10' },
    { name: 'Sofía Garduño', role: 'Comisionada', organization: 'Infoem', sector: 'organo_garante', signedOn: '2027-01-10' },
  ],
  document: { kind: 'archivo', name: 'declaracion.pdf', mediaType: 'application/pdf', bytes: 1200, sha256: 'a'.repeat(64) },
};

/** `ExerciseRepository` and the PAM ↔ exercise link of `ActionPlanRepository`. */
export function exerciseContract(current: CurrentStorage): void {
  describe('exercises', () => {
    it('creates, reads and lists exercises newest first; one per municipality and period', async () => {
      const { exercises } = current();
      const created = await exercises.create(newExercise('ej1'));
      expect(created).toEqual({
        ...newExercise('ej1'),
        schedule: {},
        declaration: null,
        launchForum: null,
        awarenessEvents: [],
        stm: { installedOn: null, seats: [], facilitatorId: null, governanceRules: null, annualAgenda: null },
        planId: null,
        planLaunchEvent: null,
        published: null,
      });
      expect(await exercises.get('ej1')).toEqual(created);
      expect(await exercises.get('missing')).toBeUndefined();
      await exercises.create(newExercise('ej2', 'Toluca'));
      expect((await exercises.list()).map((e) => e.id)).toEqual(['ej2', 'ej1']);
      await expect(exercises.create(newExercise('ej3'))).rejects.toBeInstanceOf(RecordConflictError);
      await expect(exercises.create(newExercise('ej1', 'Lerma', '2027-02-01'))).rejects.toThrow();
      expect(await exercises.list()).toHaveLength(2);
    });

    it('keeps the schedule, replaces the declaration with its signatories, and publishes', async () => {
      const { exercises } = current();
      await exercises.create(newExercise('ej1'));
      const schedule = { arranque: { plannedStart: '2027-01-10', plannedEnd: '2027-01-17' }, mesas: { plannedStart: null, plannedEnd: '2027-06-01' } };
      await exercises.setSchedule('ej1', schedule);
      await exercises.setDeclaration('ej1', declaration);
      expect(await exercises.get('ej1')).toMatchObject({ schedule, declaration });
      const fewer: JointDeclaration = { place: 'Palacio', signatories: declaration.signatories.slice(1), document: null };
      await exercises.setDeclaration('ej1', fewer);
      expect((await exercises.get('ej1'))?.declaration).toEqual(fewer);
      await exercises.publish('ej1', stamp('2027-02-01T10:00:00.000Z'));
      expect((await exercises.get('ej1'))?.published).toEqual(stamp('2027-02-01T10:00:00.000Z'));
    });

    it('saves events: one launch forum and one PAM launch, sensibilización events by date', async () => {
      const { exercises } = current();
      await exercises.create(newExercise('ej1'));
      await exercises.create(newExercise('ej2', 'Toluca'));
      await exercises.saveEvent('ej1', 'foro_arranque', forum);
      await exercises.saveEvent('ej1', 'sensibilizacion', awareness('s2', '2027-02-20', ['m1']));
      await exercises.saveEvent('ej1', 'sensibilizacion', awareness('s1', '2027-02-01'));
      await exercises.saveEvent('ej1', 'lanzamiento_pam', { ...forum, id: 'lanz', title: 'Lanzamiento', evidence: [] });
      let e = await exercises.get('ej1');
      expect(e?.launchForum).toEqual(forum);
      expect(e?.awarenessEvents).toEqual([awareness('s1', '2027-02-01'), awareness('s2', '2027-02-20', ['m1'])]);
      expect(e?.planLaunchEvent).toMatchObject({ id: 'lanz', title: 'Lanzamiento', evidence: [] });
      // Replaced by id.
      await exercises.saveEvent('ej1', 'foro_arranque', { ...forum, title: 'Foro «Gobierno Abierto desde lo local»' });
      await exercises.saveEvent('ej1', 'sensibilizacion', { ...awareness('s1', '2027-03-01'), attendance: null, joinedMemberIds: ['m2'] });
      e = await exercises.get('ej1');
      expect(e?.launchForum?.title).toBe('Foro «Gobierno Abierto desde lo local»');
      expect(e?.awarenessEvents.map((x) => [x.id, x.date, x.attendance, x.joinedMemberIds])).toEqual([
        ['s2', '2027-02-20', 42, ['m1']],
        ['s1', '2027-03-01', null, ['m2']],
      ]);
      // A second forum, an id of another kind or of another exercise: refused, nothing changes.
      await expect(exercises.saveEvent('ej1', 'foro_arranque', { ...forum, id: 'foro2' })).rejects.toBeInstanceOf(RecordConflictError);
      await expect(exercises.saveEvent('ej1', 'sensibilizacion', awareness('foro', '2027-02-01'))).rejects.toBeInstanceOf(RecordConflictError);
      await expect(exercises.saveEvent('ej2', 'sensibilizacion', awareness('s1', '2027-02-01'))).rejects.toBeInstanceOf(RecordConflictError);
      expect((await exercises.get('ej1'))?.launchForum?.id).toBe('foro');
      expect((await exercises.get('ej2'))?.awarenessEvents).toEqual([]);
    });

    it('keeps the registry, updates an integrante by id, and links an account to one integrante per exercise', async () => {
      const { exercises, accounts } = current();
      await accounts.create(newAccount('acc1', 'mariana@example.org', 'stm'));
      await exercises.create(newExercise('ej1'));
      await exercises.create(newExercise('ej2', 'Toluca'));
      await exercises.saveMember('ej1', member('m1', { accountId: 'acc1' }));
      await exercises.saveMember('ej1', member('m2', { kind: 'organizacion', organization: '', position: '', contact: { email: '', phone: '' } }));
      await exercises.saveMember('ej2', member('m3', { accountId: 'acc1' }));
      expect(await exercises.members('ej1')).toEqual([member('m1', { accountId: 'acc1' }), member('m2', { kind: 'organizacion', organization: '', position: '', contact: { email: '', phone: '' } })]);
      await exercises.saveMember('ej1', member('m1', { name: 'Mariana Velázquez', sector: 'academia', joinedAtEventId: 's1', accountId: null }));
      expect((await exercises.members('ej1'))[0]).toEqual(member('m1', { name: 'Mariana Velázquez', sector: 'academia', joinedAtEventId: 's1' }));
      await exercises.saveMember('ej1', member('m2', { accountId: 'acc1' }));
      await expect(exercises.saveMember('ej1', member('m4', { accountId: 'acc1' }))).rejects.toBeInstanceOf(RecordConflictError);
      await expect(exercises.saveMember('ej2', member('m1'))).rejects.toBeInstanceOf(RecordConflictError);
      expect((await exercises.members('ej1')).map((m) => m.id)).toEqual(['m1', 'm2']);
      expect((await exercises.members('ej2')).map((m) => [m.id, m.accountId])).toEqual([['m3', 'acc1']]);
    });

    it('replaces the STM with its seats; seat holders must be in the registry', async () => {
      const { exercises } = current();
      await exercises.create(newExercise('ej1'));
      for (const id of ['m1', 'm2', 'm3']) await exercises.saveMember('ej1', member(id));
      const stm: Stm = {
        installedOn: '2027-03-21',
        seats: [
          { id: 'seat-og', sector: 'organo_garante', titularId: 'm3', suplenteId: null },
          { id: 'seat-sc', sector: 'sociedad_civil', titularId: 'm1', suplenteId: 'm2' },
        ],
        facilitatorId: 'm2',
        governanceRules: { kind: 'enlace', url: 'https://micrositio.example.org/reglas', title: 'Reglas' },
        annualAgenda: null,
      };
      await exercises.setStm('ej1', stm);
      expect((await exercises.get('ej1'))?.stm).toEqual(stm);
      const smaller: Stm = { ...stm, seats: [{ id: 'seat-gm', sector: 'gobierno_municipal', titularId: null, suplenteId: 'm3' }], facilitatorId: null, governanceRules: null };
      await exercises.setStm('ej1', smaller);
      expect((await exercises.get('ej1'))?.stm).toEqual(smaller);
      await expect(exercises.setStm('ej1', { ...stm, seats: [{ id: 's', sector: 'sociedad_civil', titularId: 'nadie', suplenteId: null }] })).rejects.toThrow();
      expect((await exercises.get('ej1'))?.stm).toEqual(smaller);
    });

    it('makes a plan the PAM of an exercise, one plan per exercise', async () => {
      const { exercises, plans } = current();
      await exercises.create(newExercise('ej1'));
      for (const id of ['pam1', 'pam2']) await plans.create({ id, title: id, municipality: 'Metepec', launchDate: null, created: stamp('2027-05-01T10:00:00.000Z') });
      expect(await plans.exerciseOf('pam1')).toBeNull();
      await plans.setExercise('pam1', 'ej1');
      expect(await plans.exerciseOf('pam1')).toBe('ej1');
      expect(await plans.exerciseOf('missing')).toBeNull();
      expect((await exercises.get('ej1'))?.planId).toBe('pam1');
      await expect(plans.setExercise('pam2', 'ej1')).rejects.toBeInstanceOf(RecordConflictError);
      await expect(plans.setExercise('pam2', 'no-such-exercise')).rejects.toThrow();
      expect(await plans.exerciseOf('pam2')).toBeNull();
    });
  });
}
