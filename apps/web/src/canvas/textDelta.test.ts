import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mapIndexThroughDelta, type DeltaOp } from './textDelta';

function deltaOf(initial: string, change: (t: Y.Text) => void): DeltaOp[] {
  const doc = new Y.Doc();
  const t = doc.getText('t');
  t.insert(0, initial);
  let delta: DeltaOp[] = [];
  t.observe((e) => {
    delta = e.delta;
  });
  change(t);
  return delta;
}

describe('mapIndexThroughDelta', () => {
  it('moves the caret right when text is inserted before it', () => {
    expect(mapIndexThroughDelta(deltaOf('Calles rotas', (t) => t.insert(0, 'Muchas ')), 6)).toBe(13);
  });
  it('keeps the caret when text is inserted after it or exactly at it', () => {
    expect(mapIndexThroughDelta(deltaOf('Calles rotas', (t) => t.insert(12, '!')), 6)).toBe(6);
    expect(mapIndexThroughDelta(deltaOf('Calles rotas', (t) => t.insert(6, ' y')), 6)).toBe(6);
  });
  it('moves the caret left when text before it is deleted, never past the deletion', () => {
    expect(mapIndexThroughDelta(deltaOf('Calles rotas', (t) => t.delete(0, 3)), 6)).toBe(3);
    expect(mapIndexThroughDelta(deltaOf('Calles rotas', (t) => t.delete(4, 5)), 6)).toBe(4);
  });
});
