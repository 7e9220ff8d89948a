import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { HttpError } from './errors';
import { holdsNul, refuseNulCharacter } from './nulCharacter';

const run = (req: Partial<Request>): unknown => {
  let passed: unknown = 'not called';
  refuseNulCharacter({ body: undefined, query: {}, path: '/mesas', ...req } as Request, {} as Response, (e?: unknown) => {
    passed = e;
  });
  return passed;
};

describe('refuseNulCharacter', () => {
  it('finds U+0000 in nested strings and keys, nowhere else', () => {
    expect(holdsNul({ a: [{ b: 'x\u0000y' }] })).toBe(true);
    expect(holdsNul({ ['k\u0000']: 1 })).toBe(true);
    expect(holdsNul({ a: ['ok', 1, null, true, { b: 'ñandú 🌳' }] })).toBe(false);
  });

  it('answers 400 in Spanish for a body, a query or a path that holds it, and lets the rest through', () => {
    for (const req of [{ body: { text: 'Falta\u0000agua' } }, { query: { q: '\u0000' } }, { path: '/mesas/%00' }]) {
      const e = run(req as Partial<Request>);
      expect(e).toBeInstanceOf(HttpError);
      expect((e as HttpError).status).toBe(400);
      expect((e as HttpError).message).toMatch(/carácter nulo/);
    }
    expect(run({ body: { text: 'Falta agua potable' } })).toBeUndefined();
  });
});
