import { demoExercise } from '@cocrea/domain/fixtures';
import type { ActionPlan } from '@cocrea/domain';
import { describe, expect, it } from 'vitest';
import { OPEN_DATA_TABLES, openDataTables, tableCsv } from './exerciseOpenData';
import type { LoadedExercise } from './exerciseRecords';
import { exerciseView } from './exerciseView';
import { publicExerciseView, publicFiles } from './publicExerciseView';

const d = demoExercise();
const fileUrl = (f: { sha256: string }) => `https://cocrea.example.org/f/${f.sha256}`;

/** The demo as the services load it from storage. */
function loaded(plan: ActionPlan = d.plan, kitsPublished = true): LoadedExercise {
  const members = d.members.map((m) => ({ ...m, accountId: m.id === 'm01' ? 'acc-mariana' : null }));
  const exercise = { ...d.exercise, published: d.exercise.created };
  const mesas = d.mesas.map((m) => ({ ...m, joinOpen: false, kit: m.kit && { ...m.kit, published: kitsPublished ? m.kit.published : null } }));
  const approvals = d.approvals.map((a) => ({ ...a, accountId: null }));
  const records = { ...d.records, exercise, members, mesas, plan, approvals };
  return { exercise, members, mesas, plan, versions: d.versions, approvals, tracking: [...d.records.tracking], monitoring: d.records.monitoring, evaluation: null, records };
}

describe('publicExerciseView', () => {
  it('shows every section of the demo and nothing private', () => {
    const v = publicExerciseView(loaded(), d.today, fileUrl);
    expect(v.stage).toBe('seguimiento');
    expect(v.stm.seats.map((s) => [s.sector, s.titular?.name, s.suplente?.name])).toEqual([
      ['sociedad_civil', 'Mariana Velázquez Ortega', 'Joaquín Estrada Villegas'],
      ['gobierno_municipal', 'Arturo Salgado Medina', 'Claudia Reyes Montiel'],
      ['organo_garante', 'Sofía Garduño Pliego', 'Andrés Villafaña Rojas'],
    ]);
    expect(v.tablero?.commitments.map((c) => c.progress)).toEqual([78.3, 63.3, 28.3]);
    expect(v.tablero?.commitments[2]?.activities[0]).toMatchObject({ status: 'en_proceso', late: true });
    expect(v.pam?.approvals.map((a) => a.name)).toEqual(['Mariana Velázquez Ortega', 'Arturo Salgado Medina', 'Sofía Garduño Pliego']);
    const text = JSON.stringify(v);
    for (const m of d.members) {
      if (m.contact.email) expect(text).not.toContain(m.contact.email);
      expect(text).not.toContain(`"${m.id}"`);
    }
    expect(text).not.toContain('722 555');
    expect(text).not.toContain('acc-mariana');
  });

  it('keeps a draft PAM and unpublished kits out, and names exactly the files it shows', () => {
    const draft = publicExerciseView(loaded({ ...d.plan, status: 'aprobado', published: null }, false), d.today, fileUrl);
    expect([draft.pam, draft.tablero, draft.monitoring, draft.ods, draft.kits]).toEqual([null, null, null, null, []]);
    const files = publicFiles(draft);
    const full = publicFiles(publicExerciseView(loaded(), d.today, fileUrl));
    expect(files.size).toBeLessThan(full.size);
    // Every uploaded file of the demo appears once the PAM and the kits are public.
    expect(new Set(full.keys())).toEqual(new Set(d.files.map((f) => f.ref.sha256)));
  });
});

describe('exerciseView', () => {
  it('shows contacts and linked accounts to staff only', () => {
    const staff = exerciseView(loaded(), d.today, { contacts: true });
    const stm = exerciseView(loaded(), d.today, { contacts: false });
    expect(staff.members[0]).toMatchObject({ contact: { email: 'mariana@metepec-transparente.example.org' }, accountId: 'acc-mariana' });
    expect(stm.members[0]).not.toHaveProperty('contact');
    expect(stm.members[0]).not.toHaveProperty('accountId');
    expect(stm.reminders.map((r) => r.status)).toEqual(['hecha', 'programada']);
    expect(stm.publicationGaps).toEqual([]);
  });
});

describe('openDataTables', () => {
  it('keys every row by exactly its columns, and keeps the PAM tables empty until it is published', () => {
    const tables = openDataTables(loaded(), d.today, fileUrl);
    expect(tables.map((t) => t.name)).toEqual([...OPEN_DATA_TABLES]);
    for (const t of tables) {
      expect(t.rows.length, t.name).toBeGreaterThan(0);
      for (const r of t.rows) expect(Object.keys(r), t.name).toEqual([...t.columns]);
    }
    const draft = openDataTables(loaded({ ...d.plan, status: 'aprobado', published: null }, false), d.today, fileUrl);
    expect(draft.filter((t) => t.rows.length === 0).map((t) => t.name)).toEqual(['aprobaciones', 'tablero', 'evidencias', 'ods', 'monitoreo-evaluacion', 'kits']);
  });

  it('writes CSV with a BOM, CRLF, and formulas neutralised', () => {
    const csv = tableCsv({ name: 'x', title: 'x', columns: ['a', 'b'], rows: [{ a: '=HYPERLINK("x")', b: null }] });
    expect(csv).toBe('\uFEFFa,b\r\n"\'=HYPERLINK(""x"")",\r\n');
  });
});
