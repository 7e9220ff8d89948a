import { readFileSync } from 'node:fs';
import { sampleCommitmentVersion, samplePlan } from '@cocrea/domain/fixtures';
import { Ajv2020 } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { PAM_SCHEMA_ID, toOpenData } from './openData';

const schema = JSON.parse(readFileSync(new URL('../../../../docs/schemas/pam.schema.json', import.meta.url), 'utf8')) as { $id: string };
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(schema);
const roundTrip = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

describe('toOpenData', () => {
  it('produces a plan of three commitments that validates against pam.schema.json', () => {
    const { plan, versions } = samplePlan(3);
    const doc = roundTrip(toOpenData(plan, versions, { now: new Date('2027-02-02T10:00:00Z') }));
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc).toMatchObject({
      schemaVersion: 1,
      generatedAt: '2027-02-02T10:00:00.000Z',
      plan: { title: 'Plan de Acción Municipal de Gobierno Abierto 2027', municipality: 'Toluca', launchDate: '2027-02-01' },
    });
    const d = doc as { commitments: { id: string; odsTargets: unknown[]; roadmap: { activities: unknown[] } }[] };
    expect(d.commitments.map((c) => c.id)).toEqual(['comp0001', 'comp0002', 'comp0003']);
    expect(d.commitments[0]?.odsTargets).toContainEqual({
      code: '6.1',
      text: expect.stringContaining('agua potable') as unknown,
      goal: 6,
      goalName: 'Agua limpia y saneamiento',
    });
    expect(d.commitments[0]?.roadmap.activities).toHaveLength(3);
  });

  it('exports a single commitment without plan fields, still valid', () => {
    const doc = roundTrip(toOpenData(null, [sampleCommitmentVersion(7)]));
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc).not.toHaveProperty('plan');
  });

  it('keeps an unknown ODS code with null texts instead of dropping it', () => {
    const v = sampleCommitmentVersion();
    v.content.roadmap.odsTargets = ['16.10', '16.99', '99.9'];
    const doc = toOpenData(null, [v]);
    expect(doc.commitments[0]?.odsTargets.slice(1)).toEqual([
      { code: '16.99', text: null, goal: 16, goalName: 'Paz, justicia e instituciones sólidas' },
      { code: '99.9', text: null, goal: null, goalName: null },
    ]);
    expect(validate(roundTrip(doc)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('does not publish internal participant ids', () => {
    const { plan, versions } = samplePlan(1);
    expect(JSON.stringify(toOpenData(plan, versions))).not.toContain('"id":"p_');
  });

  it('rejects broken documents', () => {
    const { plan, versions } = samplePlan(2);
    const good = () => roundTrip(toOpenData(plan, versions)) as Record<string, unknown> & { commitments: Record<string, unknown>[] };

    const extra = good();
    extra.unexpected = true;
    expect(validate(extra)).toBe(false);

    const missing = good();
    delete missing.commitments[0]?.roadmap;
    expect(validate(missing)).toBe(false);

    const badDate = good();
    (badDate.commitments[1] as { roadmap: { startDate: string } }).roadmap.startDate = '1 de febrero de 2027';
    expect(validate(badDate)).toBe(false);

    const badHash = good();
    (badHash.commitments[0] as { contentHash: string }).contentHash = 'not-a-hash';
    expect(validate(badHash)).toBe(false);
  });

  it('names the schema the server says it follows', () => {
    expect(schema.$id).toBe(PAM_SCHEMA_ID);
  });
});
