import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http';
import { problemOfClose, problemOfRenewal } from './useAccessProblem';

describe('access problems', () => {
  it('reads a closed mesa or a revoked access from the 4403 close', () => {
    expect(problemOfClose(4403, 'mesa-closed')).toBe('mesa-closed');
    expect(problemOfClose(4403, 'revoked')).toBe('revoked');
    expect(problemOfClose(1006, '')).toBeNull();
  });

  it('reads a refused change: a full document (4413), a text too long or a full tree (4422)', () => {
    expect(problemOfClose(4413, 'document-too-large')).toBe('document-too-large');
    expect(problemOfClose(4422, 'invalid:text-too-long')).toBe('text-too-long');
    expect(problemOfClose(4422, 'invalid:too-many-nodes')).toBe('tree-full');
    expect(problemOfClose(4422, 'invalid:incomplete-update')).toBe('invalid-content');
  });

  it('reads a failed renewal: session ended, mesa or link closed, refused; network trouble passes', () => {
    expect(problemOfRenewal(new ApiError('unauthorized', 'x', 401))).toBe('session-ended');
    expect(problemOfRenewal(new ApiError('mesa_closed', 'x', 403))).toBe('mesa-closed');
    expect(problemOfRenewal(new ApiError('join_closed', 'x', 403))).toBe('join-closed');
    expect(problemOfRenewal(new ApiError('forbidden', 'x', 403))).toBe('revoked');
    expect(problemOfRenewal(new ApiError('network', '', 0))).toBeNull();
    expect(problemOfRenewal(null)).toBeNull();
  });
});
