import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { ACCOUNT_ROLES, type Role } from './principal';

const ISSUER = 'cocrea';
const AUDIENCE = 'cocrea:collab';

const claimsSchema = z.object({
  sub: z.string().min(1),
  name: z.string().min(1),
  color: z.string().min(1),
  role: z.enum([...ACCOUNT_ROLES, 'participant']),
  mesa: z.string().min(1),
  sid: z.string().min(1).optional(),
});

/**
 * What a collaboration token says: who (an account or a participant), for which **one** mesa,
 * and, for an account, the session it was issued under (its SHA-256, never the cookie). The
 * server re-checks the session or participation on every connection: the token alone is not
 * enough once either has ended.
 */
export interface CollabClaims {
  id: string;
  name: string;
  color: string;
  role: Role;
  mesaId: string;
  /** Set for accounts: the session (hash) the token came from. */
  sessionId?: string;
}

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

  /** A token carrying `claims`, and when it expires. */
  async issue(claims: CollabClaims): Promise<{ token: string; expiresAt: string }> {
    const exp = Math.floor(Date.now() / 1000) + this.ttlSeconds;
    const body = { name: claims.name, color: claims.color, role: claims.role, mesa: claims.mesaId, ...(claims.sessionId ? { sid: claims.sessionId } : {}) };
    const token = await new SignJWT(body)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.id)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(exp)
      .sign(this.key);
    return { token, expiresAt: new Date(exp * 1000).toISOString() };
  }

  /** What a token says, once its signature and expiry check out; throws {@link TokenError}. */
  async verify(token: string | undefined | null): Promise<CollabClaims> {
    if (!token) throw new TokenError('missing');
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
      const c = claimsSchema.parse(payload);
      // An account token always names its session; a participant token never does.
      if ((c.role === 'participant') !== (c.sid === undefined)) throw new TokenError('invalid');
      return { id: c.sub, name: c.name, color: c.color, role: c.role, mesaId: c.mesa, ...(c.sid ? { sessionId: c.sid } : {}) };
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
