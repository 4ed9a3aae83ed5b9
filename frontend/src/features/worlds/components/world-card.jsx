import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { VisibilityBadge } from '../../../components/ui/visibility-badge';
import { formatDate } from '../../../lib/format';

/** A world in a list: name, type, visibility, my role, a short excerpt and counts. */
export function WorldCard({ world }) {
  const { t, i18n } = useTranslation();
  const stories = world.counts?.stories ?? 0;
  return (
    <li className="card border border-base-300 bg-base-100 transition hover:-translate-y-0.5 hover:shadow-md focus-within:shadow-md">
      <div className="card-body gap-2 p-5">
        <div className="flex flex-wrap items-center gap-2">
          <span className="badge badge-ghost badge-sm">{t(`worldTypes.${world.world_type}`, { defaultValue: world.world_type })}</span>
          <VisibilityBadge visibility={world.visibility} />
          {world.my_role && world.my_role !== 'owner' && (
            <span className="badge badge-outline badge-sm">{t(`roles.${world.my_role}`)}</span>
          )}
        </div>
        <h3 className="card-title text-lg leading-snug">
          <Link to={`/worlds/${world.world_id}`} className="link link-hover after:absolute after:inset-0 focus-visible:outline-none">
            {world.name}
          </Link>
        </h3>
        {world.excerpt ? (
          <p className="line-clamp-3 text-sm text-base-content/75">{world.excerpt}</p>
        ) : (
          <p className="text-sm italic text-base-content/60">{t('worlds.noDescription')}</p>
        )}
        <div className="mt-auto flex flex-wrap items-center justify-between gap-2 pt-2 text-xs text-base-content/60">
          <span>{t('worlds.storyCount', { count: stories })}</span>
          <span>
            {world.owner_username && world.my_role !== 'owner' ? `${t('worlds.by', { name: world.owner_username })} · ` : ''}
            {formatDate(world.updated_at, i18n.language)}
          </span>
        </div>
      </div>
    </li>
  );
}
