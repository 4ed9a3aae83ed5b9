import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeleteWorld } from '../api/delete-world';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { FormError } from '../../../components/ui/error-state';

/** "Delete" with a confirmation naming the world; calls onDeleted once it is gone. */
export function DeleteWorldButton({ world, onDeleted, className = 'btn btn-error btn-outline btn-sm' }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const deletion = useDeleteWorld({ onSuccess: () => { setOpen(false); onDeleted?.(); } });
  return (
    <>
      <button type="button" className={className} onClick={() => { deletion.reset(); setOpen(true); }}>
        {t('worlds.delete.action')}
      </button>
      <ConfirmDialog
        open={open}
        title={t('worlds.delete.title', { name: world.name })}
        confirmLabel={t('worlds.delete.confirm')}
        pending={deletion.isPending}
        onCancel={() => setOpen(false)}
        onConfirm={() => deletion.mutate(world.world_id)}
      >
        <p>{t('worlds.delete.body', { count: world.counts?.stories ?? 0 })}</p>
        {deletion.isError && <div className="mt-3"><FormError error={deletion.error} /></div>}
      </ConfirmDialog>
    </>
  );
}
