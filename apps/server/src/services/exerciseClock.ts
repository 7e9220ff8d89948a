import { mexicoDayOfInstant, type Stamp } from '@cocrea/domain';

/**
 * What time it is for the exercise services. The server passes the wall clock; the demo loader
 * replays a year by moving it forward, so every rule that reads "today" (no evidence from the
 * future, monitoring after six months…) holds for the demo exactly as for people.
 */
export type Clock = () => Date;

/** The wall clock. */
export const systemClock: Clock = () => new Date();

/** Who acts: an account or a participant (a `Principal` is one). */
export interface Actor {
  id: string;
  name: string;
}

/** A stamp by `by`, now. */
export const stampNow = (by: Actor, clock: Clock): Stamp => ({ by: { id: by.id, name: by.name }, at: clock().toISOString() });

/** Today's date in the Estado de México (`YYYY-MM-DD`). */
export const todayOf = (clock: Clock): string => mexicoDayOfInstant(clock().toISOString());
