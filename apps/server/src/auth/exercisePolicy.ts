import type { Principal, Role } from './principal';
import type { Decision } from './policy';

/**
 * The exercise rows of docs/permissions.md ("The exercise of Gobierno Abierto") as code: pure, no
 * I/O, the same shape as `auth/policy.ts` (which it leaves alone). Staff (admin, facilitator)
 * run the exercise; STM members read it and approve the PAM for their seat; the public reads the
 * published micrositio, which needs no row here.
 */

type Rule = 'yes' | 'no';

const row = (admin: Rule, facilitator: Rule, stm: Rule, expert: Rule, participant: Rule): Record<Role, Rule> => ({
  admin,
  facilitator,
  stm,
  expert,
  participant,
});

/** One action per row. */
export const EXERCISE_RULES = {
  /** `GET /api/exercises`, `GET /api/exercises/:id` (integrantes without contacts for the STM), its files, approvals and tracking. */
  'exercise.read': row('yes', 'yes', 'yes', 'no', 'no'),
  /** Creating and running an exercise: declaration, events, registry, STM, schedule, files, mesas, kits, PAM link, micrositio. */
  'exercise.manage': row('yes', 'yes', 'no', 'no', 'no'),
  /** Seeing integrantes' private contacts and the accounts linked to them. */
  'exercise.contacts': row('yes', 'yes', 'no', 'no', 'no'),
  /** `POST /api/pams/:id/approvals`: only an account linked to the sector's titular or suplente counts (checked by the service). */
  'exercise.approve': row('yes', 'yes', 'yes', 'no', 'no'),
  /** Progress and evidence of activities, the six-month monitoring, the final evaluation. */
  'exercise.track': row('yes', 'yes', 'no', 'no', 'no'),
  /** `GET /api/exercises/:id/reminders`. */
  'exercise.reminders': row('yes', 'yes', 'no', 'no', 'no'),
} as const satisfies Record<string, Record<Role, Rule>>;

/** One row of {@link EXERCISE_RULES}. */
export type ExerciseAction = keyof typeof EXERCISE_RULES;

/** May `p` take `action`? Nobody identified: `unauthenticated` (401); otherwise `forbidden` (403). */
export function exerciseAllows(p: Principal | undefined, action: ExerciseAction): Decision {
  if (!p) return { ok: false, denial: 'unauthenticated' };
  return EXERCISE_RULES[action][p.role] === 'yes' ? { ok: true } : { ok: false, denial: 'forbidden' };
}
