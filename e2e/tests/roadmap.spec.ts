import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { REVIEW_CRITERIA } from '@cocrea/domain';
import { expect, test, type Actor } from './actors';

/** Text of a downloaded DOCX (its main document part, tags stripped). */
function docxText(file: string): string {
  const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
  return xml.replace(/<w:tab\/>/g, ' ').replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
}

/** Text of a downloaded PDF (poppler's pdftotext). */
function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** Opens the commitment's page: a participant gives a name on the way, an account goes straight in. */
async function openCommitmentPage(actor: Actor, url: string, asParticipant: boolean): Promise<void> {
  await actor.page.goto(url);
  if (asParticipant) {
    await actor.page.getByTestId('join-name-input').fill(actor.name);
    await actor.page.getByTestId('join-submit').click();
  }
  await expect(actor.page.getByTestId('roadmap-narrative').locator('.ProseMirror')).toBeVisible();
}

async function fill(actor: Actor, testId: string, value: string, within?: string): Promise<void> {
  const scope = within ? actor.page.getByTestId(within).last() : actor.page;
  await scope.getByTestId(testId).fill(value);
}

test('two people co-write a roadmap, the facilitator finalizes and files it as DOCX and PDF', async ({ actor, staff }, testInfo) => {
  test.setTimeout(120_000);
  const facilitator = await staff('facilitator', 'Rosa Facilitadora');
  const participant = await actor('Luis Participante');

  // The mesa already agreed a feasible, definitive commitment (set up through the facilitator's session).
  const { api } = facilitator;
  const { mesa } = await api.post<{ mesa: { id: string } }>('/api/mesas', { title: 'Mesa de agua', topic: 'Agua potable', description: 'Baja calidad del agua' });
  const { commitment } = await api.post<{ commitment: { id: string } }>(`/api/mesas/${mesa.id}/commitments`, { title: 'Monitoreo ciudadano del agua' });
  const criteria = Object.fromEntries(REVIEW_CRITERIA.map((c) => [c, { verdict: 'cumple', reasons: 'Cumple.' }]));
  await api.post(`/api/commitments/${commitment.id}/review`, { criteria, decision: 'factible' });
  await api.post(`/api/commitments/${commitment.id}/definitive`);
  const url = `/mesas/${mesa.id}/compromisos/${commitment.id}`;

  await openCommitmentPage(facilitator, url, false);
  await openCommitmentPage(participant, url, true);
  // The participant co-writes but does not finalize: that is the facilitator's step.
  await expect(participant.page.getByTestId('finalize')).toHaveCount(0);

  // Each writes in the narrative and sees the other's text and caret.
  const fEditor = facilitator.page.getByTestId('roadmap-narrative').locator('.ProseMirror');
  const pEditor = participant.page.getByTestId('roadmap-narrative').locator('.ProseMirror');
  await fEditor.click();
  await facilitator.page.keyboard.type('Propuesta de Rosa.');
  await expect(pEditor).toContainText('Propuesta de Rosa.');
  await pEditor.click();
  await participant.page.keyboard.press('End');
  await participant.page.keyboard.type(' Comentario de Luis.');
  await expect(fEditor).toContainText('Propuesta de Rosa. Comentario de Luis.');
  await expect(facilitator.page.locator('.collaboration-carets__label').filter({ hasText: 'Luis Participante' })).toBeVisible();
  await fEditor.click();
  await expect(participant.page.locator('.collaboration-carets__label').filter({ hasText: 'Rosa Facilitadora' })).toBeVisible();

  // Finalizing too early lists what is missing, in Spanish, and stores nothing.
  await facilitator.page.getByTestId('finalize').click();
  await expect(facilitator.page.getByTestId('missing-item').first()).toBeVisible();
  await expect(facilitator.page.getByTestId('missing-list')).toContainText('Falta el nombre de la persona servidora pública responsable');
  await expect(facilitator.page.getByTestId('version-item')).toHaveCount(0);

  // They split the eight elements between them.
  await fill(facilitator, 'field-responsibleName', 'Laura Méndez Ruiz');
  await fill(facilitator, 'field-responsiblePosition', 'Directora General');
  await fill(facilitator, 'field-responsibleOffice', 'Organismo de Agua Potable');
  await fill(participant, 'field-coOrganization', 'Agua Clara Toluca A.C.');
  await fill(participant, 'field-finalResult', 'Sistema público de monitoreo del agua');
  await fill(facilitator, 'field-startDate', '2027-02-01');
  await fill(facilitator, 'field-endDate', '2028-01-31');
  await fill(participant, 'activity-description', 'Instalar puntos de monitoreo ciudadano', 'activity-item');
  await fill(participant, 'activity-responsible', 'Agua Clara Toluca A.C.', 'activity-item');
  await fill(participant, 'activity-start', '2027-03-01', 'activity-item');
  await fill(participant, 'activity-end', '2027-09-30', 'activity-item');
  await fill(facilitator, 'indicator-name', 'Colonias con monitoreo ciudadano', 'indicator-item');
  await fill(facilitator, 'indicator-unit', 'colonias', 'indicator-item');
  await fill(facilitator, 'indicator-baseline', '0', 'indicator-item');
  await fill(facilitator, 'indicator-goal', '24', 'indicator-item');
  await fill(participant, 'product-text', 'Tablero público de calidad del agua', 'product-item');
  await fill(participant, 'verification-text', 'Actas de instalación firmadas', 'verification-item');
  await facilitator.page.getByTestId('ods-goal-16').click();
  await facilitator.page.getByTestId('ods-target-16.10').check();
  await expect(participant.page.getByTestId('field-responsibleName')).toHaveValue('Laura Méndez Ruiz');
  await expect(facilitator.page.getByTestId('field-coOrganization')).toHaveValue('Agua Clara Toluca A.C.');
  await expect(facilitator.page.getByTestId('roadmap-status-save')).toHaveAttribute('data-state', 'saved');
  await expect(participant.page.getByTestId('roadmap-status-save')).toHaveAttribute('data-state', 'saved');

  // Finalize: both see the roadmap locked; the facilitator downloads the files.
  await facilitator.page.getByTestId('finalize').click();
  await expect(facilitator.page.getByTestId('version-item')).toHaveCount(1);
  await expect(facilitator.page.getByTestId('commitment-status')).toHaveAttribute('data-status', 'finalizado');
  await expect(participant.page.getByTestId('roadmap-locked')).toBeVisible();
  await expect(participant.page.getByTestId('field-finalResult')).toBeDisabled();

  const files: Record<string, string> = {};
  for (const kind of ['docx', 'pdf'] as const) {
    const [download] = await Promise.all([
      facilitator.page.waitForEvent('download'),
      facilitator.page.getByTestId('version-item').getByTestId(`download-${kind}`).click(),
    ]);
    const file = testInfo.outputPath(`compromiso.${kind}`);
    await download.saveAs(file);
    expect(fs.statSync(file).size).toBeGreaterThan(1000);
    files[kind] = kind === 'docx' ? docxText(file) : pdfText(file);
  }
  for (const [kind, text] of Object.entries(files)) {
    const flat = text.replace(/\s+/g, ' ');
    for (const expected of ['Monitoreo ciudadano del agua', 'Laura Méndez Ruiz', 'Colonias con monitoreo ciudadano', '1 de febrero de 2027', '31 de enero de 2028']) {
      expect(flat, `${kind} contains ${expected}`).toContain(expected);
    }
  }
  await facilitator.page.screenshot({ path: testInfo.outputPath('hoja-de-ruta.png'), fullPage: true });
});
