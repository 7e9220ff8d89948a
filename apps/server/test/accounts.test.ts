import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildServer } from './childServer';
import { adminOf, api, bearer, tempDataDir, cookieFrom, createMesa, join, rawSql, scrapeMetrics, Session, signedIn, signIn, startTestServer, TEST_METRICS_TOKEN, TEST_PASSWORD } from './harness';
import { dumpState } from './stateDump';

/*
 * Accounts, sessions, CSRF, invitations, joins and the hardening around them
 * (docs/api-accounts.md), against a real server.
 */

type Body = { error?: { code: string; message: string } } & Record<string, unknown>;

let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: Session;
beforeAll(async () => {
  server = await startTestServer();
  admin = await adminOf(server.url);
});
afterAll(async () => {
  await server.close();
});

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const everything = async () => JSON.stringify(await dumpState(server));

describe('sign-in and sessions', () => {
  it('a wrong password or an unknown email is 401 invalid_credentials, recorded in the audit log', async () => {
    const fac = await signedIn(server, 'facilitator');
    for (const body of [
      { email: fac.account.email, password: 'no es la contraseña' },
      { email: 'nadie@cocrea.test', password: TEST_PASSWORD },
    ]) {
      const r = await api<Body>(server.url, 'POST', '/api/auth/sign-in', body);
      expect(r.status).toBe(401);
      expect(r.body.error).toEqual({ code: 'invalid_credentials', message: 'Correo o contraseña incorrectos.' });
      expect(r.headers.getSetCookie()).toEqual([]);
    }
    const { entries } = (await admin.api<{ entries: { action: string; actor: unknown; details: { email: string } }[] }>('GET', '/api/audit?limit=2')).body;
    expect(entries.map((e) => [e.action, e.actor, e.details.email])).toEqual([
      ['auth.sign_in_failed', null, 'nadie@cocrea.test'],
      ['auth.sign_in_failed', null, fac.account.email],
    ]);
  });

  it('signing in sets an HttpOnly, SameSite=Lax cookie whose id the database keeps only as a SHA-256', async () => {
    const fac = await signedIn(server, 'facilitator');
    const r = await api<{ account: { email: string; role: string }; csrfToken: string }>(server.url, 'POST', '/api/auth/sign-in', {
      email: fac.account.email.toUpperCase(),
      password: TEST_PASSWORD,
    });
    expect(r.status).toBe(200);
    expect(r.body.account).toMatchObject({ email: fac.account.email, role: 'facilitator' });
    expect(JSON.stringify(r.body)).not.toMatch(/scrypt|password/i);
    const [setCookie] = r.headers.getSetCookie();
    expect(setCookie).toMatch(/^cocrea_session=[A-Za-z0-9_-]{43}; Path=\/; Expires=.+; HttpOnly; SameSite=Lax$/);
    const id = cookieFrom(r.headers).split('=')[1] as string;
    const stored = await everything();
    expect(stored).not.toContain(id);
    expect(stored).toContain(sha256(id));
    expect(stored).not.toContain(TEST_PASSWORD);
    const me = await api<{ account: { id: string }; csrfToken: string }>(server.url, 'GET', '/api/auth/me', undefined, { cookie: `cocrea_session=${id}` });
    expect(me.body).toEqual({ account: fac.account, csrfToken: r.body.csrfToken });
  });

  it('signing out ends the session and clears the cookie', async () => {
    const fac = await signedIn(server, 'facilitator');
    const out = await fac.api('POST', '/api/auth/sign-out');
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie()[0]).toMatch(/^cocrea_session=; Path=\/; Expires=Thu, 01 Jan 1970/);
    expect((await fac.api('GET', '/api/auth/me')).status).toBe(401);
  });

  it('an expired session is no session', async () => {
    const fac = await signedIn(server, 'facilitator');
    await rawSql(server.dataDir, `UPDATE sessions SET expires_at = '2000-01-01T00:00:00.000Z' WHERE account_id = '${fac.account.id}'`);
    expect((await fac.api('GET', '/api/auth/me')).status).toBe(401);
  });

  it('a disabled account cannot sign in (403 account_disabled) and its sessions end', async () => {
    const stm = await signedIn(server, 'stm');
    expect((await admin.api('PATCH', `/api/accounts/${stm.account.id}`, { disabled: true })).status).toBe(200);
    expect((await stm.api('GET', '/api/auth/me')).status).toBe(401);
    const r = await api<Body>(server.url, 'POST', '/api/auth/sign-in', { email: stm.account.email, password: TEST_PASSWORD });
    expect(r.status).toBe(403);
    expect(r.body.error?.code).toBe('account_disabled');
    // Nobody changes their own role or disables themselves.
    expect((await admin.api<Body>('PATCH', `/api/accounts/${admin.account.id}`, { role: 'stm' })).body.error?.code).toBe('self_change_refused');
  });
});

