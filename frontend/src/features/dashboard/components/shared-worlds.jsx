import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSharedWorlds } from '../api/get-shared-worlds';
import { VisibilityBadge } from '../../../components/ui/visibility-badge';
import { ErrorState } from '../../../components/ui/error-state';

/** "Shared with you": worlds others made and shared, with their owner and the user's role; hidden when there are none. */
export function SharedWorlds() {
  const { t } = useTranslation();
  const query = useSharedWorlds();
  if (query.isPending || (query.isSuccess && query.data.items.length === 0)) return null;
  return (
    <section aria-labelledby="shared-worlds-title" className="flex flex-col gap-4">
      <div className="flex items-center justify-between gap-2">
        <h2 id="shared-worlds-title" className="text-xl font-bold">{t('desk.shared.title')}</h2>
        {query.data?.total > 0 && (
          <Link to="/worlds?scope=shared" className="link link-primary shrink-0 text-sm">{t('desk.shared.seeAll', { count: query.data.total })}</Link>
        )}
      </div>
      {query.isError ? (
        <ErrorState error={query.error} onRetry={query.refetch} />
      ) : (
        <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2" data-testid="shared-worlds">
          {query.data.items.map((world) => (
            <li key={world.world_id} className="card min-w-0 border border-base-300 bg-base-100 transition hover:shadow-md">
              <div className="card-body min-w-0 gap-1 p-4">
                <div className="flex min-w-0 items-center justify-between gap-2">
                  <Link to={`/worlds/${world.world_id}`} className="link link-hover min-w-0 truncate font-semibold">{world.name}</Link>
                  {world.my_role && <span className="badge badge-outline badge-sm shrink-0">{t(`roles.${world.my_role}`)}</span>}
                </div>
                <p className="min-w-0 truncate text-xs text-base-content/60">
                  {t('desk.shared.by', { name: world.owner_username ?? '?' })}
                </p>
                <div><VisibilityBadge visibility={world.visibility} /></div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
