import type {
  ActionPlan,
  AwarenessEventInput,
  DeclarationInput,
  EventInput,
  ExerciseEvent,
  ExerciseInput,
  MemberInput,
  StmInput,
  scheduleInputSchema,
} from '@cocrea/domain';
import type { z } from 'zod';
import { exerciseErrors } from '../http/exerciseErrors';
import { httpErrors } from '../http/errors';
import { newId } from '../ids';
import { RecordConflictError, type ExerciseRecord, type StoredMember } from '../storage/ExerciseStorage';
import { stampNow, type Actor, type Clock } from './exerciseClock';
import type { ExerciseFiles } from './ExerciseFiles';
import type { ExerciseStores } from './exerciseRecords';

/** An integrante as a facilitator saves them: the domain's input and, optionally, the account that acts as them. */
export type MemberWithAccount = MemberInput & { accountId: string | null };

/** Link an existing draft PAM, or create one for the exercise. */
export type PlanLinkInput = { planId: string } | { title: string; launchDate?: string | undefined };

const norm = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('es-MX');

/**
 * Runs an exercise: the exercise itself, its declaration and events, the registry of
 * integrantes, the STM, the phases' schedule, the micrositio, and which PAM and mesas are its own.
 * Files named in any input must have been uploaded to the exercise ({@link ExerciseFiles.resolve}).
 */
export class ExerciseService {
  constructor(
    private readonly stores: ExerciseStores,
    private readonly files: ExerciseFiles,
    private readonly clock: Clock,
  ) {}

  /** The exercise or a 404. */
  async get(id: string): Promise<ExerciseRecord> {
    const e = await this.stores.exercises.get(id);
    if (!e) throw exerciseErrors.exerciseNotFound();
    return e;
  }

  /** Every exercise, newest first. */
  list(): Promise<ExerciseRecord[]> {
    return this.stores.exercises.list();
  }

  /** A new exercise; a municipality has one exercise per period (overlapping periods are refused). */
  async create(input: ExerciseInput, by: Actor): Promise<ExerciseRecord> {
    const clash = (await this.list()).find(
      (e) => norm(e.municipality) === norm(input.municipality) && e.period.startDate <= input.period.endDate && input.period.startDate <= e.period.endDate,
    );
    if (clash) throw exerciseErrors.conflict(`${clash.municipality} ya tiene un ejercicio en ese periodo (${clash.period.startDate} a ${clash.period.endDate}).`);
    try {
      return await this.stores.exercises.create({ id: newId(), municipality: input.municipality, title: input.title, period: input.period, created: stampNow(by, this.clock) });
    } catch (err) {
      if (err instanceof RecordConflictError) throw exerciseErrors.conflict(`${input.municipality} ya tiene un ejercicio en ese periodo.`);
      throw err;
    }
  }

  /** Replaces the planned dates of the phases. */
  async setSchedule(id: string, schedule: z.output<typeof scheduleInputSchema>): Promise<ExerciseRecord> {
    await this.get(id);
    await this.stores.exercises.setSchedule(id, schedule);
    return this.get(id);
  }

  /** Replaces the Declaración Conjunta and its signatories. */
  async setDeclaration(id: string, input: DeclarationInput): Promise<ExerciseRecord> {
    await this.get(id);
    const document = await this.files.resolveOptional(id, input.document, 'document');
    await this.stores.exercises.setDeclaration(id, { ...input, document });
    return this.get(id);
  }

  private async event(id: string, existingId: string | null, input: EventInput): Promise<ExerciseEvent> {
    return { id: existingId ?? newId(), title: input.title, date: input.date, place: input.place, description: input.description, evidence: await this.files.resolveAll(id, input.evidence, 'evidence') };
  }

  /** Records or corrects the launch forum (*foro municipal*). */
  async setLaunchForum(id: string, input: EventInput): Promise<ExerciseRecord> {
    const e = await this.get(id);
    await this.saveSingle(id, 'foro_arranque', await this.event(id, e.launchForum?.id ?? null, input));
    return this.get(id);
  }

