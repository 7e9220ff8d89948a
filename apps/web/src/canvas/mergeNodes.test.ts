import { describe, expect, it } from 'vitest';
import type { TreeShape } from '../collab/useTreeShape';
import { mergeNodes } from './mergeNodes';

const shape = (y: number): TreeShape => ({
  nodes: [
    { id: 'problem', kind: 'problem', parentId: null, position: { x: 0, y: 0 }, depth: 0 },
    { id: 'c', kind: 'cause', parentId: 'problem', position: { x: 0, y }, depth: 1 },
  ],
});

describe('mergeNodes', () => {
  it('keeps local selection and measurements and the same objects when nothing moved', () => {
    const first = mergeNodes([], shape(200), new Set());
    const local = first.map((n) => ({ ...n, selected: n.id === 'c', measured: { width: 240, height: 120 } }));
    expect(mergeNodes(local, shape(200), new Set())).toBe(local);
    const moved = mergeNodes(local, shape(300), new Set());
    const c = moved.find((n) => n.id === 'c');
    expect(c?.position).toEqual({ x: 0, y: 300 });
    expect(c?.selected).toBe(true);
    expect(c?.measured).toEqual({ width: 240, height: 120 });
    expect(moved[0]).toBe(local[0]);
  });

  it('does not move a node this client is dragging', () => {
    const local = mergeNodes([], shape(200), new Set()).map((n) => (n.id === 'c' ? { ...n, position: { x: 5, y: 260 } } : n));
    expect(mergeNodes(local, shape(220), new Set(['c'])).find((n) => n.id === 'c')?.position).toEqual({ x: 5, y: 260 });
  });

  it('drops nodes deleted from the document', () => {
    const local = mergeNodes([], shape(200), new Set());
    expect(mergeNodes(local, { nodes: shape(200).nodes.slice(0, 1) }, new Set()).map((n) => n.id)).toEqual(['problem']);
  });
});
