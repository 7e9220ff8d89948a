import { parseArgs } from 'node:util';
import { z } from 'zod';
import { checkPasswordStrength } from '../auth/passwordStrength';
import { hashPassword } from '../auth/passwords';
import { ACCOUNT_ROLES } from '../auth/principal';
import { newId } from '../ids';
import { AccountExistsError } from '../storage/AccessStorage';
import type { Storage } from '../storage/Storage';

/** How the command talks to the person running it. */
export interface AdminIO {
  out(text: string): void;
  /** The password: read from stdin (`--password-stdin`) or asked on the terminal without echo. */
  password(fromStdin: boolean): Promise<string>;
}

/** A failure the person can fix; `code` is the exit status (64: bad usage, 1: refused). */
export class AdminError extends Error {
  override readonly name = 'AdminError';
  constructor(
    message: string,
    readonly code: 1 | 64 = 1,
  ) {
    super(message);
  }
}

/** How to call it. */
export const USAGE = `Uso:
  npm run admin -- create --email <correo> --name <nombre> [--role admin|facilitator|stm|expert] [--password-stdin]
  npm run admin -- list

Trabaja sobre el almacenamiento configurado (DATA_DIR o DATABASE_URL), con o sin el servidor en marcha.`;

const createSchema = z.object({
  email: z.string({ error: 'Falta --email.' }).trim().pipe(z.email({ error: 'El correo no es válido.' })),
  name: z.string({ error: 'Falta --name.' }).trim().min(1, { error: 'Falta --name.' }).max(80, { error: 'El nombre admite como máximo 80 caracteres.' }),
  role: z.enum(ACCOUNT_ROLES, { error: `--role debe ser uno de: ${ACCOUNT_ROLES.join(', ')}.` }).default('admin'),
});

const passwordSchema = z
  .string()
  .min(10, { error: 'La contraseña debe tener al menos 10 caracteres.' })
  .max(200, { error: 'La contraseña admite como máximo 200 caracteres.' });

/** A fixed-width line of the account list. */
const line = (a: { email: string; name: string; role: string; createdAt: string; disabled: boolean | string }) =>
  `${String(a.email).padEnd(36)} ${String(a.role).padEnd(12)} ${String(a.disabled === true ? 'desactivada' : a.disabled === false ? 'activa' : a.disabled).padEnd(12)} ${a.createdAt.padEnd(25)} ${a.name}`;

/**
 * `create`: a new account (an administrator by default); `list`: every account. The command line
 * is `argv` after the script name. Throws {@link AdminError} for anything the person must fix.
 */
export async function runAdmin(argv: readonly string[], storage: () => Promise<Storage>, io: AdminIO): Promise<void> {
  const [command, ...rest] = argv;
  if (command === 'list') {
    if (rest.length > 0) throw new AdminError(USAGE, 64);
    const s = await storage();
    try {
      const accounts = await s.accounts.list();
      io.out(`${line({ email: 'CORREO', role: 'ROL', disabled: 'ESTADO', createdAt: 'CREADA', name: 'NOMBRE' })}\n`);
      for (const a of accounts) io.out(`${line(a)}\n`);
      io.out(`${accounts.length} cuenta(s)\n`);
    } finally {
      await s.close();
    }
    return;
  }
  if (command !== 'create') throw new AdminError(USAGE, 64);
  let values;
  try {
    ({ values } = parseArgs({
      args: [...rest],
      options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, 'password-stdin': { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new AdminError(`${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`, 64);
  }
  const input = createSchema.safeParse(values);
  if (!input.success) throw new AdminError(`${input.error.issues.map((i) => i.message).join(' ')}\n\n${USAGE}`, 64);
  const password = passwordSchema.safeParse(await io.password(values['password-stdin'] === true));
  if (!password.success) throw new AdminError(password.error.issues.map((i) => i.message).join(' '));
  const strength = await checkPasswordStrength(password.data, { email: input.data.email, name: input.data.name });
  if (!strength.ok) throw new AdminError(strength.message);
  const passwordHash = await hashPassword(password.data);
  const s = await storage();
  try {
    const account = await s.accounts.create({ id: newId(), ...input.data, passwordHash, createdAt: new Date().toISOString() });
    io.out(`Cuenta creada: ${account.email} (${account.role}), ${account.name}. Ya puede iniciar sesión.\n`);
  } catch (err) {
    if (err instanceof AccountExistsError) throw new AdminError(`Ya existe una cuenta con el correo ${input.data.email}.`);
    throw err;
  } finally {
    await s.close();
  }
}