describe('CSRF', () => {
  it('a cookie write needs the session’s X-CSRF-Token, and a same-site Origin', async () => {
    const fac = await signedIn(server, 'facilitator');
    const body = { title: 'Mesa CSRF', topic: 'Agua' };
    const before = await everything();
    const attempts: Record<string, string>[] = [{ 'x-csrf-token': '' }, { 'x-csrf-token': 'otro-token' }, { origin: 'https://malicioso.example' }];
    for (const headers of attempts) {
      const r = await api<Body>(server.url, 'POST', '/api/mesas', body, { cookie: fac.cookie, ...headers });
      expect(r.status, JSON.stringify(headers)).toBe(403);
      expect(r.body.error?.code).toBe('csrf');
    }
    const crossSite = await api<Body>(server.url, 'POST', '/api/mesas', body, { cookie: fac.cookie, 'x-csrf-token': fac.csrfToken, origin: 'https://malicioso.example' });
    expect(crossSite.body.error?.code).toBe('csrf');
    // Sign-in from another site is refused too (login CSRF).
    const signInElsewhere = await api<Body>(server.url, 'POST', '/api/auth/sign-in', { email: fac.account.email, password: TEST_PASSWORD }, { origin: 'https://malicioso.example' });
    expect(signInElsewhere.body.error?.code).toBe('csrf');
    expect(await everything()).toBe(before);
    expect((await fac.api('POST', '/api/mesas', body, { origin: server.url })).status).toBe(201);
    expect((await fac.api('POST', '/api/mesas', body)).status).toBe(201);
  });

  it('a Bearer request needs no CSRF token, and a Bearer token wins over the cookie', async () => {
    const fac = await signedIn(server, 'facilitator');
    const mesaId = await createMesa(server.url);
    const p = await join(server.url, mesaId, 'Paco');
    const r = await api<{ alternative: { created: { by: { id: string } } } }>(server.url, 'POST', `/api/mesas/${mesaId}/alternatives`, { text: 'Alternativa' }, { cookie: fac.cookie, ...bearer(p.token) });
    expect(r.status).toBe(201);
    expect(r.body.alternative.created.by.id).toBe(p.participant.id);
    // A bad Bearer token does not fall back to the cookie.
    expect((await api(server.url, 'GET', '/api/auth/me', undefined, { cookie: fac.cookie, authorization: 'Bearer x.y.z' })).status).toBe(401);
  });
});

