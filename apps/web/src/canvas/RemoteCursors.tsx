import { useViewport } from '@xyflow/react';
import { memo } from 'react';
import type { Awareness } from '../collab/presenceState';
import { useRemoteCursors } from '../collab/useRemoteCursors';

/**
 * Other people's pointers over the canvas, drawn in screen space (so they keep their size at any
 * zoom) from the flow coordinates they publish.
 */
export const RemoteCursors = memo(function RemoteCursors({ awareness }: { awareness: Awareness | null }) {
  const cursors = useRemoteCursors(awareness);
  const { x, y, zoom } = useViewport();
  return (
    <div className="remote-cursors" aria-hidden="true">
      {cursors.map((p) =>
        p.cursor ? (
          <div
            key={p.clientId}
            className="remote-cursor"
            data-testid="remote-cursor"
            data-user-id={p.user.id}
            style={{ transform: `translate(${p.cursor.x * zoom + x}px, ${p.cursor.y * zoom + y}px)`, color: p.user.color }}
          >
            <svg width="20" height="22" viewBox="0 0 20 22">
              <path d="M2 2l15 8-6.5 1.8L7.5 19z" fill="currentColor" stroke="#fff" strokeWidth="1.5" strokeLinejoin="round" />
            </svg>
            <span className="remote-cursor__name" style={{ backgroundColor: p.user.color }}>
              {p.user.name}
            </span>
          </div>
        ) : null,
      )}
    </div>
  );
});
