import { describe, expect, it } from 'vitest';
import { phaseStatus } from './phaseState';

describe('phaseStatus', () => {
  it('highlights the current phase even when it has no gaps', () => {
    expect(phaseStatus({ phase: 'integracion_stm', complete: true }, 'integracion_stm')).toBe('actual');
  });

  it('tells an earlier phase with loose ends from a complete one and from one ahead', () => {
    expect(phaseStatus({ phase: 'arranque', complete: false }, 'mesas')).toBe('pendiente');
    expect(phaseStatus({ phase: 'sensibilizacion', complete: true }, 'mesas')).toBe('completa');
    expect(phaseStatus({ phase: 'seguimiento', complete: false }, 'mesas')).toBe('por_venir');
  });

  it('leaves nothing ahead once the exercise concluded', () => {
    expect(phaseStatus({ phase: 'seguimiento', complete: false }, 'concluido')).toBe('pendiente');
  });
});
