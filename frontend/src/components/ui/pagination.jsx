import { useTranslation } from 'react-i18next';

/** Previous / next with "page x of y"; hidden when everything fits on one page. */
export function Pagination({ page, pageSize, total, onChange }) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil((total ?? 0) / pageSize));
  if (pages <= 1) return null;
  return (
    <nav aria-label={t('pagination.label')} className="flex items-center justify-center gap-3">
      <button type="button" className="btn btn-sm" onClick={() => onChange(page - 1)} disabled={page <= 1}>
        <span aria-hidden="true">←</span> {t('pagination.previous')}
      </button>
      <span className="text-sm text-base-content/70" aria-live="polite">
        {t('pagination.pageOf', { page, pages })}
      </span>
      <button type="button" className="btn btn-sm" onClick={() => onChange(page + 1)} disabled={page >= pages}>
        {t('pagination.next')} <span aria-hidden="true">→</span>
      </button>
    </nav>
  );
}
