import { useTranslation } from 'react-i18next';

/** Cancel (when the form can be left) and submit, with a spinner while the request runs. */
export function FormFooter({ onCancel, pending = false, submitLabel }) {
  const { t } = useTranslation();
  return (
    <div className="flex flex-wrap justify-end gap-2">
      {onCancel && (
        <button type="button" className="btn btn-ghost" onClick={onCancel} disabled={pending}>
          {t('common.cancel')}
        </button>
      )}
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending && <span className="loading loading-spinner loading-sm" aria-hidden="true" />}
        {submitLabel}
      </button>
    </div>
  );
}