describe('invitations', () => {
  it('an expert invitation: only a hash is stored, the offer names the mesa, acceptance opens a session and a membership', async () => {
    const fac = await signedIn(server, 'facilitator', { name: 'Fina' });
    const mesaId = await createMesa(server.url, 'Mesa de agua');
    const created = await fac.api<{ invitation: { id: string; status: string; createdBy: { name: string } }; url: string }>('POST', '/api/invitations', {
      email: 'Eva.Experta@Example.mx',
      role: 'expert',
      mesaId,
    });
    expect(created.status).toBe(201);
    expect(created.body.invitation).toMatchObject({ status: 'pendiente', createdBy: { name: 'Fina' } });
    const token = created.body.url.split('/invitaciones/')[1] as string;
    expect(created.body.url).toBe(`${server.url}/invitaciones/${token}`);
    const stored = await everything();
    expect(stored).not.toContain(token);
    expect(stored).toContain(sha256(token));

    const offer = await api(server.url, 'GET', `/api/invitations/${token}`);
    expect(offer.body).toMatchObject({ email: 'eva.experta@example.mx', role: 'expert', mesa: { id: mesaId, title: 'Mesa de agua' } });
    const short = await api<Body>(server.url, 'POST', `/api/invitations/${token}/accept`, { name: 'Eva', password: 'corta' });
    expect(short.status).toBe(400);
    expect(short.body.error?.message).toBe('La contraseña debe tener al menos 10 caracteres.');

    const accepted = await api<{ account: { id: string; role: string; email: string }; csrfToken: string }>(server.url, 'POST', `/api/invitations/${token}/accept`, {
      name: 'Eva Experta',
      password: 'contraseña de Eva 2026',
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body.account).toMatchObject({ role: 'expert', email: 'eva.experta@example.mx' });
    const eva = new Session(server.url, accepted.body.account as never, cookieFrom(accepted.headers), accepted.body.csrfToken);
    expect((await eva.api<{ mesas: { id: string }[] }>('GET', '/api/mesas')).body.mesas.map((m) => m.id)).toEqual([mesaId]);
    expect((await eva.api('POST', `/api/mesas/${mesaId}/token`)).status).toBe(200);
    expect((await signIn(server.url, 'EVA.experta@example.mx', 'contraseña de Eva 2026')).account.id).toBe(accepted.body.account.id);

    expect((await api(server.url, 'POST', `/api/invitations/${token}/accept`, { name: 'Otra', password: 'otra contraseña' })).status).toBe(410);
    expect((await api(server.url, 'GET', `/api/invitations/${token}`)).status).toBe(410);
    const list = await fac.api<{ invitations: { id: string; status: string }[] }>('GET', '/api/invitations');
    expect(list.body.invitations.find((i) => i.id === created.body.invitation.id)?.status).toBe('aceptada');
    expect(JSON.stringify(list.body)).not.toContain(token);
  });

  it('refuses what does not make sense: an expert without a mesa, an existing email, a facilitator inviting a facilitator', async () => {
    const fac = await signedIn(server, 'facilitator');
    const noMesa = await fac.api<Body>('POST', '/api/invitations', { email: 'x@example.mx', role: 'expert' });
    expect(noMesa.status).toBe(400);
    expect(noMesa.body.error?.message).toBe('Una persona experta se invita a una mesa: elige cuál.');
    expect((await fac.api<Body>('POST', '/api/invitations', { email: fac.account.email, role: 'stm' })).body.error?.code).toBe('account_exists');
    expect((await fac.api('POST', '/api/invitations', { email: 'y@example.mx', role: 'facilitator' })).status).toBe(403);
    expect((await fac.api<Body>('POST', '/api/invitations', { email: 'no es correo', role: 'stm' })).body.error?.message).toBe('Escribe un correo válido.');
  });

  it('an expired invitation is gone (410)', async () => {
    const { url, invitation } = (await admin.api<{ url: string; invitation: { id: string } }>('POST', '/api/invitations', { email: 'tarde@example.mx', role: 'stm', expiresInDays: 1 })).body;
    await rawSql(server.dataDir, `UPDATE invitations SET expires_at = '2000-01-01T00:00:00.000Z' WHERE id = '${invitation.id}'`);
    const token = url.split('/invitaciones/')[1] as string;
    expect((await api<Body>(server.url, 'GET', `/api/invitations/${token}`)).body.error?.code).toBe('invitation_gone');
    expect((await api(server.url, 'POST', `/api/invitations/${token}/accept`, { name: 'Tarde', password: 'una contraseña larga' })).status).toBe(410);
  });
});

describe('joining a mesa', () => {
  it('keeps organisation and sector; a renewal keeps the identity even after the link closes; an id alone is ignored', async () => {
    const mesaId = await createMesa(server.url);
    const first = await join(server.url, mesaId, 'Lupe', { organization: ' Colectivo Agua ', sector: 'sociedad_civil' });
    expect(first.participant).toMatchObject({ name: 'Lupe', organization: 'Colectivo Agua', sector: 'sociedad_civil' });
    expect(first.documents).toEqual({ tree: `mesa:${mesaId}:tree`, annotations: `mesa:${mesaId}:annotations` });
    expect(first.renewal).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await everything()).not.toContain(first.renewal);

    await admin.api('PATCH', `/api/mesas/${mesaId}`, { joinOpen: false });
    expect((await api(server.url, 'GET', `/api/mesas/${mesaId}/join`)).body).toMatchObject({ joinOpen: false, status: 'abierta' });
    const closed = await api<Body>(server.url, 'POST', `/api/mesas/${mesaId}/join`, { name: 'Nueva' });
    expect(closed.status).toBe(403);
    expect(closed.body.error?.code).toBe('join_closed');
    const renewed = await join(server.url, mesaId, 'Lupe G.', { participantId: first.participant.id, renewal: first.renewal });
    expect(renewed.participant).toMatchObject({ id: first.participant.id, name: 'Lupe G.', organization: null, sector: null });
    const stolen = await api<Body>(server.url, 'POST', `/api/mesas/${mesaId}/join`, { name: 'Impostora', participantId: first.participant.id, renewal: 'adivinada' });
    expect(stolen.body.error?.code).toBe('join_closed');

    await admin.api('PATCH', `/api/mesas/${mesaId}`, { joinOpen: true });
    const idAlone = await join(server.url, mesaId, 'Impostora', { participantId: first.participant.id });
    expect(idAlone.participant.id).not.toBe(first.participant.id);
    const badSector = await api<Body>(server.url, 'POST', `/api/mesas/${mesaId}/join`, { name: 'X', sector: 'farándula' });
    expect(badSector.body.error?.message).toBe('Elige un sector de la lista.');
  });
});

