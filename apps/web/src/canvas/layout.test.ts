import { describe, expect, it } from 'vitest';
import type { ShapeNode } from '../collab/useTreeShape';
import { placeChild } from './placeChild';
import { tidyLayout } from './tidyLayout';
import { normalizeTree } from '@cocrea/domain';

const node = (id: string, kind: ShapeNode['kind'], parentId: string | null, depth: number): ShapeNode => ({
  id,
  kind,
  parentId,
  depth,
  position: { x: 0, y: 0 },
});
const size = () => ({ width: 200, height: 100 });

describe('tidyLayout', () => {
  it('puts effects above and causes below, deeper levels further out, problem unmoved', () => {
    const shape = {
      nodes: [
        node('problem', 'problem', null, 0),
        node('c1', 'cause', 'problem', 1),
        node('c2', 'cause', 'problem', 1),
        node('c3', 'cause', 'c1', 2),
        node('e1', 'effect', 'problem', 1),
        node('e2', 'effect', 'e1', 2),
      ],
    };
    const p = tidyLayout(shape, size);
    const y = (id: string) => p.get(id)?.y ?? NaN;
    expect(p.get('problem')).toEqual({ x: 0, y: 0 });
    expect(y('c1')).toBeGreaterThan(100);
    expect(y('c1')).toBe(y('c2'));
    expect(y('c3')).toBeGreaterThan(y('c1'));
    expect(y('e1')).toBeLessThan(-100);
    expect(y('e2')).toBeLessThan(y('e1'));
    expect((p.get('c2')?.x ?? 0) - (p.get('c1')?.x ?? 0)).toBeGreaterThanOrEqual(200);
  });
});

describe('placeChild', () => {
  it('places a new cause below its parent card, beside any sibling already there', () => {
    const raw = (id: string, kind: string, parentId: string | null, x: number, y: number) => ({
      id,
      kind,
      parentId,
      text: '',
      position: { x, y },
      createdBy: null,
      createdAt: null,
    });
    const tree = normalizeTree([raw('problem', 'problem', null, 0, 0), raw('c1', 'cause', 'problem', 0, 164)]);
    const p = placeChild(tree, 'problem', 'cause', size, { width: 200, height: 100 });
    expect(p?.y).toBe(164);
    expect(Math.abs(p?.x ?? 0)).toBeGreaterThanOrEqual(200);
    const e = placeChild(tree, 'problem', 'effect', size, { width: 200, height: 100 });
    expect(e).toEqual({ x: 0, y: -164 });
  });
});