  /** Records or corrects the PAM's public launch event. */
  async setPlanLaunchEvent(id: string, input: EventInput): Promise<ExerciseRecord> {
    const e = await this.get(id);
    await this.saveSingle(id, 'lanzamiento_pam', await this.event(id, e.planLaunchEvent?.id ?? null, input));
    return this.get(id);
  }

  private async saveSingle(id: string, kind: 'foro_arranque' | 'lanzamiento_pam', event: ExerciseEvent): Promise<void> {
    try {
      await this.stores.exercises.saveEvent(id, kind, event);
    } catch (err) {
      if (err instanceof RecordConflictError) throw exerciseErrors.conflict('Otra persona registró este evento al mismo tiempo: recarga y vuelve a intentarlo.');
      throw err;
    }
  }

  /** Adds a sensibilización event (`eventId` null) or corrects one. The integrantes it names must be in the registry. */
  async saveAwarenessEvent(id: string, eventId: string | null, input: AwarenessEventInput): Promise<ExerciseRecord> {
    const e = await this.get(id);
    if (eventId !== null && !e.awarenessEvents.some((x) => x.id === eventId)) throw exerciseErrors.eventNotFound();
    const known = new Set((await this.stores.exercises.members(id)).map((m) => m.id));
    const unknown = input.joinedMemberIds.filter((m) => !known.has(m));
    if (unknown.length > 0) throw exerciseErrors.badReference('joinedMemberIds', `No están en el registro de integrantes: ${unknown.join(', ')}.`);
    const event = { ...(await this.event(id, eventId, input)), convenedBy: input.convenedBy, audience: input.audience, attendance: input.attendance, joinedMemberIds: [...new Set(input.joinedMemberIds)] };
    await this.stores.exercises.saveEvent(id, 'sensibilizacion', event);
    return this.get(id);
  }

  /**
   * Registers an integrante (`memberId` null) or corrects one. The event they joined at must be a
   * sensibilización event of the exercise (they are added to its list of who joined), and a linked
   * account must exist; an account acts as one integrante per exercise.
   */
  async saveMember(id: string, memberId: string | null, input: MemberWithAccount): Promise<StoredMember> {
    const e = await this.get(id);
    const members = await this.stores.exercises.members(id);
    const before = memberId === null ? undefined : members.find((m) => m.id === memberId);
    if (memberId !== null && !before) throw exerciseErrors.memberNotFound();
    const event = input.joinedAtEventId === null ? null : e.awarenessEvents.find((x) => x.id === input.joinedAtEventId);
    if (event === undefined) throw exerciseErrors.badReference('joinedAtEventId', 'Ese evento de sensibilización no es de este ejercicio.');
    if (input.accountId !== null) {
      const account = await this.stores.accounts.get(input.accountId);
      if (!account || account.disabled) throw exerciseErrors.badReference('accountId', 'No existe esa cuenta, o está desactivada.');
      const holder = members.find((m) => m.accountId === input.accountId && m.id !== memberId);
      if (holder) throw exerciseErrors.conflict(`Esa cuenta ya actúa como ${holder.name} en este ejercicio.`);
    }
    const member: StoredMember = { id: memberId ?? newId(), ...input };
    try {
      await this.stores.exercises.saveMember(id, member);
    } catch (err) {
      if (err instanceof RecordConflictError) throw exerciseErrors.conflict('Esa cuenta ya actúa como otra persona en este ejercicio.');
      throw err;
    }
    // Keep "who joined at which event" the same from both sides.
    for (const ev of e.awarenessEvents) {
      const listed = ev.joinedMemberIds.includes(member.id);
      const joins = ev.id === member.joinedAtEventId && !listed;
      const moved = ev.id !== member.joinedAtEventId && listed && before?.joinedAtEventId === ev.id;
      if (!joins && !moved) continue;
      const joinedMemberIds = joins ? [...ev.joinedMemberIds, member.id] : ev.joinedMemberIds.filter((m) => m !== member.id);
      await this.stores.exercises.saveEvent(id, 'sensibilizacion', { ...ev, joinedMemberIds });
    }
    return member;
  }

