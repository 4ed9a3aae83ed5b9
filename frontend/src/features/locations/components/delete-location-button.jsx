import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeleteLocation } from '../api/delete-location';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { FormError } from '../../../components/ui/error-state';

/** "Delete" with a confirmation naming the place; calls onDeleted once it is gone. */
export function DeleteLocationButton({ worldId, location, onDeleted }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const deletion = useDeleteLocation({ onSuccess: () => { setOpen(false); onDeleted?.(); } });
  return (
    <>
      <button type="button" className="btn btn-error btn-outline btn-sm" onClick={() => { deletion.reset(); setOpen(true); }}>
        {t('locations.delete.action')}
      </button>
      <ConfirmDialog
        open={open}
        title={t('locations.delete.title', { name: location.name })}
        confirmLabel={t('locations.delete.confirm')}
        pending={deletion.isPending}
        onCancel={() => setOpen(false)}
        onConfirm={() => deletion.mutate({ worldId, locationId: location.location_id })}
      >
        <p>{t('locations.delete.body')}</p>
        {deletion.isError && <div className="mt-3"><FormError error={deletion.error} /></div>}
      </ConfirmDialog>
    </>
  );
}
