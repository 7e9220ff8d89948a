import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../ui/ConfirmDialog';

/** A pending deletion: which node, what it says, and how many nodes hang from it. */
export interface DeleteRequest {
  id: string;
  text: string;
  descendants: number;
}

interface Props {
  request: DeleteRequest | null;
  onConfirm: (id: string) => void;
  onCancel: () => void;
}

/** Asks before deleting a node and everything that hangs from it. */
export function DeleteNodeDialog({ request, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  const text = request?.text.trim() ? request.text.trim() : t('tree.untitled');
  return (
    <ConfirmDialog
      open={request !== null}
      title={t('confirmDelete.title')}
      confirmLabel={t('confirmDelete.confirm')}
      cancelLabel={t('confirmDelete.cancel')}
      testIds={{ confirm: 'confirm-delete', cancel: 'cancel-delete' }}
      onConfirm={() => {
        if (request) onConfirm(request.id);
      }}
      onCancel={onCancel}
    >
      <p className="dialog__text">{t('confirmDelete.body', { text: text.length > 120 ? `${text.slice(0, 117)}…` : text })}</p>
      {request !== null && request.descendants > 0 && (
        <p className="dialog__text dialog__text--warn">{t('confirmDelete.children', { count: request.descendants })}</p>
      )}
    </ConfirmDialog>
  );
}
