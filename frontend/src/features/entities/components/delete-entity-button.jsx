import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeleteEntity } from '../api/delete-entity';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { FormError } from '../../../components/ui/error-state';

/** "Delete" with a confirmation naming the character; calls onDeleted once it is gone. */
export function DeleteEntityButton({ worldId, entity, onDeleted }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const deletion = useDeleteEntity({ onSuccess: () => { setOpen(false); onDeleted?.(); } });
  return (
    <>
      <button type="button" className="btn btn-error btn-outline btn-sm" onClick={() => { deletion.reset(); setOpen(true); }}>
        {t('entities.delete.action')}
      </button>
      <ConfirmDialog
        open={open}
        title={t('entities.delete.title', { name: entity.name })}
        confirmLabel={t('entities.delete.confirm')}
        pending={deletion.isPending}
        onCancel={() => setOpen(false)}
        onConfirm={() => deletion.mutate({ worldId, entityId: entity.entity_id })}
      >
        <p>{t('entities.delete.body', { count: entity.relationships?.length ?? 0 })}</p>
        {deletion.isError && <div className="mt-3"><FormError error={deletion.error} /></div>}
      </ConfirmDialog>
    </>
  );
}
