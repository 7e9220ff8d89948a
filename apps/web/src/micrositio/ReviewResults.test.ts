import { describe, expect, it } from 'vitest';
import { withTitles } from './ReviewResults';

describe('withTitles', () => {
  it('names a commitment by its title instead of its id', () => {
    const titles = new Map([['c1', 'Tandeos en datos abiertos']]);
    expect(withTitles('Compromiso c1: la evaluación dice «Limitado» y el seguimiento registra «No iniciado» (0 %).', titles)).toBe(
      '«Tandeos en datos abiertos»: la evaluación dice «Limitado» y el seguimiento registra «No iniciado» (0 %).',
    );
  });
});