describe('hardening', () => {
  it('answers with a strict Content-Security-Policy and the usual security headers', async () => {
    const r = await fetch(`${server.url}/healthz`);
    const csp = r.headers.get('content-security-policy');
    expect(csp).toBe(
      "default-src 'self';script-src 'self';style-src 'self' 'unsafe-inline';img-src 'self' data: blob:;connect-src 'self' ws: wss:;frame-ancestors 'none';object-src 'none';base-uri 'self';form-action 'self'",
    );
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(r.headers.get('strict-transport-security')).toBeNull();
  });

  it('limits failed sign-ins, joins and invitations per client (429 rate_limited)', async () => {
    const limited = await startTestServer(undefined, { RATE_LIMIT_SIGN_IN: '2', RATE_LIMIT_JOIN: '2', RATE_LIMIT_INVITATIONS: '1' });
    try {
      const admin2 = await adminOf(limited.url);
      // Successful sign-ins do not count.
      for (let i = 0; i < 3; i++) await signIn(limited.url, admin2.account.email);
      const fail = () => api<Body>(limited.url, 'POST', '/api/auth/sign-in', { email: admin2.account.email, password: 'mal' });
      expect((await fail()).status).toBe(401);
      expect((await fail()).status).toBe(401);
      const third = await fail();
      expect(third.status).toBe(429);
      expect(third.body.error?.code).toBe('rate_limited');
      expect(third.headers.get('retry-after')).toBeTruthy();

      const mesaId = await createMesa(limited.url);
      for (let i = 0; i < 2; i++) await join(limited.url, mesaId, `P${i}`);
      expect((await api(limited.url, 'POST', `/api/mesas/${mesaId}/join`, { name: 'P3' })).status).toBe(429);
      expect((await admin2.api('POST', '/api/invitations', { email: 'a@example.mx', role: 'stm' })).status).toBe(201);
      expect((await admin2.api('POST', '/api/invitations', { email: 'b@example.mx', role: 'stm' })).status).toBe(429);
    } finally {
      await limited.close();
    }
  });

  it('limits failed sign-ins per account too, whatever the IP, and unknown emails alike (429 even with the right password)', async () => {
    // Each request says it comes from another address; the server believes X-Forwarded-For
    // from loopback (TRUST_PROXY's default), so the per-IP count never trips.
    const limited = await startTestServer(undefined, { RATE_LIMIT_SIGN_IN: '100', RATE_LIMIT_SIGN_IN_ACCOUNT: '3' });
    try {
      let ip = 0;
      const attempt = (email: string, password: string) => api<Body>(limited.url, 'POST', '/api/auth/sign-in', { email, password }, { 'x-forwarded-for': `203.0.113.${++ip}` });
      const victim = await signedIn(limited, 'facilitator');
      // Successful sign-ins do not count.
      for (let i = 0; i < 4; i++) expect((await attempt(victim.account.email, TEST_PASSWORD)).status).toBe(200);
      for (let i = 0; i < 3; i++) expect((await attempt(victim.account.email, `adivinanza ${i}`)).status).toBe(401);
      // The same email however it is typed; now even the right password waits.
      const locked = await attempt(` ${victim.account.email.toUpperCase()} `, TEST_PASSWORD);
      expect(locked.status).toBe(429);
      expect(locked.body.error).toEqual({ code: 'rate_limited', message: 'Demasiados intentos fallidos con este correo. Por seguridad, espera unos minutos antes de volver a intentar.' });
      expect(locked.headers.get('retry-after')).toBeTruthy();
      // An email without an account gets exactly the same answers: nothing tells them apart.
      for (let i = 0; i < 3; i++) expect((await attempt('nadie-aqui@cocrea.test', `adivinanza ${i}`)).status).toBe(401);
      expect((await attempt('nadie-aqui@cocrea.test', 'otra')).body.error).toEqual(locked.body.error);
      // Another account is not affected.
      expect((await attempt((await adminOf(limited.url)).account.email, TEST_PASSWORD)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('refuses a guessable password when an invitation is accepted (400 weak_password, in Spanish), creating nothing', async () => {
    const { url } = (await admin.api<{ url: string }>('POST', '/api/invitations', { email: 'rosa.mendez@example.mx', role: 'stm' })).body;
    const token = url.split('/invitaciones/')[1] as string;
    const before = await everything();
    for (const password of ['1234567890', 'rosamendez']) {
      const r = await api<Body>(server.url, 'POST', `/api/invitations/${token}/accept`, { name: 'Rosa Méndez', password });
      expect(r.status, password).toBe(400);
      expect(r.body.error?.code).toBe('weak_password');
      expect(r.body.error?.message).toMatch(/^La contraseña es demasiado fácil de adivinar\. \S/);
    }
    expect(await everything()).toBe(before);
    expect((await api(server.url, 'POST', `/api/invitations/${token}/accept`, { name: 'Rosa Méndez', password: 'tamarindo azul bajo la lluvia' })).status).toBe(201);
  });

  it('/metrics needs METRICS_TOKEN as a Bearer token, and without one configured it does not exist', async () => {
    const wrong = await api<Body>(server.url, 'GET', '/metrics');
    expect(wrong.status).toBe(401);
    expect(wrong.body.error?.code).toBe('unauthorized');
    for (const authorization of [`Bearer ${TEST_METRICS_TOKEN}x`, `Bearer ${TEST_METRICS_TOKEN.slice(0, -1)}`, TEST_METRICS_TOKEN]) {
      expect((await api(server.url, 'GET', '/metrics', undefined, { authorization })).status, authorization).toBe(401);
    }
    expect(await scrapeMetrics(server.url)).toContain('cocrea_connections');
    const open = await startTestServer(undefined, { METRICS_TOKEN: '' });
    try {
      expect((await api(open.url, 'GET', '/metrics')).status).toBe(404);
      expect((await api(open.url, 'GET', '/metrics', undefined, { authorization: 'Bearer ' })).status).toBe(404);
    } finally {
      await open.close();
    }
  });

  it('serves no source maps of the web app (404), whether the file exists or not', async () => {
    const dataDir = tempDataDir();
    const webDist = path.join(dataDir, 'web');
    fs.mkdirSync(path.join(webDist, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>cocrea</title>');
    fs.writeFileSync(path.join(webDist, 'assets', 'index-abc.js'), 'console.log(1)\n//# sourceMappingURL=index-abc.js.map');
    fs.writeFileSync(path.join(webDist, 'assets', 'index-abc.js.map'), '{"version":3,"sources":["src/secreto.ts"]}');
    const web = await startTestServer(dataDir, { WEB_DIST: webDist });
    try {
      expect((await fetch(`${web.url}/assets/index-abc.js`)).status).toBe(200);
      for (const url of ['/assets/index-abc.js.map', '/assets/INDEX-ABC.JS.MAP', '/assets/otro.js.map', '/mesas/x.map']) {
        const r = await fetch(`${web.url}${url}`);
        expect(r.status, url).toBe(404);
        expect(await r.text(), url).not.toContain('secreto');
      }
      expect((await fetch(`${web.url}/mesas/abc`)).status).toBe(200);
    } finally {
      await web.close();
    }
  });

  it('with an https PUBLIC_URL the cookie is Secure and HSTS is on', async () => {
    const secure = await startTestServer(undefined, { PUBLIC_URL: 'https://cocrea.example.mx' });
    try {
      const r = await api(secure.url, 'POST', '/api/auth/sign-in', { email: 'admin@cocrea.test', password: TEST_PASSWORD });
      expect(r.headers.getSetCookie()[0]).toMatch(/; Secure; SameSite=Lax$/);
      expect(r.headers.get('strict-transport-security')).toBe('max-age=15552000');
      // The invitation link uses the public address.
      const admin3 = new Session(secure.url, (r.body as { account: never }).account, cookieFrom(r.headers), (r.body as { csrfToken: string }).csrfToken);
      const inv = await admin3.api<{ url: string }>('POST', '/api/invitations', { email: 'z@example.mx', role: 'stm' }, { origin: 'https://cocrea.example.mx' });
      expect(inv.body.url).toMatch(/^https:\/\/cocrea\.example\.mx\/invitaciones\//);
    } finally {
      await secure.close();
    }
  });

  it('the audit log is append-only and readable by facilitators, filtered by mesa', async () => {
    const fac = await signedIn(server, 'facilitator');
    const mesaId = (await fac.api<{ mesa: { id: string } }>('POST', '/api/mesas', { title: 'Auditada', topic: 'Agua' })).body.mesa.id;
    await fac.api('PATCH', `/api/mesas/${mesaId}`, { joinOpen: false });
    const { entries } = (await fac.api<{ entries: { id: number; action: string; actor: { id: string; role: string } }[] }>('GET', `/api/audit?mesaId=${mesaId}`)).body;
    expect(entries.map((e) => e.action)).toEqual(['mesa.update', 'mesa.create']);
    expect(entries[0]?.actor).toMatchObject({ id: fac.account.id, role: 'facilitator' });
    const page = (await fac.api<{ entries: { id: number }[] }>('GET', `/api/audit?mesaId=${mesaId}&before=${entries[0]?.id}`)).body.entries;
    expect(page.map((e) => e.id)).toEqual([entries[1]?.id]);
    expect((await fac.api<Body>('GET', '/api/audit?limit=9999')).body.error?.code).toBe('validation_failed');
    await expect(rawSql(server.dataDir, 'DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(rawSql(server.dataDir, "UPDATE audit_log SET action = 'x'")).rejects.toThrow(/append-only/);
  });

  it('a real process logs no password, session id, CSRF token, invitation token or collaboration token', async () => {
    const child = await startChildServer({ DATA_DIR: tempDataDir(), LOG_LEVEL: 'trace' });
    let out = '';
    child.child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    child.child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    try {
      const a = await adminOf(child.url);
      await api(child.url, 'POST', '/api/auth/sign-in', { email: a.account.email, password: 'contraseña equivocada' });
      const inv = (await a.api<{ url: string }>('POST', '/api/invitations', { email: 'log@example.mx', role: 'stm' })).body.url;
      const token = inv.split('/invitaciones/')[1] as string;
      const accepted = await api<{ csrfToken: string }>(child.url, 'POST', `/api/invitations/${token}/accept`, { name: 'Log', password: 'contraseña secreta 2026' });
      const mesaId = await createMesa(child.url);
      const p = await join(child.url, mesaId, 'Pepa');
      const collab = await a.token(mesaId);
      // A refused document is logged: with a token that must not appear.
      const ws = new (await import('ws')).default(`${child.url.replace('http', 'ws')}/collab`);
      await new Promise((r) => ws.once('open', r));
      const e = (await import('lib0/encoding'));
      const enc = e.createEncoder();
      e.writeVarString(enc, 'mesa:desconocida99:tree');
      e.writeVarUint(enc, 2);
      e.writeVarUint(enc, 0);
      e.writeVarString(enc, collab.token);
      ws.send(e.toUint8Array(enc));
      await new Promise((r) => ws.once('close', r));
      await a.api('POST', '/api/auth/sign-out');
      const secrets = [
        'contraseña equivocada',
        'contraseña secreta 2026',
        TEST_PASSWORD,
        a.cookie.split('=')[1] as string,
        a.csrfToken,
        accepted.body.csrfToken,
        cookieFrom(accepted.headers).split('=')[1] as string,
        token,
        p.token,
        p.renewal,
        collab.token,
      ];
      expect(out).toContain('document refused');
      for (const secret of secrets) expect(out, secret.slice(0, 12)).not.toContain(secret);
    } finally {
      child.child.kill('SIGTERM');
      await child.exited;
    }
  });
});
