import { expect, joinAs, test, waitForTree } from './actors';

test('a participant who joins by link adds a cause that the facilitator sees and edits', async ({ actor, staff }, testInfo) => {
  const facilitator = await staff('facilitator', 'Facilitadora Rosa');
  const participant = await actor('Participante Luis', { width: 360, height: 740 });

  // The facilitator, signed in, convenes a mesa from the home page and is never asked for a name.
  await facilitator.page.goto('/');
  await facilitator.page.getByTestId('create-mesa-title').fill('Mesa de agua potable');
  await facilitator.page.getByTestId('create-mesa-topic').fill('Agua potable');
  await facilitator.page.getByTestId('create-mesa-description').fill('Baja calidad del agua en la cabecera municipal');
  await facilitator.page.getByTestId('create-mesa-submit').click();
  await facilitator.page.waitForURL(/\/mesas\/[A-Za-z0-9_-]+$/);
  await waitForTree(facilitator);
  await expect(facilitator.page.getByTestId('join-name-input')).toHaveCount(0);
  await expect(facilitator.page.locator('[data-testid="tree-node"][data-kind="problem"] [data-testid="node-text"]')).toHaveValue(
    'Baja calidad del agua en la cabecera municipal',
  );
  const link = await facilitator.page.getByTestId('share-link').inputValue();
  expect(link).toMatch(/\/mesas\/[A-Za-z0-9_-]+$/);

  // A participant opens the shared link on a phone, gives a name, and adds a cause under the problem.
  await participant.page.goto(link);
  await joinAs(participant);
  await participant.page.locator('[data-testid="tree-node"][data-kind="problem"] [data-testid="add-cause"]').click();
  const participantCause = participant.page.locator('[data-testid="tree-node"][data-kind="cause"]');
  await expect(participantCause).toHaveCount(1);

  // The facilitator sees it appear and writes its text; the participant sees the text.
  const cause = facilitator.page.locator('[data-testid="tree-node"][data-kind="cause"]');
  await expect(cause).toHaveCount(1);
  await cause.getByTestId('node-text').click();
  await cause.getByTestId('node-text').pressSequentially('Tuberías en mal estado');
  await expect(participantCause.getByTestId('node-text')).toHaveValue('Tuberías en mal estado');

  // Both see each other in the presence list, and both edits are durable.
  for (const a of [facilitator, participant]) {
    await expect(a.page.getByTestId('presence-item').filter({ hasText: 'Facilitadora Rosa' })).toHaveCount(1);
    await expect(a.page.getByTestId('presence-item').filter({ hasText: 'Participante Luis' })).toHaveCount(1);
    await expect(a.page.getByTestId('status-save')).toHaveAttribute('data-state', 'saved');
  }

  await facilitator.page.screenshot({ path: testInfo.outputPath('facilitadora.png') });
  await participant.page.screenshot({ path: testInfo.outputPath('participante-360px.png') });
  await testInfo.attach('facilitadora', { path: testInfo.outputPath('facilitadora.png'), contentType: 'image/png' });
  await testInfo.attach('participante-360px', { path: testInfo.outputPath('participante-360px.png'), contentType: 'image/png' });
});

test('a cause deleted after confirming disappears for everyone, and an expert of the mesa only watches', async ({ staff }) => {
  const facilitator = await staff('facilitator', 'Facilitadora Rosa');
  const { mesa, joinUrl } = await facilitator.api.post<{ mesa: { id: string }; joinUrl: string }>('/api/mesas', {
    title: 'Mesa de movilidad',
    topic: 'Movilidad',
    description: 'Congestión vial',
  });
  const expert = await staff('expert', 'Experta Marta', { mesaId: mesa.id });
  await facilitator.page.goto(joinUrl);
  await waitForTree(facilitator);
  await expert.page.goto(joinUrl);
  await waitForTree(expert);

  // The expert reads the tree: no adding, deleting or typing.
  await expect(expert.page.getByTestId('read-only-notice')).toHaveAttribute('data-reason', 'expert');
  await expect(expert.page.getByTestId('add-cause')).toHaveCount(0);
  await expect(expert.page.locator('[data-testid="tree-node"][data-kind="problem"] [data-testid="node-text"]')).toHaveAttribute('readonly', '');

  await facilitator.page.locator('[data-testid="tree-node"][data-kind="problem"] [data-testid="add-cause"]').click();
  const causes = facilitator.page.locator('[data-testid="tree-node"][data-kind="cause"]');
  await expect(causes).toHaveCount(1);
  await causes.first().getByTestId('add-cause').click();
  await expect(causes).toHaveCount(2);
  await expect(expert.page.locator('[data-testid="tree-node"][data-kind="cause"]')).toHaveCount(2);

  const root = facilitator.page.locator('[data-testid="tree-node"][data-kind="cause"]').first();
  await root.getByTestId('delete-node').click();
  await facilitator.page.getByTestId('cancel-delete').click();
  await expect(causes).toHaveCount(2);
  await root.getByTestId('delete-node').click();
  await facilitator.page.getByTestId('confirm-delete').click();
  await expect(causes).toHaveCount(0);
  await expect(expert.page.locator('[data-testid="tree-node"][data-kind="cause"]')).toHaveCount(0);
});
