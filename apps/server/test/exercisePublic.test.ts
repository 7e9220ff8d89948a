import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@cocrea/domain';
import { api, join, startTestServer } from './harness';
import { ExerciseWorld, PDF_BYTES, PNG_BYTES, expectStatus, today, upload, type ApiError, type Server } from './exerciseWorld';

/*
 * Uploads (type, content and size checked; stored in the database; served sandboxed), the public
 * micrositio (published material only, nothing private) and its open data (JSON and CSV parse and
 * match docs/open-data.md and docs/schemas/exercise-open-data.schema.json), and participant kits.
 */

let server: Server;
let w: ExerciseWorld;
const SECRET_PROBLEM = 'PROBLEMA-SIN-PUBLICAR agua turbia';
beforeAll(async () => {
  server = await startTestServer();
  w = new ExerciseWorld(server);
  await w.setUp();
}, 120_000);
afterAll(async () => {
  await server.close();
});

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const pub = <T = unknown>(url: string) => api<T & ApiError>(server.url, 'GET', url);

describe('file uploads', () => {
  it('stores a PDF under its SHA-256 and serves it back sandboxed, to staff and the STM', async () => {
    const r = await upload(w.fac, w.exerciseId, PDF_BYTES, 'application/pdf; charset=binary', 'Declaración firmada.pdf');
    expect(r.status).toBe(201);
    expect(r.body.file).toEqual({ kind: 'archivo', name: 'Declaración firmada.pdf', mediaType: 'application/pdf', bytes: PDF_BYTES.byteLength, sha256: sha(PDF_BYTES) });
    const res = await fetch(`${server.url}/api/exercises/${w.exerciseId}/files/${sha(PDF_BYTES)}?name=${encodeURIComponent('Declaración firmada.pdf')}`, { headers: { cookie: w.accounts.sc.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="Declaracion firmada.pdf"; filename*=UTF-8''Declaraci%C3%B3n%20firmada.pdf`);
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(PDF_BYTES))).toBe(true);
    expect((await fetch(`${server.url}/api/exercises/${w.exerciseId}/files/${sha(PDF_BYTES)}`)).status).toBe(401);
    expect((await fetch(`${server.url}/api/exercises/${w.exerciseId}/files/${sha(PDF_BYTES)}`, { headers: { cookie: w.expert.cookie } })).status).toBe(403);
  });

  it('refuses types it does not take, content that is not what was declared, and empty files — storing nothing', async () => {
    const html = new TextEncoder().encode('<html><script>alert(1)</script></html>');
    const cases: [Uint8Array, string, number, RegExp][] = [
      [html, 'text/html', 415, /Tipo de archivo no admitido \(text\/html\)/],
      [html, 'image/svg+xml', 415, /Tipo de archivo no admitido/],
      [html, 'text/plain', 422, /parece una página HTML/],
      [PNG_BYTES, 'application/pdf', 422, /se declaró como PDF, pero su contenido es PNG/],
      [PDF_BYTES, 'image/png', 422, /se declaró como PNG, pero su contenido es PDF/],
      [PDF_BYTES, 'text/csv', 422, /se declaró como CSV, pero su contenido es PDF/],
      [new TextEncoder().encode('{"a": '), 'application/json', 422, /no es JSON válido/],
      [PDF_BYTES, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 422, /contenido es PDF/],
      [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'application/vnd.oasis.opendocument.text', 422, /no corresponde|no es un documento/],
      [new Uint8Array(), 'application/pdf', 422, /El archivo está vacío/],
    ];
    for (const [bytes, type, status, message] of cases) {
      const r = await upload(w.fac, w.exerciseId, bytes, type, 'archivo');
      expect({ type, status: r.status }).toEqual({ type, status });
      expect(r.body.error.code).toBe('file_refused');
      expect(r.body.error.message).toMatch(message);
      // (PDF_BYTES were stored by the previous test.)
      if (bytes.byteLength > 0 && bytes !== PDF_BYTES) expect((await w.fac.api('GET', `/api/exercises/${w.exerciseId}/files/${sha(bytes)}`)).status).toBe(404);
    }
    expect((await upload(w.accounts.sc, w.exerciseId, PDF_BYTES, 'application/pdf', 'x.pdf')).status).toBe(403);
    expect((await upload(null, w.exerciseId, PDF_BYTES, 'application/pdf', 'x.pdf', server.url)).status).toBe(401);
    expect((await upload(w.fac, 'noExiste123', PDF_BYTES, 'application/pdf', 'x.pdf')).status).toBe(404);
    // A cookie-authenticated upload without the CSRF token is refused too.
    const noCsrf = await fetch(`${server.url}/api/exercises/${w.exerciseId}/files?name=x.pdf`, { method: 'POST', headers: { cookie: w.fac.cookie, 'content-type': 'application/pdf' }, body: new Blob([PDF_BYTES]) });
    expect(noCsrf.status).toBe(403);
  });

  it('refuses a body over the limit before reading it', async () => {
    const res = await fetch(`${server.url}/api/exercises/${w.exerciseId}/files?name=big.pdf`, {
      method: 'POST',
      headers: { cookie: w.fac.cookie, 'x-csrf-token': w.fac.csrfToken, 'content-type': 'application/pdf' },
      body: new Blob([new Uint8Array(25 * 1024 * 1024 + 1)]),
    }).catch(() => null);
    // The server answers 413 without reading the body; the client may see the connection end first.
    if (res) {
      expect(res.status).toBe(413);
      expect(((await res.json()) as ApiError).error.message).toBe('El archivo supera el máximo de 25 MB.');
    }
  });
});

describe('the public micrositio', () => {
  it('is not there until a facilitator publishes it', async () => {
    expect((await pub(`/api/public/exercises/${w.exerciseId}`)).status).toBe(404);
    expect((await pub<{ exercises: unknown[] }>('/api/public/exercises')).body.exercises).toEqual([]);
    expect((await w.accounts.sc.api('POST', `/api/exercises/${w.exerciseId}/publish`)).status).toBe(403);
    expectStatus(await w.fac.api('POST', `/api/exercises/${w.exerciseId}/publish`), 200);
    const list = await pub<{ exercises: { id: string; municipality: string }[] }>('/api/public/exercises');
    expect(list.body.exercises.map((e) => [e.id, e.municipality])).toEqual([[w.exerciseId, 'Metepec']]);
  });

  it('shows the declaration and the STM, never contacts, accounts, ids of people or unpublished material', async () => {
    const unreferenced = expectStatus(await upload(w.fac, w.exerciseId, PNG_BYTES, 'image/png', 'borrador.png'), 201).file;
    const declarationFile = expectStatus(await upload(w.fac, w.exerciseId, PDF_BYTES, 'application/pdf', 'declaracion.pdf'), 201).file;
    expectStatus(
      await w.fac.api('PUT', `/api/exercises/${w.exerciseId}/declaration`, {
        place: 'Sala de Cabildo',
        signatories: [{ name: 'Gabriela Núñez', role: 'Presidenta Municipal', organization: 'H. Ayuntamiento', sector: 'gobierno_municipal', signedOn: addDays(today, -190) }],
        document: declarationFile,
      }),
      200,
    );
    expectStatus(await w.fac.api('PUT', `/api/exercises/${w.exerciseId}/stm`, w.stm(true)), 200);
    expectStatus(await w.fac.api('PUT', `/api/mesas/${w.mesaId}/kit`, { publicProblem: SECRET_PROBLEM, consultation: { title: 'Consulta Metepec Abierto' } }), 200);

    const r = await pub<Record<string, unknown> & { stm: { seats: { titular: { name: string } | null }[]; facilitator: { name: string } }; pam: unknown; tablero: unknown; kits: unknown[]; declaration: { document: { url: string } } }>(
      `/api/public/exercises/${w.exerciseId}`,
    );
    expect(r.status).toBe(200);
    expect(r.body.stm.seats.map((s) => s.titular?.name)).toEqual(['Mariana Velázquez', 'Arturo Salgado', 'Sofía Garduño']);
    expect(r.body.stm.facilitator.name).toBe('Lucía Benítez');
    expect(r.body.declaration.document.url).toBe(`/api/public/exercises/${w.exerciseId}/files/${declarationFile.sha256}`);
    // The PAM is a draft: nothing of it is public yet; neither is the unpublished kit.
    expect(r.body.pam).toBeNull();
    expect(r.body.tablero).toBeNull();
    expect(r.body.kits).toEqual([]);
    const text = JSON.stringify(r.body);
    for (const secret of [
      '@privado.example.org',
      '722 555 0199',
      '@cocrea.test',
      SECRET_PROBLEM,
      'PAM de prueba',
      ...Object.values(w.members),
      ...Object.values(w.accounts).map((s) => s.account.id),
      w.fac.account.id,
    ]) {
      expect(text).not.toContain(secret);
    }
    // Only files the micrositio names can be downloaded.
    const dl = await fetch(`${server.url}/api/public/exercises/${w.exerciseId}/files/${declarationFile.sha256}`);
    expect(dl.status).toBe(200);
    expect(dl.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(dl.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await fetch(`${server.url}/api/public/exercises/${w.exerciseId}/files/${unreferenced.sha256}`)).status).toBe(404);
    expect((await pub(`/api/public/exercises/${w.exerciseId}/open-data/pam.json`)).status).toBe(404);
  });

  it('lets the mesa read its kit before it is public, and publishes it only once complete', async () => {
    const participant = await join(server.url, w.mesaId, 'Vecina del oriente');
    const own = await api<{ kit: { publicProblem: string } }>(server.url, 'GET', `/api/mesas/${w.mesaId}/kit`, undefined, { authorization: `Bearer ${participant.token}` });
    expect(own.status).toBe(200);
    expect(own.body.kit.publicProblem).toBe(SECRET_PROBLEM);
    expect((await api(server.url, 'GET', `/api/mesas/${w.mesaId}/kit`)).status).toBe(401);
    const incomplete = await w.fac.api<ApiError>('POST', `/api/mesas/${w.mesaId}/kit/publish`);
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.error.details?.problems).toEqual(['Falta al menos un documento para leer antes de la sesión.']);
    const guide = expectStatus(await upload(w.fac, w.exerciseId, PDF_BYTES, 'application/pdf', 'guia.pdf'), 201).file;
    expectStatus(await w.fac.api('POST', `/api/mesas/${w.mesaId}/kit/items`, { title: 'Guía de la mesa', moment: 'antes', document: guide }), 201);
    const kitFile = await fetch(`${server.url}/api/mesas/${w.mesaId}/kit/files/${guide.sha256}`, { headers: { authorization: `Bearer ${participant.token}` } });
    expect(kitFile.status).toBe(200);
    expect((await pub<{ kits: unknown[] }>(`/api/public/exercises/${w.exerciseId}`)).body.kits).toEqual([]);
    expectStatus(await w.fac.api('POST', `/api/mesas/${w.mesaId}/kit/publish`), 200);
    const after = await pub<{ kits: { mesa: { id: string }; publicProblem: string; items: { document: { url: string } }[] }[] }>(`/api/public/exercises/${w.exerciseId}`);
    expect(after.body.kits.map((k) => [k.mesa.id, k.publicProblem])).toEqual([[w.mesaId, SECRET_PROBLEM]]);
    expect((await fetch(`${server.url}${after.body.kits[0]?.items[0]?.document.url ?? ''}`)).status).toBe(200);
  });

  it('shows the published PAM with its tablero and approvals, by name only', async () => {
    for (const as of ['sc', 'gm', 'og'] as const) expectStatus(await w.accounts[as].api('POST', `/api/pams/${w.planId}/approvals`, {}), 201);
    expectStatus(await w.fac.api('POST', `/api/pams/${w.planId}/publish`), 200);
    const evidence = expectStatus(await upload(w.fac, w.exerciseId, PNG_BYTES, 'image/png', 'foto-acta.png'), 201).file;
    expectStatus(
      await w.fac.api('POST', `/api/pams/${w.planId}/commitments/${w.commitmentId}/activities/a1-2/updates`, {
        action: 'avance',
        progress: 100,
        evidence: [{ date: today, description: 'Fotografía del acta', meansOfVerification: 'Actas de instalación firmadas', document: evidence }],
      }),
      201,
    );
    const r = await pub<{
      pam: { plan: { status: string; created: { by: Record<string, unknown> } }; commitments: { content: { roadmap: { activities: unknown[] } } }[]; approvals: { name: string; sector: string }[] };
      tablero: { progress: number; level: string; commitments: { progress: number; activities: { status: string; evidence: { document: { url: string } }[] }[] }[] };
      ods: { goals: unknown[] };
    }>(`/api/public/exercises/${w.exerciseId}`);
    expect(r.body.pam.plan.status).toBe('publicado');
    expect(r.body.pam.plan.created.by).toEqual({ name: 'Rosa Facilitadora' });
    expect(r.body.pam.commitments[0]?.content.roadmap.activities).toHaveLength(3);
    expect(r.body.pam.approvals.map((a) => [a.sector, a.name])).toEqual([
      ['sociedad_civil', 'Mariana Velázquez'],
      ['gobierno_municipal', 'Arturo Salgado'],
      ['organo_garante', 'Sofía Garduño'],
    ]);
    expect(r.body.tablero).toMatchObject({ progress: 33.3, level: 'limitado' });
    expect(r.body.tablero.commitments[0]?.activities.map((a) => a.status)).toEqual(['no_iniciada', 'concluida', 'no_iniciada']);
    const url = r.body.tablero.commitments[0]?.activities[1]?.evidence[0]?.document.url ?? '';
    const photo = await fetch(server.url + url);
    expect(photo.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await photo.arrayBuffer()).equals(Buffer.from(PNG_BYTES))).toBe(true);
    expect(r.body.ods.goals.length).toBeGreaterThan(0);
    expect(JSON.stringify(r.body)).not.toContain(w.fac.account.id);
  });
});

/** Column lists per table, read from docs/open-data.md ("### `name`" then its table's first column). */
function documentedColumns(): Map<string, string[]> {
  const md = readFileSync(new URL('../../../docs/open-data.md', import.meta.url), 'utf8');
  const out = new Map<string, string[]>();
  for (const section of md.split('\n### `').slice(1)) {
    const name = section.slice(0, section.indexOf('`'));
    const rows = section.split('\n').filter((l) => l.startsWith('| `'));
    out.set(name, rows.map((l) => /^\| `([^`]+)`/.exec(l)?.[1] ?? ''));
  }
  return out;
}

describe('open data', () => {
  it('lists every documented table, and each downloads as JSON and CSV with exactly the documented columns', async () => {
    const documented = documentedColumns();
    const schema = JSON.parse(readFileSync(new URL('../../../docs/schemas/exercise-open-data.schema.json', import.meta.url), 'utf8')) as { $id: string };
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormats(ajv);
    ajv.addSchema(schema);
    const index = await pub<{ tables: { name: string; columns: string[] | null; rows: number; json: string; csv: string }[] }>(`/api/public/exercises/${w.exerciseId}/open-data`);
    expect(index.status).toBe(200);
    const tables = index.body.tables.filter((t) => t.name !== 'pam');
    expect(tables.map((t) => t.name)).toEqual([...documented.keys()]);
    for (const t of tables) {
      const columns = documented.get(t.name) ?? [];
      expect({ table: t.name, columns: t.columns }).toEqual({ table: t.name, columns });
      const json = await fetch(server.url + t.json);
      expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const rows = (await json.json()) as Record<string, unknown>[];
      expect(rows).toHaveLength(t.rows);
      for (const row of rows) expect(Object.keys(row)).toEqual(columns);
      const validate = ajv.getSchema(`${schema.$id}#/$defs/${t.name.replace('-', '_')}`);
      expect(validate?.(rows), `${t.name}: ${JSON.stringify(validate?.errors)}`).toBe(true);
      const csv = Buffer.from(await (await fetch(server.url + t.csv)).arrayBuffer());
      expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const records: string[][] = parse(csv.toString('utf8').slice(1), { columns: false, skip_empty_lines: true });
      expect(records[0]).toEqual(columns);
      expect(records.slice(1)).toHaveLength(rows.length);
    }
    const tablero = (await (await fetch(server.url + (tables.find((t) => t.name === 'tablero')?.json ?? ''))).json()) as { actividad_avance: number; actividad_estado: string }[];
    expect(tablero.map((r) => [r.actividad_estado, r.actividad_avance])).toEqual([
      ['No iniciada', 0],
      ['Concluida', 100],
      ['No iniciada', 0],
    ]);
    const everything = (await Promise.all(tables.map(async (t) => (await fetch(server.url + t.csv)).text()))).join('\n');
    for (const secret of ['@privado.example.org', '722 555 0199', ...Object.values(w.members)]) expect(everything).not.toContain(secret);
    const pam = await fetch(`${server.url}/api/public/exercises/${w.exerciseId}/open-data/pam.json`);
    expect(pam.status).toBe(200);
    expect(((await pam.json()) as { plan: { status: string } }).plan.status).toBe('publicado');
    expect((await pub(`/api/public/exercises/${w.exerciseId}/open-data/nada.csv`)).status).toBe(404);
    expect((await pub(`/api/public/exercises/${w.exerciseId}/open-data/tablero.xml`)).status).toBe(404);
  });
});
