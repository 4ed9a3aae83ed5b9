import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { FormError } from '../../../components/ui/error-state';
import { LIMITS } from '../../../lib/limits';

export const REASON_MAX = LIMITS.banReason;

/** Ban (with an optional reason) or unban one user, after confirming. */
export function BanDialog({ user, open, pending, error, onCancel, onConfirm }) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState('');
  const banning = !user?.banned;
  if (!user) return null;
  return (
    <ConfirmDialog
      open={open}
      title={banning ? t('admin.ban.title', { name: user.username }) : t('admin.unban.title', { name: user.username })}
      confirmLabel={banning ? t('admin.ban.confirm') : t('admin.unban.confirm')}
      danger={banning}
      pending={pending}
      onCancel={() => { setReason(''); onCancel(); }}
      onConfirm={() => onConfirm(banning ? reason : '')}
    >
      {banning ? (
        <div className="flex flex-col gap-3">
          <p>{t('admin.ban.body')}</p>
          <div className="flex flex-col gap-1.5">
            <label htmlFor={id} className="text-sm font-medium text-base-content">{t('admin.ban.reason')}</label>
            <textarea
              id={id}
              className="textarea w-full"
              rows={3}
              maxLength={REASON_MAX}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              placeholder={t('admin.ban.reasonPlaceholder')}
            />
          </div>
        </div>
      ) : (
        <p>{t('admin.unban.body')}{user.ban_reason ? ` ${t('admin.unban.reasonWas', { reason: user.ban_reason })}` : ''}</p>
      )}
      {error && <div className="mt-3"><FormError error={error} /></div>}
    </ConfirmDialog>
  );
}
