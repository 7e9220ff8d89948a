import { samplePlan } from '@cocrea/domain/fixtures';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { toDecidimCsv } from './decidimCsv';

describe('toDecidimCsv', () => {
  const { plan, versions } = samplePlan(2);
  const csv = toDecidimCsv(plan, versions);
  const rows = parse<Record<string, string>>(csv, { delimiter: ';', columns: true });

  it('has exactly the header Decidim expects, separated by semicolons, without BOM', () => {
    expect(csv.split('\r\n')[0]).toBe('id;parent/id;title/es;description/es;start_date;end_date;status/id;progress;proposal_urls');
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('has one result per commitment and one child per activity, linked by parent/id', () => {
    expect(rows).toHaveLength(2 + 3 + 3);
    expect(rows.map((r) => [r.id, r['parent/id']])).toEqual([
      ['cocrea-comp0001', ''],
      ['cocrea-comp0001-a1-1', 'cocrea-comp0001'],
      ['cocrea-comp0001-a1-2', 'cocrea-comp0001'],
      ['cocrea-comp0001-a1-3', 'cocrea-comp0001'],
      ['cocrea-comp0002', ''],
      ['cocrea-comp0002-a2-1', 'cocrea-comp0002'],
      ['cocrea-comp0002-a2-2', 'cocrea-comp0002'],
      ['cocrea-comp0002-a2-3', 'cocrea-comp0002'],
    ]);
    const ids = new Set(rows.map((r) => r.id));
    for (const r of rows) if (r['parent/id']) expect(ids.has(r['parent/id'])).toBe(true);
    for (const r of rows) expect(r.id).not.toMatch(/^\d+$/);
  });

  it('fills titles, ISO dates, empty status and zero progress', () => {
    expect(rows[0]).toMatchObject({
      'title/es': 'Monitoreo ciudadano de la calidad del agua 1',
      start_date: '2027-02-01',
      end_date: '2028-01-31',
      'status/id': '',
      progress: '0',
      proposal_urls: '',
    });
    expect(rows[0]?.['description/es']).toContain('Laura Méndez Ruiz');
    expect(rows[1]).toMatchObject({
      'title/es': 'Diagnóstico participativo de la red de distribución',
      start_date: '2027-02-01',
      end_date: '2027-04-30',
    });
  });
});
