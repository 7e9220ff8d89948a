/** One operation of a Y.Text change, as `YTextEvent.delta` describes it. */
export interface DeltaOp {
  insert?: unknown;
  delete?: number;
  retain?: number;
}

/**
 * Where an index of the old text lands in the new text after a change. Text inserted exactly at
 * the index goes after it, so a remote insertion at the caret does not push the caret.
 */
export function mapIndexThroughDelta(delta: readonly DeltaOp[], index: number): number {
  let oldPos = 0;
  let shift = 0;
  for (const op of delta) {
    if (oldPos > index) break;
    if (op.retain !== undefined) {
      oldPos += op.retain;
    } else if (op.insert !== undefined) {
      const len = typeof op.insert === 'string' ? op.insert.length : 1;
      if (oldPos < index) shift += len;
    } else if (op.delete !== undefined) {
      if (oldPos < index) shift -= Math.min(op.delete, index - oldPos);
      oldPos += op.delete;
    }
  }
  return Math.max(0, index + shift);
}
