import { expect, joinAs, shoot, test, waitForTree, type Actor } from './actors';
import { ADMIN, STAFF_PASSWORD, signInApi, uniqueEmail } from './staff';

/** Signs in through the page, as a person does. */
async function signIn(a: Actor, email: string, password: string): Promise<void> {
  await a.page.goto('/entrar');
  await a.page.getByTestId('sign-in-email').fill(email);
  await a.page.getByTestId('sign-in-password').fill(password);
  await a.page.getByTestId('sign-in-submit').click();
  await expect(a.page.getByTestId('account-menu')).toBeVisible();
}

/** Creates an invitation from the Invitaciones page and returns the link shown once. */
async function invite(a: Actor, email: string, role: string, mesaTitle?: string): Promise<string> {
  await a.page.getByTestId('invite-email').fill(email);
  await a.page.getByTestId('invite-role').selectOption(role);
  if (mesaTitle) await a.page.getByTestId('invite-mesa').selectOption({ label: mesaTitle });
  await a.page.getByTestId('invite-submit').click();
  const shown = a.page.getByTestId('created-invitation');
  await expect(shown).toContainText(email);
  const url = await a.page.getByTestId('invitation-url').inputValue();
  expect(url).toMatch(/\/invitaciones\/[^/]+$/);
  return url;
}

/** Accepts an invitation in the invitee's own context: name, password twice. */
async function accept(a: Actor, url: string, role: string): Promise<void> {
  await a.page.goto(url);
  await expect(a.page.getByTestId('invitation-offer')).toHaveAttribute('data-role', role);
  await a.page.getByTestId('accept-name').fill(a.name);
  await a.page.getByTestId('accept-password').fill(STAFF_PASSWORD);
  await a.page.getByTestId('accept-confirm').fill(STAFF_PASSWORD);
  await a.page.getByTestId('accept-submit').click();
  await expect(a.page.getByTestId('account-menu')).toBeVisible();
}

test('a visitor sees what cocrea is, and a wrong password is refused in Spanish', async ({ actor }) => {
  const visitor = await actor('Visitante');
  await visitor.page.goto('/');
  await expect(visitor.page.getByTestId('landing')).toBeVisible();
  await expect(visitor.page.getByTestId('nav-mesas')).toHaveCount(0);
  await expect(visitor.page.getByTestId('create-mesa-title')).toHaveCount(0);
  await shoot(visitor.page, 'inicio-visitante');

  await visitor.page.getByTestId('landing-sign-in').click();
  await visitor.page.getByTestId('sign-in-email').fill(ADMIN.email);
  await visitor.page.getByTestId('sign-in-password').fill('no-es-la-contraseña');
  await visitor.page.getByTestId('sign-in-submit').click();
  await expect(visitor.page.getByTestId('sign-in-error')).toHaveText('Correo o contraseña incorrectos.');
  await shoot(visitor.page, 'iniciar-sesion');
});