  /**
   * Replaces the STM. Everyone seated must be in the registry and seat ids must be distinct;
   * whether the composition meets the guide's minimum is not required here — `stmGaps` reports
   * it, and publishing the PAM needs it.
   */
  async setStm(id: string, input: StmInput): Promise<ExerciseRecord> {
    await this.get(id);
    const known = new Set((await this.stores.exercises.members(id)).map((m) => m.id));
    const named = [...input.seats.flatMap((s) => [s.titularId, s.suplenteId]), input.facilitatorId].filter((m): m is string => m !== null);
    const unknown = [...new Set(named.filter((m) => !known.has(m)))];
    if (unknown.length > 0) throw exerciseErrors.badReference('seats', `No están en el registro de integrantes: ${unknown.join(', ')}.`);
    if (new Set(input.seats.map((s) => s.id)).size !== input.seats.length) throw exerciseErrors.badReference('seats', 'Cada lugar del STM necesita un identificador distinto.');
    const [governanceRules, annualAgenda] = await Promise.all([
      this.files.resolveOptional(id, input.governanceRules, 'governanceRules'),
      this.files.resolveOptional(id, input.annualAgenda, 'annualAgenda'),
    ]);
    await this.stores.exercises.setStm(id, { ...input, governanceRules, annualAgenda });
    return this.get(id);
  }

  /** Makes the micrositio public (once; publishing again changes nothing). */
  async publish(id: string, by: Actor): Promise<ExerciseRecord> {
    const e = await this.get(id);
    if (!e.published) await this.stores.exercises.publish(id, stampNow(by, this.clock));
    return this.get(id);
  }

  /**
   * Makes a PAM the exercise's own: an existing draft of the same municipality, or a new one.
   * From then on the STM approves it and publishing it needs the STM's approvals.
   */
  async linkPlan(id: string, input: PlanLinkInput, by: Actor): Promise<ActionPlan> {
    const e = await this.get(id);
    if (e.planId) throw exerciseErrors.conflict('El ejercicio ya tiene su PAM.');
    let plan: ActionPlan;
    if ('planId' in input) {
      const found = await this.stores.plans.get(input.planId);
      if (!found) throw httpErrors.planNotFound();
      if (await this.stores.plans.exerciseOf(found.id)) throw exerciseErrors.conflict('Ese PAM ya forma parte de otro ejercicio.');
      if (found.status !== 'borrador') throw exerciseErrors.conflict('Solo se vincula un PAM en borrador: el STM debe aprobarlo.');
      if (norm(found.municipality) !== norm(e.municipality)) throw exerciseErrors.badReference('planId', `Ese PAM es de ${found.municipality}, no de ${e.municipality}.`);
      plan = found;
    } else {
      plan = await this.stores.plans.create({ id: newId(), title: input.title, municipality: e.municipality, launchDate: input.launchDate ?? null, created: stampNow(by, this.clock) });
    }
    try {
      await this.stores.plans.setExercise(plan.id, id);
    } catch (err) {
      if (err instanceof RecordConflictError) throw exerciseErrors.conflict('El ejercicio ya tiene su PAM.');
      throw err;
    }
    return (await this.stores.plans.get(plan.id)) as ActionPlan;
  }

  /** Makes a mesa one of the exercise's mesas participativas (a mesa belongs to one exercise). */
  async linkMesa(id: string, mesaId: string): Promise<void> {
    await this.get(id);
    if (!(await this.stores.mesas.get(mesaId))) throw httpErrors.mesaNotFound();
    const current = await this.stores.kits.exerciseOf(mesaId);
    if (current === id) return;
    if (current) throw exerciseErrors.conflict('Esa mesa ya forma parte de otro ejercicio.');
    try {
      await this.stores.kits.linkMesa(id, mesaId, this.clock().toISOString());
    } catch (err) {
      if (err instanceof RecordConflictError) throw exerciseErrors.conflict('Esa mesa ya forma parte de otro ejercicio.');
      throw err;
    }
  }
}
