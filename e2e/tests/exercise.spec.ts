import fs from 'node:fs';
import type { Download, Locator, Page } from '@playwright/test';
import { expect, shoot, test, type Actor } from './actors';
import { DEMO, DEMO_PASSWORD, addDays, finalizedCommitment, loadDemo, today } from './exerciseSetup';

/**
 * Issue 6 — the exercise of Gobierno Abierto. A facilitator takes an exercise from the Declaración
 * Conjunta to a published PAM (the STM complete, every sector approving it from its own browser),
 * records progress with evidence; a visitor with no account sees that progress on the micrositio's
 * tablero and downloads the evidence and the open data. The heavy set-up (a mesa with a finalized
 * commitment) goes through the API and the collaboration socket; everything the issue is about is
 * driven through the screens. A second test loads `npm run demo` and looks at every screen filled.
 */

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const EVIDENCE_CSV = 'tramite,dias_habiles_promedio\nLicencia de funcionamiento,12\nConstancia de domicilio,3\n';

/** Reads what a download saved. */
async function saved(download: Download): Promise<string> {
  const file = await download.path();
  return fs.readFileSync(file, 'utf8');
}

/** Clicks a link that downloads and returns the download. */
async function download(page: Page, link: Locator): Promise<Download> {
  const [d] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return d;
}

/** Registers an integrante through the registry's form; `account` is the email of the account that acts as them. */
async function register(page: Page, m: { name: string; sector: string; organization: string; position: string; account?: string }): Promise<void> {
  await page.getByTestId('member-name').fill(m.name);
  await page.getByTestId('member-sector').selectOption(m.sector);
  await page.getByTestId('member-organization').fill(m.organization);
  await page.getByTestId('member-position').fill(m.position);
  if (m.account) {
    const select = page.getByTestId('member-account');
    const value = await select.locator('option', { hasText: m.account }).getAttribute('value');
    await select.selectOption(value ?? '');
  }
  await page.getByTestId('member-save').click();
  await expect(page.locator(`[data-testid="member-row"][data-name="${m.name}"]`)).toBeVisible();
}

/** An STM seat holder approves the PAM for their sector from their own browser. */
async function approveFor(a: Actor, exercisePath: string, sector: string): Promise<void> {
  await a.page.goto(`${exercisePath}/pam`);
  const row = a.page.locator(`[data-testid="approval-sector"][data-sector="${sector}"]`);
  await expect(row).toHaveAttribute('data-state', 'pendiente');
  await a.page.getByTestId('approval-note').fill(`Aprobado en sesión del STM (${a.name}).`);
  await a.page.getByTestId('approve-pam').click();
  await expect(row).toHaveAttribute('data-state', 'aprobado');
  await expect(row).toContainText(`Aprobó ${a.name} (titular)`);
}