test('an admin invites an STM member and an expert, who accept in their own browsers and land signed in', async ({ actor }) => {
  test.setTimeout(120_000);
  const admin = await actor('Ana Administradora');
  const stm = await actor('Sofía del STM');
  const expert = await actor('Experto Jorge', { width: 360, height: 740 });

  await signIn(admin, ADMIN.email, ADMIN.password);
  await expect(admin.page.getByTestId('account-role')).toHaveCount(0);
  await admin.page.getByTestId('account-menu').click();
  await expect(admin.page.getByTestId('account-role')).toHaveAttribute('data-role', 'admin');
  await admin.page.getByTestId('account-menu').click();

  // A mesa for the expert.
  await admin.page.getByTestId('create-mesa-title').fill('Mesa de residuos');
  await admin.page.getByTestId('create-mesa-topic').fill('Residuos sólidos');
  await admin.page.getByTestId('create-mesa-submit').click();
  await admin.page.waitForURL(/\/mesas\/[A-Za-z0-9_-]+$/);
  await waitForTree(admin);
  const mesaPath = new URL(admin.page.url()).pathname;

  // Administración → Invitaciones: one STM member, one expert for the mesa.
  await admin.page.getByTestId('nav-admin').click();
  await admin.page.waitForURL(/\/admin\/invitaciones$/);
  const stmEmail = uniqueEmail('stm');
  const stmUrl = await invite(admin, stmEmail, 'stm');
  await shoot(admin.page, 'admin-invitacion-creada');
  const expertEmail = uniqueEmail('expert');
  const expertUrl = await invite(admin, expertEmail, 'expert', 'Mesa de residuos');
  await expect(admin.page.locator(`[data-testid="invitation-item"][data-email="${stmEmail}"]`)).toHaveAttribute('data-status', 'pendiente');

  // The STM member accepts and lands signed in; the mesa is read-only for them.
  await stm.page.goto(stmUrl);
  await expect(stm.page.getByTestId('invitation-offer')).toBeVisible();
  await shoot(stm.page, 'aceptar-invitacion');
  await accept(stm, stmUrl, 'stm');
  await expect(stm.page).toHaveURL(/\/$/);
  await expect(stm.page.getByTestId('account-name')).toHaveText('Sofía del STM');
  await expect(stm.page.getByTestId('nav-pam')).toBeVisible();
  await expect(stm.page.getByTestId('nav-admin')).toHaveCount(0);
  await expect(stm.page.getByTestId('create-mesa-title')).toHaveCount(0);
  await stm.page.goto(mesaPath);
  await waitForTree(stm);
  await expect(stm.page.getByTestId('read-only-notice')).toHaveAttribute('data-reason', 'stm');
  await expect(stm.page.getByTestId('add-cause')).toHaveCount(0);

  // The expert accepts on a phone and lands in their mesa, without being asked for a name.
  await accept(expert, expertUrl, 'expert');
  await expect(expert.page).toHaveURL(new RegExp(`${mesaPath}$`));
  await waitForTree(expert);
  await expect(expert.page.getByTestId('read-only-notice')).toHaveAttribute('data-reason', 'expert');
  await expect(expert.page.locator('[data-testid="presence-item"][data-self]')).toHaveAttribute('title', 'Experto Jorge');
  await shoot(expert.page, 'mesa-experto');

  // The admin sees both invitations accepted, the new accounts, and the audit log.
  await admin.page.reload();
  await expect(admin.page.locator(`[data-testid="invitation-item"][data-email="${stmEmail}"]`)).toHaveAttribute('data-status', 'aceptada');
  await expect(admin.page.locator(`[data-testid="invitation-item"][data-email="${expertEmail}"]`)).toHaveAttribute('data-status', 'aceptada');
  await shoot(admin.page, 'admin-invitaciones');
  await admin.page.getByTestId('admin-tab-accounts').click();
  await expect(admin.page.locator(`[data-testid="account-item"][data-email="${stmEmail}"]`)).toHaveAttribute('data-role', 'stm');
  await shoot(admin.page, 'admin-cuentas');
  await admin.page.getByTestId('admin-tab-audit').click();
  await expect(admin.page.locator('[data-testid="audit-entry"][data-action="invitation.accept"]').first()).toBeVisible();
  await admin.page.getByTestId('audit-mesa').selectOption({ label: 'Mesa de residuos' });
  await expect(admin.page.locator('[data-testid="audit-entry"][data-action="mesa.create"]')).toHaveCount(1);
  await shoot(admin.page, 'admin-bitacora');

  // Signing out from the header menu leaves a visitor.
  await stm.page.getByTestId('account-menu').click();
  await stm.page.getByTestId('sign-out').click();
  await expect(stm.page.getByTestId('landing')).toBeVisible();
});

test('a revoked invitation link says it is no longer valid', async ({ actor }) => {
  const admin = await actor('Ana Administradora');
  const invitee = await actor('Invitada Revocada', { width: 360, height: 740 });
  await signInApi(admin.context.request, ADMIN.email, ADMIN.password);
  await admin.page.goto('/admin/invitaciones');
  const email = uniqueEmail('stm');
  const url = await invite(admin, email, 'stm');
  const row = admin.page.locator(`[data-testid="invitation-item"][data-email="${email}"]`);
  await row.getByTestId('revoke-invitation').click();
  await expect(row).toHaveAttribute('data-status', 'revocada');

  await invitee.page.goto(url);
  await expect(invitee.page.getByTestId('invitation-gone')).toContainText('ya no es válida');
  await expect(invitee.page.getByTestId('accept-form')).toHaveCount(0);
  await shoot(invitee.page, 'invitacion-revocada');
});

