import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { updateMesa } from '../api/client';
import { useMesaAccess } from '../session/MesaAccessContext';
import { ActionError } from '../ui/ActionError';
import { useAction } from '../ui/useAction';
import { MesaExperts } from './MesaExperts';

/**
 * "Gestionar mesa", for facilitators: open or close the join link, close or reopen the mesa,
 * and its experts — in a dialog, so the canvas keeps its room.
 */
export function MesaControls() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    else if (!open && d.open) d.close();
  }, [open]);

  return (
    <>
      <button type="button" className="button button--small" data-testid="mesa-controls" onClick={() => setOpen(true)}>
        <GearIcon />
        {t('mesaControls.open')}
      </button>
      <dialog
        ref={ref}
        className="dialog dialog--wide"
        aria-labelledby="mesa-controls-title"
        data-testid="mesa-controls-dialog"
        onCancel={(e) => {
          e.preventDefault();
          setOpen(false);
        }}
        onClick={(e) => {
          if (e.target === e.currentTarget) setOpen(false);
        }}
      >
        <div className="dialog__body">
          <div className="dialog__head">
            <h2 id="mesa-controls-title">{t('mesaControls.title')}</h2>
            <button type="button" className="button button--small" data-testid="mesa-controls-close" onClick={() => setOpen(false)}>
              {t('mesaControls.close')}
            </button>
          </div>
          {open && <MesaSwitches />}
          {open && <MesaExperts />}
        </div>
      </dialog>
    </>
  );
}

/** The join link and the mesa itself: each a state and the button that flips it. */
function MesaSwitches() {
  const { t } = useTranslation();
  const { mesa, setMesa } = useMesaAccess();
  const actions = useAction();
  const change = (source: string, changes: Parameters<typeof updateMesa>[1]) => {
    void actions.run(source, () => updateMesa(mesa.id, changes)).then((next) => {
      if (next) setMesa(next);
    });
  };
  const closed = mesa.status === 'cerrada';

  return (
    <section className="stack" aria-labelledby="mesa-switches-title">
      <h3 id="mesa-switches-title" className="visually-hidden">
        {t('mesaControls.access')}
      </h3>
      <div className="switch-row">
        <div>
          <p className="switch-row__label">{t('mesaControls.joinLink')}</p>
          <p className="switch-row__state" data-testid="join-link-state" data-open={mesa.joinOpen ? 'true' : 'false'}>
            <span className={`dot dot--${mesa.joinOpen && !closed ? 'on' : 'off'}`} aria-hidden="true" />
            {mesa.joinOpen ? t('mesaControls.joinOpen') : t('mesaControls.joinClosed')}
          </p>
          <p className="field__hint">{t('mesaControls.joinHint')}</p>
        </div>
        <button
          type="button"
          className="button button--small"
          data-testid="toggle-join-link"
          disabled={actions.busy !== null || closed}
          onClick={() => change('join', { joinOpen: !mesa.joinOpen })}
        >
          {mesa.joinOpen ? t('mesaControls.closeJoin') : t('mesaControls.openJoin')}
        </button>
      </div>
      <ActionError message={actions.errorOf('join')} />
      <div className="switch-row">
        <div>
          <p className="switch-row__label">{t('mesaControls.mesa')}</p>
          <p className="switch-row__state" data-testid="mesa-status" data-status={mesa.status}>
            <span className={`dot dot--${closed ? 'off' : 'on'}`} aria-hidden="true" />
            {closed ? t('mesaControls.mesaClosed') : t('mesaControls.mesaOpen')}
          </p>
          <p className="field__hint">{closed ? t('mesaControls.reopenHint') : t('mesaControls.closeHint')}</p>
        </div>
        <button
          type="button"
          className={closed ? 'button button--small' : 'button button--small button--danger'}
          data-testid="toggle-mesa-status"
          disabled={actions.busy !== null}
          onClick={() => change('status', { status: closed ? 'abierta' : 'cerrada' })}
        >
          {closed ? t('mesaControls.reopenMesa') : t('mesaControls.closeMesa')}
        </button>
      </div>
      <ActionError message={actions.errorOf('status')} />
    </section>
  );
}

function GearIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
      <circle cx="12" cy="12" r="3" />
      <path d="M19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3 1.7 1.7 0 0 0-1 1.5V21a2 2 0 1 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5 1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8 1.7 1.7 0 0 0-1.5-1H3a2 2 0 1 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1 1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3H9a1.7 1.7 0 0 0 1-1.5V3a2 2 0 1 1 4 0v.1a1.7 1.7 0 0 0 1 1.5 1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8V9a1.7 1.7 0 0 0 1.5 1H21a2 2 0 1 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1z" />
    </svg>
  );
}
