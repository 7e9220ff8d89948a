import { expect, request, type APIRequestContext, type BrowserContext } from '@playwright/test';

/** The first administrator, created by the global setup with the admin CLI. */
export const ADMIN = { email: 'ana.admin@cocrea.test', name: 'Ana Administradora', password: 'contraseña-e2e-ana-2026' } as const;

/** The password every invited e2e account chooses. */
export const STAFF_PASSWORD = 'contraseña-e2e-equipo';

/** An account role. */
export type StaffRole = 'admin' | 'facilitator' | 'stm' | 'expert';

let counter = 0;

/** A fresh email, unique across tests. */
export function uniqueEmail(role: string): string {
  counter += 1;
  return `${role}.${Date.now().toString(36)}.${counter}@cocrea.test`;
}

/** A cookie-authenticated API client: it sends the session's CSRF token on writes. */
export interface StaffApi {
  csrf: string;
  post: <T>(url: string, data?: unknown) => Promise<T>;
  patch: <T>(url: string, data: unknown) => Promise<T>;
}

/** Wraps a request context that holds a session cookie, with the CSRF token of that session. */
export function staffApi(ctx: APIRequestContext, csrf: string): StaffApi {
  const send = async <T>(method: 'post' | 'patch', url: string, data: unknown): Promise<T> => {
    const res = await ctx[method](url, { data: data ?? {}, headers: { 'x-csrf-token': csrf } });
    expect(res.ok(), `${method.toUpperCase()} ${url}: ${res.status()} ${await res.text()}`).toBe(true);
    return (await res.json()) as T;
  };
  return { csrf, post: (url, data) => send('post', url, data), patch: (url, data) => send('patch', url, data) };
}

/** Signs `ctx` in with email and password (the session cookie lands in its jar). */
export async function signInApi(ctx: APIRequestContext, email: string, password: string): Promise<StaffApi> {
  const res = await ctx.post('/api/auth/sign-in', { data: { email, password } });
  expect(res.ok(), `sign-in ${email}: ${res.status()} ${await res.text()}`).toBe(true);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return staffApi(ctx, csrfToken);
}

/** A request context signed in as the administrator (for setting tests up); dispose it after. */
export async function adminApi(baseURL: string): Promise<{ ctx: APIRequestContext; api: StaffApi }> {
  const ctx = await request.newContext({ baseURL });
  return { ctx, api: await signInApi(ctx, ADMIN.email, ADMIN.password) };
}

/**
 * Invites a new account (as the administrator) and accepts the invitation inside `context`,
 * which then holds that account's session: the actor is signed in as a person would be after
 * following the link.
 */
export async function inviteInto(
  admin: StaffApi,
  context: BrowserContext,
  role: StaffRole,
  name: string,
  mesaId?: string,
): Promise<{ email: string; api: StaffApi }> {
  const email = uniqueEmail(role);
  const { url } = await admin.post<{ url: string }>('/api/invitations', { email, role, ...(mesaId ? { mesaId } : {}) });
  const token = new URL(url).pathname.split('/').pop() ?? '';
  const res = await context.request.post(`/api/invitations/${token}/accept`, { data: { name, password: STAFF_PASSWORD } });
  expect(res.status(), await res.text()).toBe(201);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { email, api: staffApi(context.request, csrfToken) };
}
