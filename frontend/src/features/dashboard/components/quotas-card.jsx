import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';

const QUOTAS = ['public_worlds', 'public_stories', 'ai_requests_today'];

/** How much of each role quota is used; an unlimited quota says so. */
export function QuotasCard({ quotas }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="quotas-title" className="card border border-base-300 bg-base-100">
      <div className="card-body gap-4">
        <h2 id="quotas-title" className="card-title text-lg">{t('dashboard.quotas.title')}</h2>
        {!quotas ? (
          <p className="text-sm text-base-content/60">{t('dashboard.quotas.unknown')}</p>
        ) : (
          <ul className="flex flex-col gap-4">
            {QUOTAS.map((key) => {
              const quota = quotas[key] ?? { used: 0, limit: null };
              const used = quota.used ?? 0;
              const unlimited = quota.limit === null || quota.limit === undefined;
              const full = !unlimited && used >= quota.limit;
              return (
                <li key={key} className="flex flex-col gap-1.5">
                  <div className="flex items-baseline justify-between gap-2 text-sm">
                    <span id={`quota-${key}`}>{t(`dashboard.quotas.${key}`)}</span>
                    <span className={`font-medium ${full ? 'text-error' : ''}`}>
                      {unlimited
                        ? t('dashboard.quotas.unlimitedUsed', { used: formatNumber(used, i18n.language) })
                        : t('dashboard.quotas.usedOf', { used: formatNumber(used, i18n.language), limit: formatNumber(quota.limit, i18n.language) })}
                    </span>
                  </div>
                  {!unlimited && (
                    <progress
                      className={`progress w-full ${full ? 'progress-error' : 'progress-primary'}`}
                      value={Math.min(used, quota.limit)}
                      max={Math.max(quota.limit, 1)}
                      aria-labelledby={`quota-${key}`}
                    />
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </section>
  );
}
