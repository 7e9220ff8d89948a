import { emptyStm, type ExerciseMember } from '@cocrea/domain';
import { describe, expect, it } from 'vitest';
import { draftFromStm, draftGaps, newSeatId, toStmInput } from './stmDraft';

const person = (id: string, name: string, sector: ExerciseMember['sector']) => ({
  id,
  kind: 'persona' as const,
  name,
  sector,
  organization: '',
  position: '',
  joinedOn: '2027-01-10',
  joinedAtEventId: null,
});

describe('the STM editor draft', () => {
  it('offers one empty seat per sector, in the guide order', () => {
    const d = draftFromStm(emptyStm());
    expect(d.seats.map((s) => [s.id, s.sector])).toEqual([
      ['seat-sc', 'sociedad_civil'],
      ['seat-gm', 'gobierno_municipal'],
      ['seat-og', 'organo_garante'],
    ]);
  });

  it('drops empty seats on saving and keeps distinct ids for extra seats', () => {
    const d = draftFromStm(emptyStm());
    expect(newSeatId(d.seats, 'sociedad_civil')).toBe('seat-sc-2');
    d.seats[0] = { ...d.seats[0]!, titularId: 'm1' };
    expect(toStmInput(d).seats).toEqual([{ id: 'seat-sc', sector: 'sociedad_civil', titularId: 'm1', suplenteId: null }]);
  });

  it('says exactly what the minimum composition lacks, from members without contacts', () => {
    const members = [person('m1', 'Mariana', 'sociedad_civil'), person('m2', 'Arturo', 'gobierno_municipal'), person('m3', 'Sofía', 'organo_garante')];
    const d = draftFromStm(emptyStm());
    d.seats[0] = { ...d.seats[0]!, titularId: 'm1' };
    d.seats[1] = { ...d.seats[1]!, titularId: 'm3' };
    const gaps = draftGaps(d, members);
    expect(gaps.minimum).toEqual([
      'Sofía está registrada en el sector Órgano Garante (Infoem); no puede ser la persona titular de la autoridad municipal.',
      'Falta la persona titular de la autoridad municipal en el STM.',
      'Falta la persona titular del Órgano Garante en el STM.',
      'Falta elegir a la persona facilitadora, emanada de la sociedad civil.',
    ]);
    expect(gaps.suplentes).toEqual(['Falta la persona suplente de la sociedad civil en el STM.', 'Falta la persona suplente de la autoridad municipal en el STM.']);
  });
});
