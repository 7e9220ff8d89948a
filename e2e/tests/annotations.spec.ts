import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { addNode, readTree } from '@cocrea/collab';
import { PROBLEM_NODE_ID } from '@cocrea/domain';
import { expect, joinAs, test, waitForTree } from './actors';

/**
 * Issue 4: an expert annotates a cause from her own browser; a participant sees the note appear
 * live and replies; the expert's attempt to edit the tree is refused by the server, not only
 * hidden by the UI.
 */
test('an expert annotates a cause, a participant replies live, and the expert cannot edit the tree', async ({ actor, staff, baseURL }) => {
  const facilitator = await staff('facilitator', 'Facilitadora Rosa');
  const { mesa, joinUrl } = await facilitator.api.post<{ mesa: { id: string }; joinUrl: string }>('/api/mesas', {
    title: 'Mesa de agua potable',
    topic: 'Agua potable',
    description: 'Baja calidad del agua',
  });
  const expert = await staff('expert', 'Experta Marta', { mesaId: mesa.id });
  const participant = await actor('Participante Luis', { width: 360, height: 740 });

  // The participant joins by link and writes a cause.
  await participant.page.goto(joinUrl);
  await joinAs(participant);
  await participant.page.locator('[data-testid="tree-node"][data-kind="problem"] [data-testid="add-cause"]').click();
  const cause = participant.page.locator('[data-testid="tree-node"][data-kind="cause"]');
  await expect(cause).toHaveCount(1);
  await cause.getByTestId('node-text').click();
  await cause.getByTestId('node-text').pressSequentially('Tuberías en mal estado');
  await expect(participant.page.getByTestId('status-save')).toHaveAttribute('data-state', 'saved');

  // The expert, signed in, opens the mesa: she reads the tree and may annotate it.
  await expert.page.goto(joinUrl);
  await waitForTree(expert);
  const expertCause = expert.page.locator('[data-testid="tree-node"][data-kind="cause"]');
  await expect(expertCause.getByTestId('node-text')).toHaveValue('Tuberías en mal estado');
  await expect(expertCause.getByTestId('node-text')).toHaveAttribute('readonly', '');
  await expertCause.getByTestId('node-annotations').click();
  const panel = expert.page.getByTestId('annotations-panel');
  await expect(panel).toBeVisible();
  await panel.getByTestId('annotation-add').click();
  await panel.getByTestId('annotation-kind').selectOption('evidencia');
  await panel.getByTestId('annotation-body').fill('El diagnóstico de la red de 2025 registra 38 % de fugas en la cabecera.');
  await panel.getByTestId('annotation-source').fill('https://example.org/diagnostico-red-2025.pdf');
  await panel.getByTestId('annotation-submit').click();
  await expect(panel.getByTestId('annotation-thread')).toHaveCount(1);

  // The participant sees the note appear live (a badge on the cause), opens it and replies.
  const badge = cause.getByTestId('node-annotations-badge');
  await expect(badge).toHaveText('1');
  await cause.getByTestId('node-annotations').click();
  const participantPanel = participant.page.getByTestId('annotations-panel');
  const thread = participantPanel.getByTestId('annotation-thread');
  await expect(thread).toContainText('38 % de fugas');
  await expect(thread.getByTestId('annotation-source-link')).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(participantPanel.getByTestId('annotation-add')).toHaveCount(0);
  await thread.getByTestId('annotation-reply').fill('En mi colonia hay fugas desde hace meses.');
  await thread.getByTestId('annotation-reply-submit').click();

  // The expert sees the reply live.
  await expect(panel.getByTestId('annotation-reply-item')).toContainText('En mi colonia hay fugas');

  // The expert tries to edit the tree anyway, with her own credentials and a client that ignores
  // the UI: the server authenticates her read-only and drops the write.
  const { token } = await expert.api.post<{ token: string }>(`/api/mesas/${mesa.id}/token`);
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url: `${(baseURL ?? '').replace('http', 'ws')}/collab`, WebSocketPolyfill: WebSocket });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: `mesa:${mesa.id}:tree`, document: doc, token });
  provider.attach();
  try {
    await expect.poll(() => provider.isSynced).toBe(true);
    expect(provider.authorizedScope).toBe('readonly');
    addNode(doc, { parentId: PROBLEM_NODE_ID, kind: 'cause', text: 'Causa que la experta no puede escribir', author: { id: 'x', name: 'Experta Marta' } });
    expect(readTree(doc).nodes.some((n) => n.text === 'Causa que la experta no puede escribir')).toBe(true);

    // A later edit by the participant reaches the facilitator; the expert's never does.
    await participant.page.locator('[data-testid="tree-node"][data-kind="problem"] [data-testid="add-effect"]').click();
    await facilitator.page.goto(joinUrl);
    await waitForTree(facilitator);
    await expect(facilitator.page.locator('[data-testid="tree-node"][data-kind="effect"]')).toHaveCount(1);
    await expect(facilitator.page.locator('[data-testid="tree-node"][data-kind="cause"]')).toHaveCount(1);
    await expect(participant.page.locator('[data-testid="tree-node"][data-kind="cause"]')).toHaveCount(1);
    await expect(expert.page.locator('[data-testid="tree-node"][data-kind="cause"]')).toHaveCount(1);
  } finally {
    provider.destroy();
    socket.destroy();
  }
});
