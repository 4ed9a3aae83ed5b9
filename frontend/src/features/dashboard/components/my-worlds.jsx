import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMyWorlds } from '../api/get-my-worlds';
import { VisibilityBadge } from '../../../components/ui/visibility-badge';
import { SkeletonCards } from '../../../components/ui/loading-state';
import { ErrorState } from '../../../components/ui/error-state';
import { EmptyState } from '../../../components/ui/empty-state';

/** The user's own worlds, newest first, with a link to all of them. */
export function MyWorlds({ canCreate = true }) {
  const { t } = useTranslation();
  const query = useMyWorlds();
  return (
    <section aria-labelledby="my-worlds-title" className="flex flex-col gap-4">
      <div className="flex items-center justify-between gap-2">
        <h2 id="my-worlds-title" className="text-xl font-bold">{t('dashboard.myWorlds')}</h2>
        {query.data?.total > 0 && (
          <Link to="/worlds?scope=mine" className="link link-primary text-sm">{t('dashboard.seeAll', { count: query.data.total })}</Link>
        )}
      </div>
      {query.isPending ? (
        <SkeletonCards count={3} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={query.refetch} />
      ) : query.data.items.length === 0 ? (
        <EmptyState
          title={t('dashboard.noWorlds.title')}
          description={t('dashboard.noWorlds.body')}
          action={canCreate ? <Link to="/worlds/new" className="btn btn-primary">{t('worlds.create')}</Link> : null}
        />
      ) : (
        <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          {query.data.items.map((world) => (
            <li key={world.world_id} className="card min-w-0 border border-base-300 bg-base-100 transition hover:shadow-md">
              <div className="card-body min-w-0 gap-1 p-4">
                <div className="flex min-w-0 items-center justify-between gap-2">
                  <Link to={`/worlds/${world.world_id}`} className="link link-hover min-w-0 truncate font-semibold">{world.name}</Link>
                  <VisibilityBadge visibility={world.visibility} />
                </div>
                <p className="text-xs text-base-content/60">
                  {t(`worldTypes.${world.world_type}`, { defaultValue: world.world_type })} · {t('worlds.storyCount', { count: world.counts?.stories ?? 0 })}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
