import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { csrfToken, onSessionLost, setCsrfToken } from './csrf';
import { ApiError, request } from './http';

interface Call {
  url: string;
  init: RequestInit;
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const headersOf = (c: Call | undefined) => (c?.init.headers ?? {}) as Record<string, string>;

let calls: Call[];
let answers: Response[];

beforeEach(() => {
  calls = [];
  answers = [];
  setCsrfToken(null);
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const next = answers.shift();
    return Promise.resolve(next ?? json(500, { error: { code: 'internal', message: 'sin respuesta' } }));
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('request', () => {
  it('sends the CSRF token on cookie writes only, with same-origin credentials', async () => {
    setCsrfToken('csrf-1');
    answers.push(json(200, { ok: 1 }), json(200, { ok: 2 }));
    await request('/api/mesas', { method: 'POST', body: { title: 'x' } });
    await request('/api/mesas');
    expect(headersOf(calls[0])['x-csrf-token']).toBe('csrf-1');
    expect(calls[0]?.init.credentials).toBe('same-origin');
    expect(headersOf(calls[1])['x-csrf-token']).toBeUndefined();
  });

  it('sends a participant token as Bearer and no CSRF token', async () => {
    setCsrfToken('csrf-1');
    answers.push(json(201, { alternative: {} }));
    await request('/api/mesas/m1/alternatives', { method: 'POST', body: {}, token: 'tok' });
    expect(headersOf(calls[0]).authorization).toBe('Bearer tok');
    expect(headersOf(calls[0])['x-csrf-token']).toBeUndefined();
  });

  it('refreshes the CSRF token once after a 403 csrf and sends the write again', async () => {
    setCsrfToken('stale');
    answers.push(
      json(403, { error: { code: 'csrf', message: 'Falta el token CSRF.' } }),
      json(200, { account: { id: 'a1' }, csrfToken: 'fresh' }),
      json(200, { mesa: { id: 'm1' } }),
    );
    const body = await request<{ mesa: { id: string } }>('/api/mesas/m1', { method: 'PATCH', body: { joinOpen: false } });
    expect(body.mesa.id).toBe('m1');
    expect(calls.map((c) => c.url)).toEqual(['/api/mesas/m1', '/api/auth/me', '/api/mesas/m1']);
    expect(headersOf(calls[2])['x-csrf-token']).toBe('fresh');
    expect(csrfToken()).toBe('fresh');
  });

  it('does not loop when the retried write is refused again', async () => {
    setCsrfToken('stale');
    answers.push(
      json(403, { error: { code: 'csrf', message: 'a' } }),
      json(200, { account: { id: 'a1' }, csrfToken: 'fresh' }),
      json(403, { error: { code: 'csrf', message: 'Token CSRF inválido.' } }),
    );
    await expect(request('/api/mesas', { method: 'POST' })).rejects.toMatchObject({ code: 'csrf', status: 403 });
    expect(calls).toHaveLength(3);
  });

  it('reports the session lost when the refresh finds no session', async () => {
    setCsrfToken('stale');
    const lost = vi.fn();
    const off = onSessionLost(lost);
    answers.push(json(403, { error: { code: 'csrf', message: 'a' } }), json(401, { error: { code: 'unauthorized', message: 'b' } }));
    await expect(request('/api/mesas', { method: 'POST' })).rejects.toBeInstanceOf(ApiError);
    expect(lost).toHaveBeenCalledTimes(1);
    expect(csrfToken()).toBeNull();
    off();
  });

  it('reports the session lost on a 401 to a cookie request while signed in', async () => {
    setCsrfToken('t');
    const lost = vi.fn();
    const off = onSessionLost(lost);
    answers.push(json(401, { error: { code: 'unauthorized', message: 'Inicia sesión.' } }));
    await expect(request('/api/pams')).rejects.toMatchObject({ status: 401 });
    expect(lost).toHaveBeenCalledTimes(1);
    off();
  });

  it('leaves a visitor alone on a 401 and answers 204 with undefined', async () => {
    const lost = vi.fn();
    const off = onSessionLost(lost);
    answers.push(json(401, { error: { code: 'unauthorized', message: 'x' } }), new Response(null, { status: 204 }));
    await expect(request('/api/pams')).rejects.toMatchObject({ status: 401 });
    await expect(request('/api/mesas/m1/members/a1', { method: 'DELETE' })).resolves.toBeUndefined();
    expect(lost).not.toHaveBeenCalled();
    off();
  });
});
