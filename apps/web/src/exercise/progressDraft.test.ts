import { describe, expect, it } from 'vitest';
import { blankDraft, draftHints, toUpdate } from './progressDraft';

const link = { kind: 'enlace' as const, url: 'https://metepec.example.org/acta', title: 'Acta' };

describe('an activity report being written', () => {
  it('starts at the current progress, with one piece of evidence for the only means of verification', () => {
    expect(blankDraft(40, '2027-10-15', ['Actas firmadas'])).toEqual({
      action: 'avance',
      progress: '40',
      evidence: [{ date: '2027-10-15', description: '', meansOfVerification: 'Actas firmadas', document: null }],
      note: '',
      reason: '',
    });
    expect(blankDraft(0, '2027-10-15', ['A', 'B']).evidence[0]?.meansOfVerification).toBe('');
  });

  it('sends the figure and the evidence filled in, leaving blank rows out', () => {
    const d = blankDraft(0, '2027-10-15', ['Actas firmadas']);
    d.progress = '50';
    d.evidence.push({ ...d.evidence[0]!, description: 'Acta de instalación', document: link });
    expect(toUpdate(d)).toEqual({
      action: 'avance',
      progress: 50,
      evidence: [{ date: '2027-10-15', description: 'Acta de instalación', meansOfVerification: 'Actas firmadas', document: link }],
      note: '',
    });
  });

  it('sends a cancellation with its reason', () => {
    expect(toUpdate({ ...blankDraft(30, '2027-10-15', []), action: 'cancelar', reason: 'Sin presupuesto' })).toEqual({ action: 'cancelar', reason: 'Sin presupuesto' });
  });

  it('says beforehand what the rules will ask for', () => {
    const d = blankDraft(40, '2027-10-15', ['Actas firmadas']);
    expect(draftHints({ ...d, progress: '60' }, 40)).toEqual(['needs_evidence']);
    expect(draftHints({ ...d, progress: '20' }, 40)).toEqual(['no_lower']);
    expect(draftHints({ ...d, progress: '60', evidence: [{ ...d.evidence[0]!, description: 'Acta' }] }, 40)).toEqual(['evidence_incomplete']);
    expect(draftHints({ ...d, progress: '40', note: 'Sin cambios' }, 40)).toEqual([]);
  });
});
