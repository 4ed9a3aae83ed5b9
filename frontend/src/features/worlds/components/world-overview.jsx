import { useTranslation } from 'react-i18next';
import { VisibilityBadge } from '../../../components/ui/visibility-badge';
import { formatDate } from '../../../lib/format';

/** The world's heading block: badges, owner, description and counts (`compact`: badges and name only). */
export function WorldOverview({ world, actions, compact = false }) {
  const { t, i18n } = useTranslation();
  const counts = world.counts ?? {};
  const title = compact ? 'text-2xl sm:text-3xl' : 'text-3xl sm:text-4xl';
  return (
    <header className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-2">
        <span className="badge badge-ghost">{t(`worldTypes.${world.world_type}`, { defaultValue: world.world_type })}</span>
        <VisibilityBadge visibility={world.visibility} />
        {world.my_role && <span className="badge badge-outline">{t(`roles.${world.my_role}`)}</span>}
      </div>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <h1 className={`break-words font-bold tracking-tight ${title}`}>{world.name}</h1>
        {actions && <div className="flex shrink-0 flex-wrap gap-2">{actions}</div>}
      </div>
      {!compact && (
        <>
          <p className="text-sm text-base-content/60">
            {world.owner_username && <>{t('worlds.by', { name: world.owner_username })} · </>}
            {t('worlds.updated', { date: formatDate(world.updated_at, i18n.language) })}
          </p>
          {world.description ? (
            <div className="max-w-3xl whitespace-pre-line font-serif text-lg leading-relaxed text-base-content/85">{world.description}</div>
          ) : (
            <p className="italic text-base-content/60">{t('worlds.noDescription')}</p>
          )}
          <dl className="stats stats-horizontal w-full max-w-xl border border-base-300 bg-base-100 text-center sm:w-auto">
            {['stories', 'entities', 'locations', 'events'].map((key) => (
              <div key={key} className="stat px-4 py-3">
                <dt className="stat-title text-xs">{t(`worlds.counts.${key}`)}</dt>
                <dd className="stat-value text-xl">{counts[key] ?? 0}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </header>
  );
}
