import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import type { Principal } from './principal';

const ISSUER = 'cocrea';
const AUDIENCE = 'cocrea:collab';

const claimsSchema = z.object({
  sub: z.string().min(1),
  name: z.string().min(1),
  color: z.string().min(1),
  role: z.literal('participant'),
  mesa: z.string().min(1),
});

/** Why a token was refused. */
export type TokenProblem = 'missing' | 'invalid' | 'expired';

/** Thrown by {@link CollabTokens.verify}. */
export class TokenError extends Error {
  override readonly name = 'TokenError';
  constructor(readonly problem: TokenProblem) {
    super(`collaboration token ${problem}`);
  }
}

/**
 * Signs and verifies the short-lived collaboration tokens (HS256 JWTs) that open a mesa's
 * documents. The key comes from `AUTH_SECRET`, or is generated once into `DATA_DIR` so tokens
 * survive a restart without any set-up.
 */
export class CollabTokens {
  private constructor(
    private readonly key: Uint8Array,
    private readonly ttlSeconds: number,
  ) {}

  /** Builds the signer from the configured secret or the one kept in the data directory. */
  static fromConfig(secret: string | undefined, dataDir: string, ttlSeconds: number): CollabTokens {
    return new CollabTokens(new TextEncoder().encode(secret ?? loadOrCreateSecret(dataDir)), ttlSeconds);
  }

  /** A token for `principal`, and when it expires. */
  async issue(principal: Principal): Promise<{ token: string; expiresAt: string }> {
    const exp = Math.floor(Date.now() / 1000) + this.ttlSeconds;
    const token = await new SignJWT({ name: principal.name, color: principal.color, role: principal.role, mesa: principal.mesaId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(principal.id)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(exp)
      .sign(this.key);
    return { token, expiresAt: new Date(exp * 1000).toISOString() };
  }

  /** The principal a token stands for; throws {@link TokenError}. */
  async verify(token: string | undefined | null): Promise<Principal> {
    if (!token) throw new TokenError('missing');
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
      const c = claimsSchema.parse(payload);
      return { id: c.sub, name: c.name, color: c.color, role: c.role, mesaId: c.mesa };
    } catch (err) {
      throw new TokenError(err instanceof errors.JWTExpired ? 'expired' : 'invalid');
    }
  }
}

function loadOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'auth-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const secret = crypto.randomBytes(48).toString('base64url');
    // `wx`: if another process created it first, use theirs.
    try {
      fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
      return secret;
    } catch {
      return fs.readFileSync(file, 'utf8').trim();
    }
  }
}
