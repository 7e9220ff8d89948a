import { describe, expect, it } from 'vitest';
import type { ExerciseMember } from './members';
import { emptyStm, seatsOf, stmGaps, stmInputSchema, stmSuplenteGaps, type Stm } from './stm';

const person = (id: string, name: string, sector: ExerciseMember['sector'], kind: ExerciseMember['kind'] = 'persona'): ExerciseMember => ({
  id,
  kind,
  name,
  sector,
  organization: '',
  position: '',
  contact: { email: `${id}@example.org`, phone: '' },
  joinedOn: '2026-03-01',
  joinedAtEventId: null,
});

const MEMBERS: ExerciseMember[] = [
  person('sc1', 'Mariana Velázquez', 'sociedad_civil'),
  person('sc2', 'Joaquín Estrada', 'sociedad_civil'),
  person('sc3', 'Lucía Benítez', 'sociedad_civil'),
  person('gm1', 'Arturo Salgado', 'gobierno_municipal'),
  person('gm2', 'Claudia Reyes', 'gobierno_municipal'),
  person('og1', 'Sofía Garduño', 'organo_garante'),
  person('og2', 'Andrés Villafaña', 'organo_garante'),
  person('ac1', 'Elena Rosales', 'academia'),
  person('org1', 'Colectivo Metepec Transparente A.C.', 'sociedad_civil', 'organizacion'),
];

/** An STM that meets the minimum, with suplentes. */
function completeStm(): Stm {
  return {
    installedOn: '2026-05-10',
    seats: [
      { id: 's1', sector: 'sociedad_civil', titularId: 'sc1', suplenteId: 'sc2' },
      { id: 's2', sector: 'gobierno_municipal', titularId: 'gm1', suplenteId: 'gm2' },
      { id: 's3', sector: 'organo_garante', titularId: 'og1', suplenteId: 'og2' },
    ],
    facilitatorId: 'sc3',
    governanceRules: { kind: 'enlace', url: 'https://example.org/reglas', title: 'Reglas' },
    annualAgenda: { kind: 'enlace', url: 'https://example.org/agenda', title: 'Agenda' },
  };
}

describe('stmGaps', () => {
  it('accepts the minimum composition: one titular per sector and a facilitator from civil society', () => {
    expect(stmGaps(completeStm(), MEMBERS)).toEqual([]);
  });

  it('lists every missing representative and the facilitator of an empty STM, in the guide order', () => {
    expect(stmGaps(emptyStm(), MEMBERS)).toEqual([
      'Falta la persona titular de la sociedad civil en el STM.',
      'Falta la persona titular de la autoridad municipal en el STM.',
      'Falta la persona titular del Órgano Garante en el STM.',
      'Falta elegir a la persona facilitadora, emanada de la sociedad civil.',
    ]);
  });

  it('does not count a suplente as the representative of a sector', () => {
    const stm = completeStm();
    stm.seats[2] = { id: 's3', sector: 'organo_garante', titularId: null, suplenteId: 'og2' };
    expect(stmGaps(stm, MEMBERS)).toEqual(['Falta la persona titular del Órgano Garante en el STM.']);
  });

  it('refuses a titular registered in another sector, and says which', () => {
    const stm = completeStm();
    stm.seats[1] = { id: 's2', sector: 'gobierno_municipal', titularId: 'ac1', suplenteId: 'gm2' };
    expect(stmGaps(stm, MEMBERS)).toEqual([
      'Elena Rosales está registrada en el sector Academia; no puede ser la persona titular de la autoridad municipal.',
      'Falta la persona titular de la autoridad municipal en el STM.',
    ]);
  });

  it('asks for a person to represent an organisation', () => {
    const stm = completeStm();
    stm.seats[0] = { id: 's1', sector: 'sociedad_civil', titularId: 'org1', suplenteId: 'sc2' };
    expect(stmGaps(stm, MEMBERS)).toEqual([
      'Colectivo Metepec Transparente A.C. es una organización: en el STM la representa una persona; registra a quien la representa.',
      'Falta la persona titular de la sociedad civil en el STM.',
    ]);
  });

  it('requires the facilitator to come from civil society', () => {
    const stm = { ...completeStm(), facilitatorId: 'gm2' };
    expect(stmGaps(stm, MEMBERS)).toEqual([
      'La persona facilitadora debe emanar de la sociedad civil; Claudia Reyes está registrada en el sector Gobierno municipal.',
    ]);
  });

  it('does not let the facilitator double as the only civil-society representative', () => {
    const stm = { ...completeStm(), facilitatorId: 'sc1' };
    expect(stmGaps(stm, MEMBERS)).toEqual([
      'La persona facilitadora no cuenta como representante de la sociedad civil: falta otra persona titular de la sociedad civil en el STM.',
    ]);
  });

  it('counts another civil-society titular when the facilitator also holds a seat', () => {
    const stm = completeStm();
    stm.seats.push({ id: 's4', sector: 'sociedad_civil', titularId: 'sc3', suplenteId: null });
    expect(stmGaps(stm, MEMBERS)).toEqual([]);
  });

  it('names unknown ids, a person who is titular and suplente of one seat, and a person in two seats', () => {
    const stm = completeStm();
    stm.seats[0] = { id: 's1', sector: 'sociedad_civil', titularId: 'sc1', suplenteId: 'sc1' };
    stm.seats.push({ id: 's5', sector: 'organo_garante', titularId: 'zz9', suplenteId: null });
    stm.facilitatorId = 'nadie';
    expect(stmGaps(stm, MEMBERS)).toEqual([
      'Mariana Velázquez no puede ser titular y suplente del mismo lugar.',
      'La persona titular del Órgano Garante (zz9) no está en el registro de integrantes.',
      'La persona facilitadora (nadie) no está en el registro de integrantes.',
    ]);
    const twoSeats = completeStm();
    twoSeats.seats.push({ id: 's6', sector: 'sociedad_civil', titularId: 'sc2', suplenteId: null });
    expect(stmGaps(twoSeats, MEMBERS)).toEqual(['Joaquín Estrada ocupa 2 lugares del STM; cada persona ocupa uno.']);
  });
});

describe('stmSuplenteGaps and seatsOf', () => {
  it('reports sectors whose seat has no suplente, but not sectors without a titular', () => {
    const stm = completeStm();
    stm.seats[0] = { ...stm.seats[0]!, suplenteId: null };
    stm.seats[2] = { ...stm.seats[2]!, titularId: null, suplenteId: null };
    expect(stmSuplenteGaps(stm)).toEqual(['Falta la persona suplente de la sociedad civil en el STM.']);
  });

  it('finds every seat a member holds', () => {
    expect(seatsOf(completeStm(), 'gm2')).toEqual([{ seat: completeStm().seats[1], capacity: 'suplente' }]);
    expect(seatsOf(completeStm(), 'ac1')).toEqual([]);
  });
});

describe('stmInputSchema', () => {
  it('refuses a seat of a sector the STM does not have', () => {
    const r = stmInputSchema.safeParse({ seats: [{ id: 'x', sector: 'academia', titularId: 'ac1' }] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('El STM solo tiene lugares de sociedad civil, autoridad municipal y Órgano Garante.');
  });

  it('fills absent members and documents with null', () => {
    const r = stmInputSchema.parse({ seats: [{ id: 'x', sector: 'organo_garante' }] });
    expect(r).toEqual({ installedOn: null, seats: [{ id: 'x', sector: 'organo_garante', titularId: null, suplenteId: null }], facilitatorId: null, governanceRules: null, annualAgenda: null });
  });
});
