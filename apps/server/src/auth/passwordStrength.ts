import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

/** The shortest password accepted anywhere one is set. */
export const PASSWORD_MIN_LENGTH = 10;
/** The longest (scrypt hashes anything, but a bound keeps the strength check cheap). */
export const PASSWORD_MAX_LENGTH = 200;
/** zxcvbn's score (0–4) a password must reach: 3 = "safely unguessable" for an online attack. */
export const PASSWORD_MIN_SCORE = 3;

/** What a password is checked against besides the dictionaries: the person's own email and name. */
export interface PasswordContext {
  email?: string;
  name?: string;
}

/** The verdict: accepted, or why not in Spanish for the person choosing it. */
export type PasswordVerdict = { ok: true; score: number } | { ok: false; score: number; message: string };

let checker: Promise<ZxcvbnFactory> | undefined;

/**
 * zxcvbn with the common and Spanish dictionaries, built on first use: the dictionaries are
 * several megabytes, and a server that never sets a password should not carry them.
 */
function zxcvbn(): Promise<ZxcvbnFactory> {
  checker ??= (async () => {
    const [{ ZxcvbnFactory: Factory }, common, es] = await Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-es-es')]);
    return new Factory({
      translations: es.translations,
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary, ...es.dictionary },
    });
  })();
  checker.catch(() => (checker = undefined));
  return checker;
}

/** The words of an email and a name, so that "ana.lopez2026" is weak for Ana López. */
function userInputs({ email, name }: PasswordContext): string[] {
  const words = [email, email?.split('@')[0], ...(email?.split(/[@._+-]/) ?? []), name, ...(name?.split(/\s+/) ?? [])];
  const lower = words.filter((w): w is string => typeof w === 'string' && w.length >= 3).map((w) => w.toLowerCase());
  // "Méndez" is typed "mendez" as often as not.
  const plain = lower.map((w) => w.normalize('NFD').replace(/\p{M}/gu, ''));
  return [...new Set([...lower, ...plain])];
}

/**
 * Whether `password` may be set for the person of `context`: 10–200 characters and a zxcvbn
 * score of at least 3, against the common and Spanish dictionaries and the person's email and
 * name. A refusal carries zxcvbn's Spanish warning and suggestions.
 */
export async function checkPasswordStrength(password: string, context: PasswordContext = {}): Promise<PasswordVerdict> {
  if (password.length < PASSWORD_MIN_LENGTH) return { ok: false, score: 0, message: `La contraseña debe tener al menos ${PASSWORD_MIN_LENGTH} caracteres.` };
  if (password.length > PASSWORD_MAX_LENGTH) return { ok: false, score: 0, message: `La contraseña admite como máximo ${PASSWORD_MAX_LENGTH} caracteres.` };
  const result = (await zxcvbn()).check(password, userInputs(context));
  if (result.score >= PASSWORD_MIN_SCORE) return { ok: true, score: result.score };
  const advice = [result.feedback.warning, ...result.feedback.suggestions].filter((s): s is string => !!s);
  const fallback = 'Usa varias palabras poco comunes, o mezcla letras, números y signos.';
  return { ok: false, score: result.score, message: ['La contraseña es demasiado fácil de adivinar.', ...(advice.length > 0 ? advice : [fallback])].join(' ') };
}
