import { describe, expect, it } from 'vitest';
import { canSeeKit, kitFramingInputSchema, kitGaps, kitItemInputSchema, type ParticipantKit } from './participantKit';

const kit = (over: Partial<ParticipantKit> = {}): ParticipantKit => ({
  mesaId: 'mesa1',
  publicProblem: 'Suministro intermitente de agua potable',
  consultation: { title: 'Consulta «Metepec Abierto»', date: '2026-08-01', document: null },
  items: [{ id: 'k1', title: 'Guía', description: '', moment: 'antes', document: { kind: 'enlace', url: 'https://e.example.org', title: 'Guía' }, added: { by: { id: 'f', name: 'F' }, at: '2026-09-01T00:00:00Z' } }],
  published: null,
  ...over,
});

describe('kitGaps', () => {
  it('is satisfied with the problem, its consultation and a document to read before', () => {
    expect(kitGaps(kit())).toEqual([]);
  });

  it('lists what is missing', () => {
    expect(kitGaps(null)).toEqual(['Falta el kit para participante.']);
    expect(kitGaps(kit({ publicProblem: ' ', consultation: null, items: [] }))).toEqual([
      'Falta el problema público del que parte la mesa.',
      'Falta la consulta de la que proviene el problema público.',
      'Falta al menos un documento para leer antes de la sesión.',
    ]);
    const onlyDuring = kit();
    onlyDuring.items = onlyDuring.items.map((i) => ({ ...i, moment: 'durante' }));
    expect(kitGaps(onlyDuring)).toEqual(['Falta al menos un documento para leer antes de la sesión.']);
  });
});

describe('canSeeKit', () => {
  it('shows the kit to its mesa and staff, and to the public once published', () => {
    expect(canSeeKit(kit(), { kind: 'staff' })).toBe(true);
    expect(canSeeKit(kit(), { kind: 'mesa', mesaId: 'mesa1' })).toBe(true);
    expect(canSeeKit(kit(), { kind: 'mesa', mesaId: 'otra' })).toBe(false);
    expect(canSeeKit(kit(), { kind: 'public' })).toBe(false);
    const published = kit({ published: { by: { id: 'f', name: 'F' }, at: '2026-09-02T00:00:00Z' } });
    expect(canSeeKit(published, { kind: 'public' })).toBe(true);
    expect(canSeeKit(published, { kind: 'mesa', mesaId: 'otra' })).toBe(true);
  });
});

describe('kit schemas', () => {
  it('validates the framing and items in Spanish', () => {
    expect(kitFramingInputSchema.parse({ publicProblem: 'Fugas' })).toEqual({ publicProblem: 'Fugas', consultation: null });
    expect(kitFramingInputSchema.safeParse({ publicProblem: '', consultation: { title: '' } }).error?.issues.map((i) => i.message)).toEqual([
      'Escribe el problema público del que parte la mesa.',
      'Escribe el nombre de la consulta.',
    ]);
    expect(kitItemInputSchema.safeParse({ title: 'Guía', moment: 'después', document: { kind: 'enlace', url: 'https://e.example.org', title: 'G' } }).error?.issues[0]?.message).toBe(
      'Indica si el documento es para antes o para durante la sesión.',
    );
  });
});
