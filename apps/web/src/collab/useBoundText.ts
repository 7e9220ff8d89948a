import { applyTextChange } from '@cocrea/collab';
import { useCallback, useLayoutEffect, useRef, type FormEvent, type RefObject } from 'react';
import type * as Y from 'yjs';
import { mapIndexThroughDelta } from '../canvas/textDelta';

/** What to spread on the bound `<input>` or `<textarea>`. */
export interface BoundText<E> {
  ref: RefObject<E | null>;
  onInput: (e: FormEvent<E>) => void;
}

/**
 * Binds an uncontrolled `<input>` or `<textarea>` to a Y.Text: local input is diffed into the
 * text, remote changes are written into the element with the caret moved through the change's
 * delta, so typing never jumps while someone else edits the same field.
 */
export function useBoundText<E extends HTMLInputElement | HTMLTextAreaElement>(text: Y.Text | undefined): BoundText<E> {
  const ref = useRef<E>(null);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !text) return;
    el.value = text.toJSON();
    const onChange = (event: Y.YTextEvent) => {
      const next = text.toJSON();
      if (el.value === next) return;
      const focused = document.activeElement === el;
      const { selectionStart, selectionEnd, selectionDirection } = el;
      const delta = event.delta;
      el.value = next;
      if (focused && selectionStart !== null && selectionEnd !== null) {
        el.setSelectionRange(mapIndexThroughDelta(delta, selectionStart), mapIndexThroughDelta(delta, selectionEnd), selectionDirection ?? 'none');
      }
    };
    text.observe(onChange);
    return () => text.unobserve(onChange);
  }, [text]);

  const onInput = useCallback(
    (e: FormEvent<E>) => {
      if (text) applyTextChange(text, e.currentTarget.value);
    },
    [text],
  );

  return { ref, onInput };
}
