import { describe, expect, it } from 'vitest';
import { parseParticipation } from './participantMemory';

describe('parseParticipation', () => {
  it('reads a whole participation back, dropping an unknown sector', () => {
    const raw = JSON.stringify({ participantId: 'p_abcdefghij', renewal: 'r1', name: 'Luis', organization: ' Agua A.C. ', sector: 'otro' });
    expect(parseParticipation(raw)).toEqual({ participantId: 'p_abcdefghij', renewal: 'r1', name: 'Luis', organization: 'Agua A.C.' });
  });

  it('refuses anything without an id, a renewal secret and a name', () => {
    expect(parseParticipation(null)).toBeUndefined();
    expect(parseParticipation('not json')).toBeUndefined();
    expect(parseParticipation(JSON.stringify({ participantId: 'p_abcdefghij', name: 'Luis' }))).toBeUndefined();
    expect(parseParticipation(JSON.stringify({ participantId: 'x', renewal: 'r', name: 'Luis' }))).toBeUndefined();
  });
});
