import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { CollabTokens, TokenError } from './collabTokens';

const SECRET = 'k'.repeat(48);
const tokens = CollabTokens.fromConfig(SECRET, os.tmpdir(), 900);

describe('collaboration tokens', () => {
  it('carry a participant: who, which mesa, no session', async () => {
    const { token, expiresAt } = await tokens.issue({ id: 'p_abcdefghij', name: 'Ana', color: '#000', role: 'participant', mesaId: 'mesa123' });
    expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect(await tokens.verify(token)).toEqual({ id: 'p_abcdefghij', name: 'Ana', color: '#000', role: 'participant', mesaId: 'mesa123' });
  });

  it('carry an account: its role, the mesa and the session it was issued under', async () => {
    const { token } = await tokens.issue({ id: 'acc1', name: 'Rosa', color: '#111', role: 'facilitator', mesaId: 'mesa123', sessionId: 'f'.repeat(64) });
    expect(await tokens.verify(token)).toEqual({ id: 'acc1', name: 'Rosa', color: '#111', role: 'facilitator', mesaId: 'mesa123', sessionId: 'f'.repeat(64) });
  });

  it('refuse an account token without a session, a participant token with one, an unknown role, another key', async () => {
    const sign = (claims: Record<string, unknown>, key = SECRET) =>
      new SignJWT({ name: 'X', color: '#000', mesa: 'mesa123', ...claims })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('someone')
        .setIssuer('cocrea')
        .setAudience('cocrea:collab')
        .setExpirationTime('5m')
        .sign(new TextEncoder().encode(key));
    for (const token of [
      await sign({ role: 'admin' }),
      await sign({ role: 'participant', sid: 'x' }),
      await sign({ role: 'superuser', sid: 'x' }),
      await sign({ role: 'participant' }, 'z'.repeat(48)),
    ]) {
      await expect(tokens.verify(token)).rejects.toEqual(new TokenError('invalid'));
    }
    await expect(tokens.verify('')).rejects.toEqual(new TokenError('missing'));
  });

  it('keep the generated key in the data directory', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cocrea-key-'));
    const a = CollabTokens.fromConfig(undefined, dir, 60);
    const b = CollabTokens.fromConfig(undefined, dir, 60);
    const { token } = await a.issue({ id: 'p_abcdefghij', name: 'Ana', color: '#000', role: 'participant', mesaId: 'mesa123' });
    expect((await b.verify(token)).id).toBe('p_abcdefghij');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
