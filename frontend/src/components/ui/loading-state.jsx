import { useTranslation } from 'react-i18next';

/** A spinner with a label that screen readers announce. */
export function LoadingState({ label, className = '' }) {
  const { t } = useTranslation();
  const text = label ?? t('common.loading');
  return (
    <div role="status" aria-live="polite" className={`flex items-center justify-center gap-3 py-12 text-base-content/70 ${className}`}>
      <span className="loading loading-spinner loading-md" aria-hidden="true" />
      <span>{text}</span>
    </div>
  );
}

/** Grey placeholder cards while a list loads. */
export function SkeletonCards({ count = 6 }) {
  const { t } = useTranslation();
  return (
    <div role="status" aria-label={t('common.loading')} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="card bg-base-100 border border-base-300 p-5 space-y-3">
          <div className="skeleton h-5 w-2/3" />
          <div className="skeleton h-4 w-1/3" />
          <div className="skeleton h-16 w-full" />
        </div>
      ))}
    </div>
  );
}
