import { test as base, expect, type Browser, type Page } from '@playwright/test';

/** A named person in their own browser context (own storage, own socket). */
export interface Actor {
  name: string;
  page: Page;
}

interface Fixtures {
  /** Opens a fresh browser context for a named actor; closed after the test. */
  actor: (name: string, viewport?: { width: number; height: number }) => Promise<Actor>;
}

async function openActor(browser: Browser, name: string, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport, locale: 'es-MX' });
  return { context, actor: { name, page: await context.newPage() } };
}

/** `test` with the `actor` fixture: facilitator, participant, … each in a separate context. */
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
});

export { expect };

/** Answers the name prompt of a mesa page and waits until the canvas is live. */
export async function joinAs(actor: Actor): Promise<void> {
  await actor.page.getByTestId('join-name-input').fill(actor.name);
  await actor.page.getByTestId('join-submit').click();
  await expect(actor.page.getByTestId('status-connection')).toHaveAttribute('data-state', 'connected');
  await expect(actor.page.locator('[data-testid="tree-node"][data-kind="problem"]')).toBeVisible();
}
