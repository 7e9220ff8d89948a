import { useTranslation } from 'react-i18next';
import type { ConnectionStatus } from '../collab/useConnectionStatus';

interface Props {
  connection: ConnectionStatus;
  saved: boolean;
  /** The server says saving has stalled: say so plainly and ask to keep the page open. */
  stalled?: boolean;
  /** `data-testid`s of the two pills (the mesa page's by default). */
  testIds?: { connection: string; save: string };
}

const MESA_TEST_IDS = { connection: 'status-connection', save: 'status-save' };

/** Connection and save state, e.g. "Conectado · Guardado". */
export function StatusLine({ connection, saved, stalled = false, testIds = MESA_TEST_IDS }: Props) {
  const { t } = useTranslation();
  const { state, everSynced } = connection;
  const connectionLabel =
    state === 'connected'
      ? t('status.connected')
      : state === 'offline'
        ? t('status.offline')
        : everSynced
          ? t('status.reconnecting')
          : t('status.connecting');
  const save = saved ? 'saved' : stalled ? 'stalled' : 'saving';
  return (
    <div className="status-line" role="group" aria-label={t('status.label')}>
      {/* Only the connection is announced; the save state flips with every keystroke. */}
      <span className={`status-pill status-pill--${state}`} data-testid={testIds.connection} data-state={state} role="status">
        <span className="status-pill__dot" aria-hidden="true" />
        {connectionLabel}
      </span>
      <span className={`status-pill status-pill--${save}`} data-testid={testIds.save} data-state={save}>
        <span className="status-pill__icon" aria-hidden="true">
          {save === 'saved' ? '✓' : save === 'stalled' ? '!' : '↻'}
        </span>
        {t(`status.${save}`)}
      </span>
      {save === 'stalled' && (
        <p className="save-stalled" role="alert" data-testid={`${testIds.save}-stalled`}>
          {t('status.stalledAlert')}
        </p>
      )}
    </div>
  );
}
