import { parseArgs } from 'node:util';
import { isCalendarDate } from '@cocrea/domain';
import { checkPasswordStrength } from '../auth/passwordStrength';
import { newId } from '../ids';
import type { Storage } from '../storage/Storage';
import { DemoError, loadDemo } from './demoLoader';

/** How the command talks to the person running it (never through the logger: it prints a password). */
export interface DemoIO {
  out(text: string): void;
  /** Everything piped into stdin (for `--password-stdin`). */
  stdin(): Promise<string>;
}

/** How to call it. */
export const DEMO_USAGE = `Uso:
  npm run demo [-- --password-stdin] [-- --today AAAA-MM-DD]

Carga el ejercicio de demostración de Metepec en el almacenamiento configurado (DATA_DIR o
DATABASE_URL): cuentas de la persona facilitadora y del STM, declaración, eventos, STM, mesas con
sus árboles y kits, compromisos finalizados, el PAM aprobado y publicado, su seguimiento con
evidencias y el monitoreo a los seis meses. Sin --password-stdin genera una contraseña y la muestra
una sola vez. Se niega a cargarse dos veces.`;

/** `npm run demo`: parses `argv`, loads the demo, prints the accounts. Throws {@link DemoError} for anything the person must fix. */
export async function runDemo(argv: readonly string[], storage: () => Promise<Storage>, io: DemoIO): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({ args: [...argv], options: { 'password-stdin': { type: 'boolean' }, today: { type: 'string' }, help: { type: 'boolean' } }, strict: true, allowPositionals: false }));
  } catch (err) {
    throw new DemoError(`${err instanceof Error ? err.message : String(err)}\n\n${DEMO_USAGE}`);
  }
  if (values.help) {
    io.out(`${DEMO_USAGE}\n`);
    return;
  }
  if (values.today !== undefined && !isCalendarDate(values.today)) throw new DemoError(`--today debe ser una fecha AAAA-MM-DD.\n\n${DEMO_USAGE}`);
  const given = values['password-stdin'] === true ? ((await io.stdin()).split(/\r?\n/)[0] ?? '') : null;
  if (given !== null) {
    const strength = await checkPasswordStrength(given);
    if (!strength.ok) throw new DemoError(strength.message);
  }
  const password = given ?? (await generatedPassword());
  const s = await storage();
  try {
    const result = await loadDemo(s, { password, ...(values.today ? { today: values.today } : {}) });
    io.out(`Ejercicio de demostración cargado: ${result.municipality} (${result.exerciseId}), fase actual «${result.stage}».\n`);
    io.out(`Micrositio (API pública, sin sesión): /api/public/exercises/${result.exerciseId}\n\nCuentas:\n`);
    for (const a of result.accounts) io.out(`  ${a.email.padEnd(44)} ${a.role.padEnd(12)} ${a.name}\n`);
    io.out(given === null ? `\nContraseña de todas (se muestra solo esta vez): ${password}\n` : '\nContraseña de todas: la que diste por la entrada estándar.\n');
  } finally {
    await s.close();
  }
}

/**
 * 16 random characters of the id alphabet (about 93 bits): zxcvbn scores such a string 4 all
 * but always; drawing again in the unheard-of other case keeps the printed one acceptable
 * everywhere a password is set.
 */
export async function generatedPassword(): Promise<string> {
  for (;;) {
    const candidate = newId(16);
    if ((await checkPasswordStrength(candidate)).ok) return candidate;
  }
}
