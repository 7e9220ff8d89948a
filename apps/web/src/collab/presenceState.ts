import type { HocuspocusProvider } from '@hocuspocus/provider';
import type { Point } from '@cocrea/domain';

/** The awareness instance of a provider (y-protocols), without importing y-protocols directly. */
export type Awareness = NonNullable<HocuspocusProvider['awareness']>;

/** Who a person is on the canvas. */
export interface PresenceUser {
  id: string;
  name: string;
  color: string;
}

/** What each client publishes through awareness: who they are and where their pointer is (flow coordinates). */
export interface PresenceState {
  user: PresenceUser;
  cursor: Point | null;
}

/** One person seen through awareness. */
export interface Peer extends PresenceState {
  clientId: number;
  isSelf: boolean;
}

const COLOR = /^#[0-9a-fA-F]{3,8}$|^(rgb|hsl)a?\([\d\s.,%]+\)$/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** Validates another client's awareness state; `null` when it is not a cocrea presence. */
export function parsePresence(state: unknown): PresenceState | null {
  if (!isRecord(state) || !isRecord(state.user)) return null;
  const { id, name, color } = state.user;
  if (typeof id !== 'string' || typeof name !== 'string') return null;
  const safeColor = typeof color === 'string' && COLOR.test(color) ? color : '#64748b';
  const c = state.cursor;
  const cursor =
    isRecord(c) && typeof c.x === 'number' && typeof c.y === 'number' && Number.isFinite(c.x) && Number.isFinite(c.y)
      ? { x: c.x, y: c.y }
      : null;
  return { user: { id, name: name.slice(0, 60), color: safeColor }, cursor };
}

/** Every valid presence in an awareness instance, yourself included. */
export function readPeers(awareness: Awareness): Peer[] {
  const out: Peer[] = [];
  awareness.getStates().forEach((state, clientId) => {
    const p = parsePresence(state);
    if (p) out.push({ ...p, clientId, isSelf: clientId === awareness.clientID });
  });
  return out;
}
