import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('has working defaults for a fresh machine', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.dataDir).toBe(path.resolve('./data'));
    expect(c.SQLITE_SYNCHRONOUS).toBe('FULL');
    expect([c.SESSION_TTL_HOURS, c.RATE_LIMIT_WINDOW_SECONDS, c.RATE_LIMIT_SIGN_IN, c.RATE_LIMIT_JOIN, c.RATE_LIMIT_INVITATIONS]).toEqual([12, 900, 10, 300, 20]);
  });

  it('stops on a bad value, naming the variable', () => {
    expect(() => loadConfig({ PORT: 'tres mil' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'tres mil' })).toThrow(/PORT/);
    expect(() => loadConfig({ AUTH_SECRET: 'corto' })).toThrow(/AUTH_SECRET: debe tener al menos 32 caracteres/);
    expect(() => loadConfig({ SQLITE_SYNCHRONOUS: 'OFF' })).toThrow(/SQLITE_SYNCHRONOUS/);
    expect(() => loadConfig({ REDIS_URL: 'localhost:6379', DATABASE_URL: 'postgres://db/x' })).toThrow(/REDIS_URL/);
    expect(() => loadConfig({ SESSION_TTL_HOURS: '0' })).toThrow(/SESSION_TTL_HOURS/);
    expect(() => loadConfig({ RATE_LIMIT_SIGN_IN: 'muchos' })).toThrow(/RATE_LIMIT_SIGN_IN/);
  });

  it('refuses Redis without PostgreSQL: instances would each write their own SQLite file', () => {
    expect(() => loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(ConfigError);
    expect(() => loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(/REDIS_URL.*DATABASE_URL/);
    const c = loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/cocrea' });
    expect(c.REDIS_URL).toBe('redis://127.0.0.1:6379');
  });

  it('is documented variable by variable in the README, and nothing else is', () => {
    const readme = fs.readFileSync(path.resolve(import.meta.dirname, '../../../README.md'), 'utf8');
    const documented = [...readme.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual([...CONFIG_VARIABLES].sort());
  });

  it('docker/compose.yaml sets only variables the server knows', () => {
    const compose = fs.readFileSync(path.resolve(import.meta.dirname, '../../../docker/compose.yaml'), 'utf8');
    const set = [...compose.matchAll(/^\s+#?\s*([A-Z_]+): /gm)].map((m) => m[1]);
    expect(set.length).toBeGreaterThan(0);
    for (const name of set) expect(CONFIG_VARIABLES).toContain(name);
  });
});
