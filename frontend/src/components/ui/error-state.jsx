import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/api-client';

/** A friendly message for a failed load, with a retry button when it can help. */
export function ErrorState({ error, onRetry, title }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="alert alert-error alert-soft flex flex-col items-start gap-3 sm:flex-row sm:items-center">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6 shrink-0 stroke-current" fill="none">
        <path strokeLinecap="round" strokeLinejoin="round" strokeWidth="2" d="M12 9v4m0 4h.01M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z" />
      </svg>
      <div className="flex-1">
        <p className="font-semibold">{title ?? t('errors.loadFailed')}</p>
        <p className="text-sm">{errorMessage(error)}</p>
      </div>
      {onRetry && (
        <button type="button" className="btn btn-sm" onClick={() => onRetry()}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

/** An inline error under a form, e.g. for a failed submit. */
export function FormError({ error }) {
  if (!error) return null;
  return (
    <div role="alert" className="alert alert-error alert-soft text-sm">
      {typeof error === 'string' ? error : errorMessage(error)}
    </div>
  );
}
