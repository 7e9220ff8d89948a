import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { adminApi, inviteInto, type StaffApi, type StaffRole } from './staff';

/** A named person in their own browser context (own storage, own socket). */
export interface Actor {
  name: string;
  page: Page;
  context: BrowserContext;
}

/** A person with an account, signed in in their own context, and an API client on their session. */
export interface StaffActor extends Actor {
  email: string;
  api: StaffApi;
}

type Viewport = { width: number; height: number };

interface Fixtures {
  /** Opens a fresh browser context for a named actor (a visitor or participant); closed after the test. */
  actor: (name: string, viewport?: Viewport) => Promise<Actor>;
  /** The administrator's API session, for setting a test up. */
  admin: StaffApi;
  /** An account of `role`, invited by the administrator and signed in in its own context. */
  staff: (role: StaffRole, name: string, opts?: { mesaId?: string; viewport?: Viewport }) => Promise<StaffActor>;
}

async function openActor(browser: Browser, name: string, viewport: Viewport) {
  const context = await browser.newContext({ viewport, locale: 'es-MX' });
  return { context, actor: { name, page: await context.newPage(), context } };
}

/** `test` with the `actor`, `admin` and `staff` fixtures: each person in a separate context. */
export const test = base.extend<Fixtures>({
  actor: async ({ browser }, use) => {
    const opened: { close(): Promise<void> }[] = [];
    await use(async (name, viewport = { width: 1280, height: 800 }) => {
      const { context, actor } = await openActor(browser, name, viewport);
      opened.push(context);
      return actor;
    });
    for (const c of opened) await c.close();
  },
  admin: async ({ baseURL }, use) => {
    const { ctx, api } = await adminApi(baseURL ?? '');
    await use(api);
    await ctx.dispose();
  },
  staff: async ({ actor, admin }, use) => {
    await use(async (role, name, opts = {}) => {
      const a = await actor(name, opts.viewport);
      const { email, api } = await inviteInto(admin, a.context, role, name, opts.mesaId);
      return { ...a, email, api };
    });
  },
});

export { expect };

/** Answers the join form of a mesa page with the actor's name and waits until the canvas is live. */
export async function joinAs(actor: Actor): Promise<void> {
  await actor.page.getByTestId('join-name-input').fill(actor.name);
  await actor.page.getByTestId('join-submit').click();
  await waitForTree(actor);
}

/** Waits until the mesa's canvas is connected and shows the problem. */
export async function waitForTree(actor: Actor): Promise<void> {
  await expect(actor.page.getByTestId('status-connection')).toHaveAttribute('data-state', 'connected');
  await expect(actor.page.locator('[data-testid="tree-node"][data-kind="problem"]')).toBeVisible();
}

const SHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../artifacts/screenshots');

/**
 * Screenshots the page at 1280 px and at 360 px wide into `e2e/artifacts/screenshots/`, then
 * puts the viewport back. Returns the two paths. `fullPage: false` keeps a long page to the
 * first screen.
 */
export async function shoot(page: Page, name: string, { fullPage = true }: { fullPage?: boolean } = {}): Promise<string[]> {
  fs.mkdirSync(SHOTS, { recursive: true });
  const before = page.viewportSize() ?? { width: 1280, height: 800 };
  const paths: string[] = [];
  for (const size of [
    { width: 1280, height: 800 },
    { width: 360, height: 740 },
  ]) {
    await page.setViewportSize(size);
    // Layout settles on the next frames; wait for two of them rather than for a fixed time.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const file = path.join(SHOTS, `${name}-${size.width}.png`);
    await page.screenshot({ path: file, fullPage });
    paths.push(file);
  }
  await page.setViewportSize(before);
  return paths;
}
