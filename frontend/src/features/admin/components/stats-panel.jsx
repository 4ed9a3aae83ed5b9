import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useAdminStats } from '../api/get-admin-stats';
import { LoadingState } from '../../../components/ui/loading-state';
import { ErrorState } from '../../../components/ui/error-state';
import { formatNumber } from '../../../lib/format';
import { USER_ROLES } from '../constants';

const VISIBILITIES = ['draft', 'private', 'public'];

function Breakdown({ entries }) {
  return (
    <ul className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-xs text-base-content/70">
      {entries.map(([label, value]) => <li key={label}>{label}: <span className="font-semibold tabular-nums">{value}</span></li>)}
    </ul>
  );
}

/** True totals across the whole site, private content included. */
export function StatsPanel() {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const query = useAdminStats();
  const n = (value) => formatNumber(value ?? 0, i18n.language);

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={query.refetch} />;
  const stats = query.data;
  const cards = [
    {
      key: 'users',
      value: stats.users?.total,
      extra: [
        ...USER_ROLES.map((role) => [t(`userRoles.${role}`), n(stats.users?.by_role?.[role])]),
        [t('admin.stats.banned'), n(stats.users?.banned)],
      ],
    },
    { key: 'worlds', value: stats.worlds?.total, extra: VISIBILITIES.map((v) => [t(`visibility.${v}`), n(stats.worlds?.by_visibility?.[v])]) },
    { key: 'stories', value: stats.stories?.total, extra: VISIBILITIES.map((v) => [t(`visibility.${v}`), n(stats.stories?.by_visibility?.[v])]) },
    { key: 'entities', value: stats.entities },
    { key: 'locations', value: stats.locations },
    { key: 'events', value: stats.events },
  ];
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-4">
      <h2 id={headingId} className="text-xl font-bold">{t('admin.stats.title')}</h2>
      <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="admin-stats">
        {cards.map((card) => (
          <div key={card.key} className="rounded-box border border-base-300 bg-base-100 p-4">
            <dt className="text-sm text-base-content/70">{t(`admin.stats.${card.key}`)}</dt>
            <dd>
              <span className="text-3xl font-bold tabular-nums">{n(card.value)}</span>
              {card.extra && <Breakdown entries={card.extra} />}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
