import { describe, expect, it } from 'vitest';
import { passingProblemOfClose } from './useCollabError';

describe('passingProblemOfClose', () => {
  it('tells a rate-limited (4429) and a timed-out (4408) socket apart, and leaves the rest to others', () => {
    expect(passingProblemOfClose(4429)).toBe('rate-limited');
    expect(passingProblemOfClose(4408)).toBe('timed-out');
    for (const code of [1000, 1006, 4403, 4413, 4422, undefined]) expect(passingProblemOfClose(code)).toBeNull();
  });
});
