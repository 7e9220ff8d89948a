import type { ActionPlan } from '@cocrea/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { approvePlan } from '../api/exercises';
import { can } from '../session/permissions';
import { Field } from '../ui/Field';
import { useFormats } from '../ui/useFormats';
import { sectorApprovals } from './approvalRows';
import { useExercise } from './ExerciseContext';
import { Refusal } from './Refusal';
import { asMembers } from './stmDraft';

/**
 * The STM's approval of the PAM, sector by sector: who may approve (titular or suplente), whether
 * the sector approved these commitment versions, by whom and when. An STM seat holder approves
 * here for their own seat; the server checks that the signed-in account is linked to a seat
 * holder, and says so if not.
 */
export function ApprovalsPanel({ pam }: { pam: ActionPlan }) {
  const { t } = useTranslation();
  const f = useFormats();
  const { view, role, actions, reload } = useExercise();
  const [note, setNote] = useState('');
  const rows = sectorApprovals(pam, view.exercise.stm, asMembers(view.members), view.approvals);
  // The button shows only to the account that acts as a seat holder (the server still decides).
  const seated = new Set(view.exercise.stm.seats.flatMap((s) => [s.titularId, s.suplenteId]));
  const mayTry = view.me !== null && seated.has(view.me.memberId);
  const approve = () =>
    void actions.run('approve', () => approvePlan(pam.id, note)).then((r) => {
      if (!r) return;
      setNote('');
      reload();
    });
  return (
    <div className="stack">
      <ul className="approvals" data-testid="approvals">
        {rows.map((r) => (
          <li key={r.sector} className={`approval approval--${r.state}`} data-testid="approval-sector" data-sector={r.sector} data-state={r.state}>
            <div className="approval__head">
              <span className="approval__mark" aria-hidden="true">
                {r.state === 'aprobado' ? '✓' : r.state === 'otra_version' ? '↻' : '…'}
              </span>
              <strong>{t(`sectors.${r.sector}`)}</strong>
              <span className={`badge badge--approval-${r.state}`}>{t(`exercise.approvals.state.${r.state}`)}</span>
            </div>
            {r.approval && (
              <p className="small">
                {t('exercise.approvals.by', { name: r.approval.name, capacity: t(`exercise.stm.capacity.${r.approval.capacity}`).toLowerCase(), at: f.dateTime(r.approval.at) })}
                {r.approval.note && <span className="muted"> — «{r.approval.note}»</span>}
              </p>
            )}
            <p className="muted small">
              {r.holders.length > 0
                ? t('exercise.approvals.mayApprove', { who: r.holders.map((h) => `${h.name} (${t(`exercise.stm.capacity.${h.capacity}`).toLowerCase()})`).join(t('exercise.approvals.or')) })
                : t('exercise.approvals.noHolders')}
            </p>
          </li>
        ))}
      </ul>
      {pam.status !== 'publicado' && can.approvePam(role) && mayTry && (
        <div className="stack-sm approve-box">
          <Field label={t('exercise.approvals.note')} optional>
            <input value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} data-testid="approval-note" />
          </Field>
          <div className="action-row">
            <button type="button" className="button button--primary" disabled={actions.busy !== null || pam.entries.length === 0} onClick={approve} data-testid="approve-pam">
              {t('exercise.approvals.approve')}
            </button>
          </div>
          <p className="field__hint">{t('exercise.approvals.hint')}</p>
          <Refusal source="approve" />
        </div>
      )}
    </div>
  );
}
