import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRecentStories } from '../api/get-recent-stories';
import { LoadingState } from '../../../components/ui/loading-state';
import { ErrorState } from '../../../components/ui/error-state';
import { EmptyState } from '../../../components/ui/empty-state';
import { formatDate } from '../../../lib/format';

/** The stories the user worked on last, each a link back into the editor. */
export function RecentStories() {
  const { t, i18n } = useTranslation();
  const query = useRecentStories();
  return (
    <section aria-labelledby="recent-stories-title" className="flex flex-col gap-4">
      <h2 id="recent-stories-title" className="text-xl font-bold">{t('dashboard.recentStories')}</h2>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={query.refetch} />
      ) : query.data.items.length === 0 ? (
        <EmptyState title={t('dashboard.noStories.title')} description={t('dashboard.noStories.body')} icon="✎" />
      ) : (
        <ul className="flex flex-col divide-y divide-base-200 rounded-box border border-base-300 bg-base-100">
          {query.data.items.map((story) => (
            <li key={story.story_id} className="flex flex-col gap-0.5 p-4 sm:flex-row sm:items-center sm:justify-between sm:gap-4">
              <div className="min-w-0">
                <Link to={`/stories/${story.story_id}`} className="link link-hover font-semibold">{story.title || t('stories.untitled')}</Link>
                <p className="truncate text-xs text-base-content/60">
                  {story.world_name ? `${story.world_name} · ` : ''}{formatDate(story.updated_at, i18n.language)}
                </p>
              </div>
              {story.permissions?.edit !== false && (
                <Link to={`/stories/${story.story_id}/edit`} className="btn btn-ghost btn-xs self-start sm:self-auto" aria-label={t('stories.editNamed', { title: story.title })}>
                  {t('stories.edit')}
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
