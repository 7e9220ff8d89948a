import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/passwords';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { openStorage } from '../storage/openStorage';
import { AdminError, runAdmin, type AdminIO } from './adminCommands';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'cocrea-admin-'));
  dirs.push(d);
  return d;
};

/** The command against a fresh SQLite data directory, with a scripted password. */
function harness(dataDir = tempDir(), pw = 'una contraseña segura') {
  const out: string[] = [];
  const io: AdminIO = { out: (t) => out.push(t), password: () => Promise.resolve(pw) };
  const storage = () => openStorage(loadConfig({ DATA_DIR: dataDir }), createLogger('silent'));
  return { run: (...argv: string[]) => runAdmin(argv, storage, io), out, storage };
}

describe('npm run admin', () => {
  it('creates the first administrator, whose password verifies, and lists accounts', async () => {
    const h = harness();
    await h.run('create', '--email', 'Ana@Municipio.gob.mx', '--name', 'Ana Admin');
    expect(h.out.join('')).toContain('Cuenta creada: ana@municipio.gob.mx (admin), Ana Admin.');
    await h.run('create', '--email', 'rosa@municipio.gob.mx', '--name', 'Rosa', '--role', 'facilitator');
    const s = await h.storage();
    const creds = await s.accounts.credentials('ana@municipio.gob.mx');
    await s.close();
    expect(creds?.account.role).toBe('admin');
    expect(await verifyPassword('una contraseña segura', creds?.passwordHash ?? '')).toBe(true);
    h.out.length = 0;
    await h.run('list');
    const listed = h.out.join('');
    expect(listed).toMatch(/ana@municipio\.gob\.mx\s+admin\s+activa/);
    expect(listed).toMatch(/rosa@municipio\.gob\.mx\s+facilitator/);
    expect(listed).toContain('2 cuenta(s)');
    expect(listed).not.toContain('scrypt');
  });

  it('refuses a taken email, a short or guessable password, a bad role and unknown usage', async () => {
    const dir = tempDir();
    await harness(dir).run('create', '--email', 'ana@x.mx', '--name', 'Ana');
    await expect(harness(dir).run('create', '--email', 'ANA@x.mx', '--name', 'Otra')).rejects.toThrow('Ya existe una cuenta con el correo');
    await expect(harness(dir, 'corta').run('create', '--email', 'b@x.mx', '--name', 'B')).rejects.toThrow('al menos 10 caracteres');
    // Long enough but guessable: a common password, or one built from the person's own name.
    await expect(harness(dir, '1234567890').run('create', '--email', 'b@x.mx', '--name', 'B')).rejects.toThrow('La contraseña es demasiado fácil de adivinar.');
    await expect(harness(dir, 'beatrizlopez1').run('create', '--email', 'beatriz@x.mx', '--name', 'Beatriz López')).rejects.toThrow('fácil de adivinar');
    await expect(harness(dir).run('create', '--email', 'c@x.mx', '--name', 'C', '--role', 'root')).rejects.toMatchObject({ code: 64 });
    await expect(harness(dir).run('create', '--email', 'no-es-correo', '--name', 'C')).rejects.toThrow('El correo no es válido.');
    await expect(harness(dir).run('borrar')).rejects.toBeInstanceOf(AdminError);
    await expect(harness(dir).run('create', '--nombre', 'x')).rejects.toMatchObject({ code: 64 });
  });

  it('runs as a script, reading the password from stdin', async () => {
    const dir = tempDir();
    const script = path.resolve(import.meta.dirname, 'admin.ts');
    const run = (args: string[], input?: string) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        const child = execFile(process.execPath, ['--import', 'tsx', script, ...args], { env: { ...process.env, DATA_DIR: dir } }, (err, stdout, stderr) =>
          resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
        );
        child.stdin?.end(input ?? '');
      });
    const created = await run(['create', '--email', 'jefa@municipio.mx', '--name', 'La Jefa', '--password-stdin'], 'contraseña desde stdin\n');
    expect(created.stderr).toBe('');
    expect(created.stdout).toContain('Cuenta creada: jefa@municipio.mx (admin)');
    expect((await run(['list'])).stdout).toContain('jefa@municipio.mx');
    const again = await run(['create', '--email', 'jefa@municipio.mx', '--name', 'Otra', '--password-stdin'], 'contraseña desde stdin\n');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Ya existe una cuenta');
    const noTty = await run(['create', '--email', 'x@municipio.mx', '--name', 'X']);
    expect(noTty.code).toBe(1);
    expect(noTty.stderr).toContain('usa --password-stdin');
  });
});
