import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT, hashPassword, verifyAgainstNothing, verifyPassword } from './passwords';

const CHEAP = { ln: 10, r: 8, p: 1 };

describe('passwords', () => {
  it('hashes into a self-describing string with a fresh salt each time', async () => {
    const a = await hashPassword('correcto caballo batería', CHEAP);
    const b = await hashPassword('correcto caballo batería', CHEAP);
    expect(a).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('caballo');
  });

  it('verifies the right password and refuses a wrong one, under whichever parameters the hash names', async () => {
    const stored = await hashPassword('contraseña-larga', CHEAP);
    expect(await verifyPassword('contraseña-larga', stored)).toBe(true);
    expect(await verifyPassword('contraseña-larga ', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
    const strong = await hashPassword('ñandú', DEFAULT_SCRYPT);
    expect(strong.startsWith(`$scrypt$ln=${DEFAULT_SCRYPT.ln},r=${DEFAULT_SCRYPT.r},p=${DEFAULT_SCRYPT.p}$`)).toBe(true);
    expect(await verifyPassword('ñandú', strong)).toBe(true);
  });

  it('treats composed and decomposed accents as the same password', async () => {
    const stored = await hashPassword('Peñasco', CHEAP);
    expect(await verifyPassword('Pen\u0303asco', stored)).toBe(true);
  });

  it('never matches a malformed or absurdly expensive stored string', async () => {
    for (const bad of ['', 'plain', '$scrypt$ln=10,r=8,p=1$$', '$scrypt$ln=40,r=8,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA', '$bcrypt$x']) {
      expect(await verifyPassword('x', bad)).toBe(false);
    }
  });

  it('spends a verification on an unknown account and says no', async () => {
    expect(await verifyAgainstNothing('lo que sea')).toBe(false);
  });
});