test('a closed join link turns newcomers away in Spanish, while people already in stay', async ({ actor, staff }) => {
  test.setTimeout(120_000);
  const facilitator = await staff('facilitator', 'Facilitadora Rosa');
  const early = await actor('Participante Temprana', { width: 360, height: 740 });
  const late = await actor('Participante Tardío', { width: 360, height: 740 });
  const { joinUrl } = await facilitator.api.post<{ joinUrl: string }>('/api/mesas', { title: 'Mesa de seguridad', topic: 'Seguridad', description: 'Alumbrado insuficiente' });

  await early.page.goto(joinUrl);
  await expect(early.page.getByTestId('join-form')).toBeVisible();
  await early.page.getByTestId('join-organization').fill('Vecinos del Centro A.C.');
  await early.page.getByTestId('join-sector').selectOption('sociedad_civil');
  await shoot(early.page, 'unirse-a-la-mesa');
  await joinAs(early);

  // The facilitator closes the join link from "Gestionar mesa".
  await facilitator.page.goto(joinUrl);
  await waitForTree(facilitator);
  await facilitator.page.getByTestId('mesa-controls').click();
  await expect(facilitator.page.getByTestId('join-link-state')).toHaveAttribute('data-open', 'true');
  await facilitator.page.getByTestId('toggle-join-link').click();
  await expect(facilitator.page.getByTestId('join-link-state')).toHaveAttribute('data-open', 'false');
  await shoot(facilitator.page, 'gestionar-mesa');

  // A newcomer is told, in Spanish, that the link is closed.
  await late.page.goto(joinUrl);
  await expect(late.page.getByTestId('join-closed')).toHaveAttribute('data-reason', 'join_closed');
  await expect(late.page.getByTestId('join-closed')).toContainText('El enlace para unirse está cerrado');
  await expect(late.page.getByTestId('join-name-input')).toHaveCount(0);
  await shoot(late.page, 'enlace-cerrado');

  // Someone already in comes back after a reload: their renewal secret still works.
  await early.page.reload();
  await waitForTree(early);
  await expect(early.page.getByTestId('join-name-input')).toHaveCount(0);

  // Closing the mesa sends participants out and tells them why.
  await facilitator.page.getByTestId('toggle-mesa-status').click();
  await expect(facilitator.page.getByTestId('mesa-status')).toHaveAttribute('data-status', 'cerrada');
  await expect(early.page.getByTestId('access-problem')).toHaveAttribute('data-reason', 'mesa-closed');
  await shoot(early.page, 'mesa-cerrada-participante');
  await facilitator.page.getByTestId('mesa-controls-close').click();
  await expect(facilitator.page.getByTestId('read-only-notice')).toHaveAttribute('data-reason', 'closed');
  await late.page.reload();
  await expect(late.page.getByTestId('join-closed')).toHaveAttribute('data-reason', 'mesa_closed');
  await shoot(late.page, 'mesa-cerrada');
});

test('on a commitment the STM member reviews but does not decide, and a participant writes but does not review', async ({ actor, staff }) => {
  const facilitator = await staff('facilitator', 'Facilitadora Rosa');
  const { mesa } = await facilitator.api.post<{ mesa: { id: string } }>('/api/mesas', { title: 'Mesa de alumbrado', topic: 'Alumbrado', description: 'Calles sin luz' });
  const { commitment } = await facilitator.api.post<{ commitment: { id: string } }>(`/api/mesas/${mesa.id}/commitments`, { title: 'Alumbrado con participación vecinal' });
  const url = `/mesas/${mesa.id}/compromisos/${commitment.id}`;
  const stm = await staff('stm', 'Sofía del STM');
  const participant = await actor('Participante Ana', { width: 360, height: 740 });

  await stm.page.goto(url);
  await expect(stm.page.getByTestId('roadmap-narrative').locator('.ProseMirror')).toBeVisible();
  await expect(stm.page.getByTestId('review-submit')).toBeVisible();
  await expect(stm.page.getByTestId('make-definitive')).toHaveCount(0);
  await expect(stm.page.getByTestId('finalize')).toHaveCount(0);
  await expect(stm.page.getByTestId('read-only-notice')).toHaveAttribute('data-reason', 'stm');
  await expect(stm.page.getByTestId('field-finalResult')).toBeDisabled();
  await shoot(stm.page, 'compromiso-stm', { fullPage: false });
  await stm.page.goto(`/mesas/${mesa.id}/compromisos`);
  await expect(stm.page.getByTestId('commitment-item')).toHaveCount(1);
  await expect(stm.page.getByTestId('alternative-submit')).toHaveCount(0);

  await participant.page.goto(url);
  await participant.page.getByTestId('join-name-input').fill(participant.name);
  await participant.page.getByTestId('join-submit').click();
  await expect(participant.page.getByTestId('roadmap-narrative').locator('.ProseMirror')).toBeVisible();
  await expect(participant.page.getByTestId('review-submit')).toHaveCount(0);
  await expect(participant.page.getByTestId('finalize')).toHaveCount(0);
  await expect(participant.page.getByTestId('field-finalResult')).toBeEnabled();
  await shoot(participant.page, 'compromiso-participante', { fullPage: false });
  await participant.page.goto(`/mesas/${mesa.id}/compromisos`);
  await expect(participant.page.getByTestId('alternative-submit')).toBeVisible();
  await expect(participant.page.getByTestId('nav-pam')).toHaveCount(0);
});
