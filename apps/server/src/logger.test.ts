import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger';

/** A logger writing into an array of parsed lines. */
function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      cb();
    },
  });
  return { log: createLogger('info', stream), lines };
}

describe('createLogger', () => {
  it('never writes a password, token, cookie, authorization header, CSRF token or session id', () => {
    const { log, lines } = capture();
    const secrets = ['contraseña-secreta', 'eyJhbGciOi.jwt.token', 'cocrea_session=abc123', 'Bearer eyJ.x.y', 'csrf-xyz', 'sess-hash-1', 'renueva-123'];
    log.info({ password: secrets[0], token: secrets[1] }, 'top level');
    log.info({ req: { headers: { cookie: secrets[2], authorization: secrets[3], 'x-csrf-token': secrets[4] } } }, 'headers');
    log.info({ principal: { sessionId: secrets[5], name: 'Ana' }, body: { renewal: secrets[6], csrfToken: secrets[4] } }, 'nested');
    log.info({ res: { headers: { 'set-cookie': secrets[2] } }, account: { passwordHash: '$scrypt$x' } }, 'response');
    const text = JSON.stringify(lines);
    for (const s of [...secrets, '$scrypt$x']) expect(text).not.toContain(s);
    expect(text).toContain('[oculto]');
    expect(text).toContain('Ana');
  });
});
