import { ODS_GOALS } from '@cocrea/domain';
import { describe, expect, it } from 'vitest';
import { compareTargetCodes, findTargets, fold } from './odsSearch';

describe('findTargets', () => {
  it('lists the active goal without a query', () => {
    const found = findTargets(ODS_GOALS, '  ', 16);
    expect(found.length).toBe(ODS_GOALS.find((g) => g.number === 16)?.targets.length);
    expect(found.every((f) => f.goal.number === 16)).toBe(true);
    expect(findTargets(ODS_GOALS, '', null)).toEqual([]);
  });

  it('finds a target by the start of its code, across goals', () => {
    const codes = findTargets(ODS_GOALS, '16.1', null).map((f) => f.target.code);
    expect(codes).toContain('16.1');
    expect(codes).toContain('16.10');
    expect(codes).not.toContain('6.1');
  });

  it('matches words without accents or case', () => {
    const found = findTargets(ODS_GOALS, 'ACCESO informacion', 3);
    expect(found.map((f) => f.target.code)).toContain('16.10');
  });
});

describe('helpers', () => {
  it('folds accents', () => {
    expect(fold('Educación Pública')).toBe('educacion publica');
  });

  it('orders codes numerically', () => {
    expect(['16.10', '16.2', '16.a', '2.1'].sort(compareTargetCodes)).toEqual(['2.1', '16.2', '16.10', '16.a']);
  });
});