test('a facilitator takes an exercise from the declaration to a PAM every STM sector approved, records progress with evidence, and a visitor sees it on the tablero and downloads it', async ({ actor, staff, baseURL }) => {
  test.setTimeout(300_000);
  const day = today();
  const facilitator = await staff('facilitator', 'Rosa Facilitadora');
  const civil = await staff('stm', 'Itzel Mondragón Ruiz');
  const municipal = await staff('stm', 'Gerardo Pliego Salas');
  const garante = await staff('stm', 'Beatriz Quintana Ayala', { viewport: { width: 360, height: 740 } });
  const visitor = await actor('Visitante');
  const participant = await actor('Participante Julia', { width: 360, height: 740 });

  // Heavy set-up: a mesa whose commitment was finalized with its roadmap.
  const means = ['Conjunto de datos de tiempos de respuesta publicado', 'Minutas de las sesiones de vigilancia ciudadana'];
  const { mesaId, commitmentId, title } = await finalizedCommitment(facilitator.api, baseURL ?? '', {
    activities: [
      { description: 'Medir los tiempos de respuesta de 40 trámites', responsible: 'Dirección de Gobierno Digital', startDate: day, endDate: addDays(day, 90) },
      { description: 'Publicar los tiempos en el portal de datos abiertos', responsible: 'Unidad de Transparencia', startDate: addDays(day, 60), endDate: addDays(day, 200) },
      { description: 'Sesiones trimestrales de vigilancia ciudadana', responsible: 'Tenancingo Cómo Vamos A.C.', startDate: addDays(day, 90), endDate: addDays(day, 360) },
    ],
    meansOfVerification: means,
  });
  const page = facilitator.page;

  // The facilitator starts the exercise.
  await page.goto('/');
  await page.getByTestId('nav-ejercicios').click();
  await page.getByTestId('exercise-municipality').fill('Tenancingo');
  await page.getByTestId('exercise-start').fill(addDays(day, -30));
  await page.getByTestId('exercise-end').fill(addDays(day, 420));
  await page.getByTestId('exercise-create').click();
  await page.waitForURL(/\/ejercicios\/[A-Za-z0-9_-]+$/);
  const exercisePath = new URL(page.url()).pathname;
  const exerciseId = exercisePath.split('/').pop() ?? '';
  await expect(page.getByTestId('exercise-stage')).toHaveAttribute('data-stage', 'arranque');
  await expect(page.locator('[data-testid="phase"][data-phase="arranque"]')).toContainText('Falta registrar la Declaración Conjunta.');
  await expect(page.locator('[data-testid="phase"][data-phase="arranque"]')).toHaveAttribute('data-status', 'actual');
  await shoot(page, 'ejercicio-resumen-inicio');

  // 1) Arranque: the declaration signed by the three sectors, with its document.
  await page.getByTestId('exercise-tab-arranque').click();
  const signatories = [
    ['Mónica Esquivel Garduño', 'Presidenta Municipal', 'H. Ayuntamiento de Tenancingo', 'gobierno_municipal'],
    ['Beatriz Quintana Ayala', 'Comisionada', 'Infoem', 'organo_garante'],
    ['Itzel Mondragón Ruiz', 'Coordinadora', 'Tenancingo Cómo Vamos A.C.', 'sociedad_civil'],
  ] as const;
  for (const [i, [name, role, organization, sector]] of signatories.entries()) {
    await page.getByTestId('signatory-add').click();
    const row = page.getByTestId('signatory').nth(i);
    await row.getByTestId('signatory-name').fill(name);
    await row.getByTestId('signatory-role').fill(role);
    await row.getByTestId('signatory-organization').fill(organization);
    await row.getByTestId('signatory-sector').selectOption(sector);
    await row.getByTestId('signatory-date').fill(day);
  }
  // A ZIP is refused before it leaves the browser; a "PDF" that is text, by the server.
  const docInput = page.getByTestId('declaration-document-file');
  await docInput.setInputFiles({ name: 'firmas.zip', mimeType: 'application/zip', buffer: Buffer.from('PK\u0003\u0004') });
  await expect(page.getByTestId('declaration-document-error')).toContainText('Tipo de archivo no admitido («firmas.zip»)');
  await docInput.setInputFiles({ name: 'declaracion.pdf', mimeType: 'application/pdf', buffer: Buffer.from('esto no es un PDF') });
  await expect(page.getByTestId('declaration-document-error')).toHaveText('El contenido del archivo no corresponde a un PDF.');
  await docInput.setInputFiles({ name: 'declaracion-conjunta-firmada.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(page.getByTestId('declaration-document-value')).toContainText('declaracion-conjunta-firmada.pdf');
  await page.getByTestId('declaration-save').click();
  const arranqueGaps = page.getByTestId('gaps-arranque');
  await expect(arranqueGaps).toHaveText('Falta registrar el foro municipal del arranque.');
  // The launch forum, with a link as its evidence.
  await page.getByTestId('forum-title').fill('Foro municipal «Gobierno Abierto en Tenancingo»');
  await page.getByTestId('forum-date').fill(day);
  await page.getByTestId('forum-evidence-mode-enlace').check();
  await page.getByTestId('forum-evidence-url').fill('https://tenancingo.example.org/foro/relatoria');
  await page.getByTestId('forum-evidence-link-title').fill('Relatoría del foro');
  await page.getByTestId('forum-evidence-add-link').click();
  await page.getByTestId('forum-save').click();
  await expect(arranqueGaps).toHaveAttribute('data-count', '0');
  await shoot(page, 'ejercicio-arranque');

  // The registry of integrantes; the STM's seat holders act through their accounts.
  await page.getByTestId('exercise-tab-integrantes').click();
  await register(page, { name: 'Itzel Mondragón Ruiz', sector: 'sociedad_civil', organization: 'Tenancingo Cómo Vamos A.C.', position: 'Coordinadora', account: civil.email });
  await register(page, { name: 'Gerardo Pliego Salas', sector: 'gobierno_municipal', organization: 'H. Ayuntamiento de Tenancingo', position: 'Secretario del Ayuntamiento', account: municipal.email });
  await register(page, { name: 'Beatriz Quintana Ayala', sector: 'organo_garante', organization: 'Infoem', position: 'Comisionada', account: garante.email });
  await register(page, { name: 'Ramiro Ocampo Vega', sector: 'sociedad_civil', organization: 'Colectivo Flores de Tenancingo', position: 'Facilitador' });
  await shoot(page, 'ejercicio-integrantes');

  // 2) Sensibilización: an event where they joined.
  await page.getByTestId('exercise-tab-sensibilizacion').click();
  await page.getByTestId('awareness-new-title').fill('Sensibilización con actores sociales y municipales');
  await page.getByTestId('awareness-new-date').fill(day);
  await page.getByTestId('awareness-new-attendance').fill('42');
  await page.getByTestId('awareness-new-audience-sociedad_civil').check();
  await page.getByTestId('awareness-new-audience-gobierno_municipal').check();
  for (const box of await page.getByTestId('awareness-new-joined').all()) await box.check();
  await page.getByTestId('awareness-new-evidence-mode-enlace').check();
  await page.getByTestId('awareness-new-evidence-url').fill('https://tenancingo.example.org/sensibilizacion/fotos');
  await page.getByTestId('awareness-new-evidence-link-title').fill('Memoria fotográfica');
  await page.getByTestId('awareness-new-evidence-add-link').click();
  await page.getByTestId('awareness-new-save').click();
  await expect(page.getByTestId('awareness-event')).toHaveCount(1);
  await expect(page.getByTestId('gaps-sensibilizacion')).toHaveAttribute('data-count', '0');
  await shoot(page, 'ejercicio-sensibilizacion');

  // 3) The STM: the exact gaps of the minimum composition, until every seat and the facilitator are chosen.
  await page.getByTestId('exercise-tab-stm').click();
  const stmGaps = page.getByTestId('stm-gaps');
  await expect(stmGaps.locator('li')).toHaveText([
    'Falta la persona titular de la sociedad civil en el STM.',
    'Falta la persona titular de la autoridad municipal en el STM.',
    'Falta la persona titular del Órgano Garante en el STM.',
    'Falta elegir a la persona facilitadora, emanada de la sociedad civil.',
  ]);
  await page.getByTestId('stm-titular-sociedad_civil-0').selectOption({ label: 'Itzel Mondragón Ruiz' });
  await page.getByTestId('stm-titular-gobierno_municipal-0').selectOption({ label: 'Gerardo Pliego Salas' });
  await expect(stmGaps.locator('li')).toHaveText(['Falta la persona titular del Órgano Garante en el STM.', 'Falta elegir a la persona facilitadora, emanada de la sociedad civil.']);
  await page.getByTestId('stm-titular-organo_garante-0').selectOption({ label: 'Beatriz Quintana Ayala' });
  await page.getByTestId('stm-facilitator').selectOption({ label: 'Ramiro Ocampo Vega' });
  await page.getByTestId('stm-installed-on').fill(day);
  await expect(stmGaps).toHaveText('✓ La composición mínima está completa.');
  await page.getByTestId('stm-save').click();
  await expect(page.getByTestId('gaps-integracion_stm')).toContainText('Falta la persona suplente de la sociedad civil en el STM.');
  await shoot(page, 'ejercicio-stm');

  // 4) The mesa joins the exercise with its participant kit.
  await page.getByTestId('exercise-tab-mesas').click();
  await page.getByTestId('mesa-link-select').selectOption(mesaId);
  await page.getByTestId('mesa-link-submit').click();
  const mesa = page.locator(`[data-testid="exercise-mesa"][data-mesa-id="${mesaId}"]`);
  await expect(mesa).toContainText('1 compromiso finalizado');
  await mesa.locator('summary').first().click();
  await mesa.getByText('Problema público y consulta').click();
  await mesa.getByTestId('kit-problem').fill('Los trámites municipales tardan semanas y nadie sabe cuánto.');
  await mesa.getByTestId('kit-consultation').fill('Consulta «Tenancingo Abierto»');
  await mesa.getByTestId('kit-framing-save').click();
  await mesa.getByText('Agregar un documento').click();
  await mesa.getByTestId('kit-item-title').fill('Guía de la mesa');
  await mesa.getByTestId('kit-item-doc-mode-enlace').check();
  await mesa.getByTestId('kit-item-doc-url').fill('https://tenancingo.example.org/kit/guia');
  await mesa.getByTestId('kit-item-doc-link-title').fill('Guía de la mesa de trámites');
  await mesa.getByTestId('kit-item-doc-add-link').click();
  await mesa.getByTestId('kit-item-add').click();
  await expect(mesa.getByTestId('kit-gaps')).toHaveText('✓ El kit tiene lo necesario.');
  await mesa.getByTestId('kit-publish').click();
  await expect(mesa).toContainText('Publicado en el micrositio');
  await shoot(page, 'ejercicio-mesas-kit');

  // The mesa's participants read the kit with their join link, no account.
  await participant.page.goto(`/mesas/${mesaId}/kit`);
  await participant.page.getByTestId('join-name-input').fill(participant.name);
  await participant.page.getByTestId('join-submit').click();
  await expect(participant.page.getByTestId('kit-public-problem')).toHaveText('Los trámites municipales tardan semanas y nadie sabe cuánto.');
  await expect(participant.page.getByTestId('kit-item')).toContainText('Guía de la mesa');
  await shoot(participant.page, 'kit-participante');

  // 5) The PAM: created for the exercise, the finalized commitment added on the PAM's page.
  await page.getByTestId('exercise-tab-pam').click();
  await page.getByTestId('plan-launch').fill(day);
  await page.getByTestId('plan-create').click();
  await page.getByTestId('plan-manage').click();
  await page.getByTestId('pam-add-commitment').selectOption(commitmentId);
  await page.getByTestId('pam-add-submit').click();
  await expect(page.getByTestId('pam-entry')).toHaveCount(1);
  await expect(page.getByTestId('pam-approve')).toHaveCount(0);
  await expect(page.getByTestId('pam-exercise-approvals')).toBeVisible();
  await page.getByTestId('pam-exercise-approvals').getByRole('link').click();
  await expect(page.getByTestId('plan-entries')).toContainText(title);
  const gaps = page.getByTestId('publication-gaps');
  await expect(gaps).toContainText('Falta la aprobación de la sociedad civil: debe aprobar Itzel Mondragón Ruiz (titular).');
  // Publishing before the STM approved is refused, and every missing approval is named.
  await page.getByTestId('plan-publish').click();
  const refusal = page.locator('[data-testid="action-error"][data-source="publish"]');
  await expect(refusal).toContainText('Aún no se puede publicar el PAM: 3 requisitos pendientes.');
  await expect(refusal).toContainText('Falta la aprobación del Órgano Garante: debe aprobar Beatriz Quintana Ayala (titular).');
  await shoot(page, 'ejercicio-pam-sin-aprobar');

  // Each sector's titular approves from their own browser.
  await approveFor(civil, exercisePath, 'sociedad_civil');
  await approveFor(municipal, exercisePath, 'gobierno_municipal');
  await approveFor(garante, exercisePath, 'organo_garante');
  await expect(garante.page.getByTestId('pam-status')).toHaveAttribute('data-status', 'aprobado');
  await shoot(garante.page, 'ejercicio-pam-aprobacion-stm');

  // Nothing is missing any more: the facilitator publishes it.
  await page.reload();
  await expect(page.locator('[data-testid="approval-sector"][data-state="aprobado"]')).toHaveCount(3);
  await expect(gaps).toHaveText('✓ Todo listo: el PAM puede publicarse.');
  await page.getByTestId('plan-publish').click();
  await expect(page.getByTestId('pam-status')).toHaveAttribute('data-status', 'publicado');
  await shoot(page, 'ejercicio-pam-publicado');

  // 6) Seguimiento: progress rises only with evidence.
  await page.getByTestId('exercise-tab-seguimiento').click();
  const activity = page.getByTestId('activity').first();
  const activityId = (await activity.getAttribute('data-activity-id')) ?? '';
  const p = `activity-${activityId}`;
  await activity.getByTestId(`${p}-report`).click();
  await activity.getByTestId(`${p}-progress`).fill('50');
  await expect(activity.getByTestId(`${p}-hints`)).toContainText('Para subir el avance adjunta al menos una evidencia.');
  await activity.getByTestId(`${p}-submit`).click();
  await expect(activity.getByTestId(`${p}-refusal`)).toHaveText('Para subir el avance de 0 % a 50 % adjunta al menos una evidencia.');
  await activity.getByTestId(`${p}-evidence-means`).selectOption(means[0] ?? '');
  await activity.getByTestId(`${p}-evidence-description`).fill('Tiempos de respuesta de los primeros 20 trámites');
  await activity.getByTestId(`${p}-evidence-doc-file`).setInputFiles({ name: 'tiempos-de-respuesta-tramites.csv', mimeType: 'text/csv', buffer: Buffer.from(EVIDENCE_CSV) });
  await expect(activity.getByTestId(`${p}-evidence-doc-value`)).toContainText('tiempos-de-respuesta-tramites.csv');
  await activity.getByTestId(`${p}-note`).fill('Medición de enero.');
  await activity.getByTestId(`${p}-submit`).click();
  await expect(activity).toHaveAttribute('data-progress', '50');
  await expect(activity).toHaveAttribute('data-status', 'en_proceso');
  await expect(activity.getByTestId('activity-progress')).toContainText('50 %En proceso');
  await expect(page.getByTestId('commitment-progress')).toHaveAttribute('data-value', '16.7 %');
  await expect(page.getByTestId('plan-progress')).toContainText('Limitado');
  await shoot(page, 'ejercicio-seguimiento');

  await page.getByTestId('exercise-tab-evaluacion').click();
  await expect(page.getByTestId('reminders').getByTestId('reminder')).toHaveCount(2);
  await expect(page.locator('[data-testid="reminder"][data-kind="monitoreo_seis_meses"]')).toHaveAttribute('data-status', 'programada');
  await shoot(page, 'ejercicio-evaluacion');

  // The micrositio goes public.
  await page.getByTestId('exercise-tab-resumen').click();
  await page.getByTestId('micrositio-publish').click();
  await expect(page.getByTestId('micrositio-link')).toBeVisible();
  await expect(page.getByTestId('exercise-stage')).toHaveAttribute('data-stage', 'seguimiento');
  await shoot(page, 'ejercicio-resumen');

  // A visitor, no account, finds the micrositio from the home page and sees the progress on the tablero.
  const v = visitor.page;
  await v.goto('/');
  await v.getByTestId('landing-micrositios').click();
  await v.locator(`[data-testid="micrositio-item"][data-id="${exerciseId}"]`).click();
  await expect(v.getByTestId('micrositio')).toHaveAttribute('data-stage', 'seguimiento');
  await expect(v.getByTestId('micrositio-title')).toHaveText('Ejercicio de Gobierno Abierto de Tenancingo');
  await expect(v.getByTestId('public-seat')).toHaveCount(3);
  await expect(v.getByTestId('public-approvals').locator('li')).toHaveCount(3);
  const bar = v.locator(`[data-testid="commitment-bar"][data-commitment-id="${commitmentId}"]`);
  await expect(bar).toContainText('16.7 %');
  await expect(bar).toContainText('Limitado');
  const activityBar = v.locator(`[data-testid="activity-bar"][data-activity-id="${activityId}"]`);
  await expect(activityBar).toHaveAttribute('data-progress', '50');
  await expect(activityBar).toContainText('50 %En proceso');
  await expect(v.getByTestId('status-counts')).toContainText('En proceso: 1');
  await shoot(v, 'micrositio-tablero');

  // … downloads the evidence file and the open data, and gets exactly what was recorded.
  const evidence = v.locator('[data-testid="public-evidence-doc"][data-kind="archivo"]');
  await expect(evidence).toHaveCount(1);
  const file = await download(v, evidence);
  expect(file.suggestedFilename()).toBe('tiempos-de-respuesta-tramites.csv');
  expect(await saved(file)).toBe(EVIDENCE_CSV);

  const tablero = await saved(await download(v, v.getByTestId('open-data-tablero-csv')));
  const lines = tablero.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  expect(lines[0]).toBe(
    'pam_id,municipio,compromiso_id,compromiso_version,compromiso_titulo,compromiso_avance,compromiso_nivel_ogp,actividad_id,actividad_numero,actividad_descripcion,actividad_responsable,actividad_inicio,actividad_fin,actividad_estado,actividad_avance,evidencias,ultima_evidencia,ultima_actualizacion',
  );
  expect(lines).toHaveLength(4);
  expect(lines[1]).toContain(`${commitmentId},1,${title},16.7,Limitado,${activityId},1,Medir los tiempos de respuesta de 40 trámites`);
  expect(lines[1]).toContain(`En proceso,50,1,${day},`);

  const rows = JSON.parse(await saved(await download(v, v.getByTestId('open-data-evidencias-json')))) as Record<string, unknown>[];
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({
    compromiso_id: commitmentId,
    actividad_id: activityId,
    fecha: day,
    descripcion: 'Tiempos de respuesta de los primeros 20 trámites',
    medio_de_verificacion: means[0],
    tipo: 'archivo',
    titulo: 'tiempos-de-respuesta-tramites.csv',
    tipo_de_medio: 'text/csv',
    bytes: Buffer.byteLength(EVIDENCE_CSV),
  });
  // The URL open data gives for the file downloads the same bytes, still without an account.
  const res = await visitor.context.request.get(String(rows[0]?.url));
  expect(res.status()).toBe(200);
  expect(await res.text()).toBe(EVIDENCE_CSV);
  // Nothing private reaches the public: no contact, no account.
  const stm = await saved(await download(v, v.getByTestId('open-data-stm-json')));
  expect(stm).not.toContain('@');
});

test('after npm run demo, every screen of the Metepec exercise is filled in for the facilitator, an STM member and a visitor', async ({ actor }) => {
  test.setTimeout(180_000);
  loadDemo();
  const lucia = await actor('Lucía Benítez Carranza');
  expect((await lucia.context.request.post('/api/auth/sign-in', { data: { email: DEMO.facilitator, password: DEMO_PASSWORD } })).ok()).toBe(true);
  const page = lucia.page;
  await page.goto('/ejercicios');
  await page.locator('[data-testid="exercise-item"]', { hasText: 'Metepec' }).click();
  await expect(page.getByTestId('exercise-stage')).toHaveAttribute('data-stage', 'seguimiento');
  await expect(page.locator('[data-testid="phase"][data-status="completa"]')).toHaveCount(5);
  await expect(page.getByTestId('exercise-figures')).toContainText('15');
  await shoot(page, 'demo-resumen');

  const sections: [string, () => Promise<void>][] = [
    ['arranque', () => expect(page.getByTestId('signatory')).toHaveCount(4)],
    ['sensibilizacion', () => expect(page.getByTestId('awareness-event')).toHaveCount(3)],
    ['integrantes', () => expect(page.getByTestId('member-row')).toHaveCount(15)],
    ['stm', () => expect(page.getByTestId('stm-gaps')).toHaveText('✓ La composición mínima está completa.')],
    ['mesas', () => expect(page.getByTestId('exercise-mesa')).toHaveCount(3)],
    ['pam', () => expect(page.locator('[data-testid="approval-sector"][data-state="aprobado"]')).toHaveCount(3)],
    ['seguimiento', () => expect(page.getByTestId('activity')).toHaveCount(9)],
    ['evaluacion', () => expect(page.getByTestId('monitoring-commitment')).toHaveCount(3)],
  ];
  for (const [section, check] of sections) {
    await page.getByTestId(`exercise-tab-${section}`).click();
    await check();
    await shoot(page, `demo-${section}`);
  }

  // The kit of a demo mesa, as its readers see it.
  await page.getByTestId('exercise-tab-mesas').click();
  const mesaId = await page.getByTestId('exercise-mesa').first().getAttribute('data-mesa-id');
  await page.goto(`/mesas/${mesaId}/kit`);
  await expect(page.getByTestId('kit-item')).toHaveCount(3);
  await shoot(page, 'demo-kit');

  // An STM member of the Órgano Garante sees the approvals, with nothing left to approve.
  const sofia = await actor('Sofía Garduño Pliego', { width: 360, height: 740 });
  expect((await sofia.context.request.post('/api/auth/sign-in', { data: { email: DEMO.organoGarante, password: DEMO_PASSWORD } })).ok()).toBe(true);
  await sofia.page.goto('/ejercicios');
  await sofia.page.locator('[data-testid="exercise-item"]', { hasText: 'Metepec' }).click();
  await sofia.page.getByTestId('exercise-tab-pam').click();
  await expect(sofia.page.locator('[data-testid="approval-sector"][data-sector="organo_garante"]')).toContainText('Aprobó Sofía Garduño Pliego (titular)');
  await expect(sofia.page.getByTestId('approve-pam')).toHaveCount(0);
  await expect(sofia.page.getByTestId('micrositio-publish')).toHaveCount(0);
  await shoot(sofia.page, 'demo-stm-pam');

  // A visitor reads the Metepec micrositio.
  const visitor = await actor('Visitante');
  await visitor.page.goto('/micrositio');
  await visitor.page.locator('[data-testid="micrositio-item"]', { hasText: 'Metepec' }).click();
  await expect(visitor.page.getByTestId('commitment-bar')).toHaveCount(3);
  await expect(visitor.page.getByTestId('activity-bar')).toHaveCount(9);
  await expect(visitor.page.getByTestId('public-evidence')).toHaveCount(18);
  await expect(visitor.page.getByTestId('monitoring-commitment')).toHaveCount(3);
  await expect(visitor.page.getByTestId('ods-goal').first()).toBeVisible();
  await expect(visitor.page.getByTestId('open-data-table')).not.toHaveCount(0);
  await shoot(visitor.page, 'demo-micrositio');
});

test('a year after the PAM launched, the facilitator records the six-month monitoring and the final evaluation, and the exercise concludes', async ({ actor, staff, baseURL }) => {
  test.setTimeout(180_000);
  const day = today();
  const launch = addDays(day, -400);
  const facilitator = await staff('facilitator', 'Rosa Facilitadora');
  const seats = [
    ['sociedad_civil', await staff('stm', 'Natalia Garduño Pérez')],
    ['gobierno_municipal', await staff('stm', 'Óscar Villa Mercado')],
    ['organo_garante', await staff('stm', 'Laura Sámano Ortiz')],
  ] as const;
  const { api } = facilitator;

  // Set up through the API: the exercise, its STM linked to accounts, the PAM launched 400 days ago,
  // approved by every sector and published. The reviews are what this test drives on screen.
  const { commitmentId, title } = await finalizedCommitment(api, baseURL ?? '', {
    activities: [{ description: 'Medir los tiempos de respuesta de 40 trámites', responsible: 'Dirección de Gobierno Digital', startDate: launch, endDate: addDays(launch, 300) }],
    meansOfVerification: ['Conjunto de datos de tiempos de respuesta publicado'],
  });
  const { exercise } = await api.post<{ exercise: { id: string } }>('/api/exercises', {
    municipality: 'Malinalco',
    title: 'Ejercicio de Gobierno Abierto de Malinalco',
    period: { startDate: addDays(launch, -120), endDate: addDays(day, 90) },
  });
  const ids: Partial<Record<string, string>> = {};
  for (const [sector, a] of seats) {
    const me = (await (await a.context.request.get('/api/auth/me')).json()) as { account: { id: string } };
    const { member } = await api.post<{ member: { id: string } }>(`/api/exercises/${exercise.id}/members`, {
      kind: 'persona', name: a.name, sector, joinedOn: addDays(launch, -100), accountId: me.account.id,
    });
    ids[sector] = member.id;
  }
  const { member: facil } = await api.post<{ member: { id: string } }>(`/api/exercises/${exercise.id}/members`, {
    kind: 'persona', name: 'Ernesto Salinas Ruiz', sector: 'sociedad_civil', joinedOn: addDays(launch, -100),
  });
  const put = async (url: string, data: unknown) => {
    const res = await facilitator.context.request.put(url, { data, headers: { 'x-csrf-token': api.csrf } });
    expect(res.ok(), await res.text()).toBe(true);
  };
  await put(`/api/exercises/${exercise.id}/stm`, {
    installedOn: addDays(launch, -90),
    seats: seats.map(([sector]) => ({ id: `seat-${sector}`, sector, titularId: ids[sector] })),
    facilitatorId: facil.id,
  });
  const { pam } = await api.post<{ pam: { id: string } }>(`/api/exercises/${exercise.id}/pam`, { title: 'Plan de Acción Municipal de Malinalco', launchDate: launch });
  await api.post(`/api/pams/${pam.id}/entries`, { commitmentId });
  for (const [, a] of seats) await a.api.post(`/api/pams/${pam.id}/approvals`, { note: '' });
  await api.post(`/api/pams/${pam.id}/publish`);
  await api.post(`/api/exercises/${exercise.id}/publish`);

  const page = facilitator.page;
  await page.goto(`/ejercicios/${exercise.id}/evaluacion`);
  await expect(page.locator('[data-testid="reminder"][data-kind="monitoreo_seis_meses"]')).toHaveAttribute('data-status', 'vencida');
  await expect(page.locator('[data-testid="reminder"][data-kind="evaluacion_final"]')).toHaveAttribute('data-status', 'por_vencer');
  // Both are due, so the facilitator is reminded on every page of the exercise.
  await expect(page.locator('[data-testid="reminder-banner"][data-kind="monitoreo_seis_meses"]')).toContainText('Vencida: Monitoreo a los seis meses: venció el');
  await expect(page.getByTestId('reminder-banner')).toHaveCount(2);

  // The six-month monitoring: quality and relevance criterion by criterion, the schedule, with reasons.
  const monitoring = page.getByTestId('monitoring-form');
  for (const select of await monitoring.locator('select[data-testid^="monitoring-"]:not([data-testid="monitoring-schedule"])').all()) {
    await select.selectOption('cumple');
  }
  for (const input of await monitoring.locator('input[data-testid$="-reasons"]').all()) await input.fill('Se sostiene con lo publicado a la fecha de corte.');
  await monitoring.getByTestId('monitoring-schedule').selectOption('con_retraso');
  await monitoring.getByTestId('monitoring-recommendations').fill('Publicar la primera medición antes de la siguiente sesión del STM.');
  await shoot(page, 'ejercicio-monitoreo-formulario');
  await page.getByTestId('monitoring-submit').click();
  const recorded = page.locator('[data-testid="monitoring-commitment"]');
  await expect(recorded).toHaveCount(1);
  await expect(recorded).toContainText(title);
  await expect(recorded).toContainText('Cumple 10 de 10 criterios de calidad y relevancia.');
  await expect(recorded).toContainText('Con retraso');

  // The final evaluation, on the IRM's scales; completion differs from the tracking and is shown.
  const evaluation = page.getByTestId('evaluation-form');
  await evaluation.getByTestId('evaluation-summary').fill('El compromiso no avanzó en el año de vigencia.');
  const answers = { verifiable: 'si', potentialForResults: 'modesto', completion: 'limitado', openedGovernment: 'no_cambio' } as const;
  for (const [q, value] of Object.entries(answers)) {
    await evaluation.getByTestId(`evaluation-${q}`).selectOption(value);
    await evaluation.getByTestId(`evaluation-${q}-reasons`).fill('Según la evidencia pública del seguimiento.');
  }
  await page.getByTestId('evaluation-submit').click();
  await expect(page.getByTestId('evaluation-results')).toContainText('la evaluación dice «Limitado» y el seguimiento registra «No iniciado» (0 %)');
  await expect(page.getByTestId('evaluation-results')).toContainText(`«${title}»: la evaluación dice`);
  await expect(page.locator('[data-testid="reminder"][data-status="hecha"]')).toHaveCount(2);
  await expect(page.getByTestId('reminder-banner')).toHaveCount(0);
  await shoot(page, 'ejercicio-evaluacion-registrada');

  await page.getByTestId('exercise-tab-resumen').click();
  await expect(page.getByTestId('exercise-stage')).toHaveAttribute('data-stage', 'concluido');
  await expect(page.getByTestId('exercise-stage')).toHaveText('Ejercicio concluido');

  // The visitor reads both results on the micrositio.
  const visitor = await actor('Visitante');
  await visitor.page.goto(`/micrositio/${exercise.id}`);
  await expect(visitor.page.getByTestId('monitoring-commitment')).toHaveCount(1);
  await expect(visitor.page.getByTestId('evaluation-commitment')).toContainText('Modesto');
  await shoot(visitor.page, 'micrositio-resultados');
});
