import { describe, expect, it } from 'vitest';
import { checkPasswordStrength } from './passwordStrength';

describe('checkPasswordStrength', () => {
  it('refuses a common password of ten digits, with zxcvbn’s advice in Spanish', async () => {
    const v = await checkPasswordStrength('1234567890');
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.message).toMatch(/^La contraseña es demasiado fácil de adivinar\. /);
    // zxcvbn's own feedback, translated by language-es-es (not English keys).
    expect(v.message).not.toMatch(/\b(the|password|common)\b/i);
  });

  it('refuses what is short, or built from the person’s own email or name', async () => {
    expect(await checkPasswordStrength('Xq7!vR2#')).toMatchObject({ ok: false, message: 'La contraseña debe tener al menos 10 caracteres.' });
    expect(await checkPasswordStrength('x'.repeat(201))).toMatchObject({ ok: false, message: 'La contraseña admite como máximo 200 caracteres.' });
    // Acceptable for someone else, guessable for the person it names.
    expect((await checkPasswordStrength('beatrizlopez1', { email: 'ana@municipio.gob.mx', name: 'Ana Ruiz' })).ok).toBe(true);
    expect((await checkPasswordStrength('beatrizlopez1', { email: 'beatriz.lopez@municipio.gob.mx', name: 'Beatriz López' })).ok).toBe(false);
  });

  it('refuses Spanish words and names that an English dictionary would miss', async () => {
    expect((await checkPasswordStrength('contraseña')).ok).toBe(false);
    expect((await checkPasswordStrength('guadalupe1234')).ok).toBe(false);
  });

  it('accepts a few uncommon words, or a random string', async () => {
    expect(await checkPasswordStrength('tamarindo azul bajo la lluvia')).toMatchObject({ ok: true });
    expect(await checkPasswordStrength('Kx9!mPq2vLw4')).toMatchObject({ ok: true });
  });
});
