import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';

/** "Saved", "Saving…", "Unsaved changes" or the error with a retry button. */
export function SaveStatus({ status, error, savedAt, onRetry }) {
  const { t, i18n } = useTranslation();
  const time = savedAt ? formatDate(savedAt, i18n.language, { timeStyle: 'short' }) : null;
  return (
    <div role="status" aria-live="polite" className="flex min-h-8 items-center gap-2 text-sm" data-save-status={status}>
      {status === 'saving' && (
        <><span className="loading loading-spinner loading-xs" aria-hidden="true" /><span>{t('editor.status.saving')}</span></>
      )}
      {status === 'saved' && (
        <span className="text-success">
          <span aria-hidden="true">✓ </span>
          {time ? t('editor.status.savedAt', { time }) : t('editor.status.saved')}
        </span>
      )}
      {status === 'dirty' && <span className="text-base-content/60">{t('editor.status.dirty')}</span>}
      {status === 'error' && (
        <span className="flex flex-wrap items-center gap-2 text-error">
          <span>{t('editor.status.error')}{error ? ` — ${errorMessage(error)}` : ''}</span>
          <button type="button" className="btn btn-xs btn-error btn-outline" onClick={onRetry}>{t('common.retry')}</button>
        </span>
      )}
    </div>
  );
}
