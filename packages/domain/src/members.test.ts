import { describe, expect, it } from 'vitest';
import { PARTICIPANT_SECTORS } from './mesa';
import { SECTOR_LABELS, SECTOR_OF, memberInputSchema, membersById, publicMember, type ExerciseMember } from './members';

describe('members', () => {
  it('labels every participant sector', () => {
    expect(Object.keys(SECTOR_LABELS).sort()).toEqual([...PARTICIPANT_SECTORS].sort());
    expect(Object.keys(SECTOR_OF).sort()).toEqual([...PARTICIPANT_SECTORS].sort());
  });

  it('registers a person with defaults and checks the contact', () => {
    expect(memberInputSchema.parse({ kind: 'persona', name: ' Ana Pérez ', sector: 'ciudadania', joinedOn: '2027-01-10' })).toEqual({
      kind: 'persona',
      name: 'Ana Pérez',
      sector: 'ciudadania',
      organization: '',
      position: '',
      contact: { email: '', phone: '' },
      joinedOn: '2027-01-10',
      joinedAtEventId: null,
    });
    const bad = memberInputSchema.safeParse({ kind: 'grupo', name: '', sector: 'iglesia', joinedOn: 'ayer', contact: { email: 'no-es-correo', phone: 'abc' } });
    expect(bad.error?.issues.map((i) => i.message)).toEqual([
      'Indica si es una persona o una organización.',
      'El nombre es obligatorio.',
      'Elige un sector de la lista.',
      'El correo electrónico no es válido.',
      'El teléfono solo admite dígitos, espacios y + ( ) - .',
      'Indica la fecha de incorporación (AAAA-MM-DD).',
    ]);
  });

  it('keeps the contact private', () => {
    const m: ExerciseMember = { id: 'm1', kind: 'persona', name: 'Ana', sector: 'academia', organization: 'UAEMéx', position: '', contact: { email: 'ana@example.org', phone: '722' }, joinedOn: '2027-01-10', joinedAtEventId: null };
    expect(publicMember(m)).not.toHaveProperty('contact');
    expect(JSON.stringify(publicMember(m))).not.toContain('ana@example.org');
    expect(membersById([m]).get('m1')).toBe(m);
  });
});
