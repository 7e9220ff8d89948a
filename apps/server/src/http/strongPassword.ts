import { checkPasswordStrength, type PasswordContext } from '../auth/passwordStrength';
import { HttpError } from './errors';

/**
 * Throws `400 weak_password` (zxcvbn's Spanish advice in the message) unless `password` is strong
 * enough for the person of `context`; every route that sets a password calls it first.
 */
export async function requireStrongPassword(password: string, context: PasswordContext): Promise<void> {
  const verdict = await checkPasswordStrength(password, context);
  if (!verdict.ok) throw new HttpError(400, 'weak_password', verdict.message, { score: verdict.score });
}
