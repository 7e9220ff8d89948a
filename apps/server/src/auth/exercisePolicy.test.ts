import { describe, expect, it } from 'vitest';
import { EXERCISE_RULES, exerciseAllows } from './exercisePolicy';
import type { Principal } from './principal';

const as = (role: Principal['role']): Principal =>
  role === 'participant'
    ? { kind: 'participant', id: 'p_aaaaaaaaaa', name: 'P', color: '#000', role, mesaId: 'mesa01' }
    : { kind: 'account', id: 'acc', name: 'A', color: '#000', role, email: 'a@example.org', sessionId: 'x' };

describe('exercisePolicy', () => {
  it('lets staff run the exercise and the STM read and approve, nobody else', () => {
    const table = Object.fromEntries(
      Object.keys(EXERCISE_RULES).map((action) => [
        action,
        (['admin', 'facilitator', 'stm', 'expert', 'participant'] as const).filter((r) => exerciseAllows(as(r), action as keyof typeof EXERCISE_RULES).ok),
      ]),
    );
    expect(table).toEqual({
      'exercise.read': ['admin', 'facilitator', 'stm'],
      'exercise.manage': ['admin', 'facilitator'],
      'exercise.contacts': ['admin', 'facilitator'],
      'exercise.approve': ['admin', 'facilitator', 'stm'],
      'exercise.track': ['admin', 'facilitator'],
      'exercise.reminders': ['admin', 'facilitator'],
    });
  });

  it('answers 401 to nobody and 403 to a role without the row', () => {
    expect(exerciseAllows(undefined, 'exercise.read')).toEqual({ ok: false, denial: 'unauthenticated' });
    expect(exerciseAllows(as('expert'), 'exercise.read')).toEqual({ ok: false, denial: 'forbidden' });
  });
});
