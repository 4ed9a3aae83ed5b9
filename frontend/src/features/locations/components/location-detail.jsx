import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAllLocations } from '../api/get-locations';
import { formatDate, formatNumber } from '../../../lib/format';

/** One place: type, aliases, where it lies, what lies inside it, its map position and description. */
export function LocationDetail({ worldId, location, basePath, mapPath, actions }) {
  const { t, i18n } = useTranslation();
  const all = useAllLocations(worldId);
  const children = (all.data ?? []).filter((place) => place.parent_location_id === location.location_id);
  const kind = location.source?.kind ?? 'user';
  const coords = location.coordinates;
  return (
    <article className="flex flex-col gap-6" data-testid="location-detail">
      <header className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <div className="mb-1 flex flex-wrap items-center gap-2">
            <span className="badge badge-ghost">{t(`locationTypes.${location.location_type}`, { defaultValue: location.location_type })}</span>
            {kind !== 'user' && <span className="badge badge-outline badge-sm">{t(`sources.${kind}`, { defaultValue: kind })}</span>}
          </div>
          <h2 className="break-words text-2xl font-bold sm:text-3xl">{location.name}</h2>
          {location.aliases?.length > 0 && (
            <p className="mt-1 text-sm text-base-content/70">
              {t('common.akaLabel')}
              <span className="ml-1 inline-flex flex-wrap gap-1 align-middle">
                {location.aliases.map((alias) => <span key={alias} className="badge badge-soft badge-sm">{alias}</span>)}
              </span>
            </p>
          )}
        </div>
        {actions && <div className="flex shrink-0 flex-wrap gap-2">{actions}</div>}
      </header>

      <dl className="grid max-w-2xl grid-cols-[minmax(0,1fr)_minmax(0,2fr)] gap-x-4 gap-y-2 rounded-box border border-base-300 bg-base-100 p-4 text-sm">
        <dt className="font-medium text-base-content/70">{t('locations.inside')}</dt>
        <dd>
          {location.parent_location_id
            ? <Link to={`${basePath}/${location.parent_location_id}`} className="link">{location.parent_name ?? t('locations.unnamed')}</Link>
            : <span className="text-base-content/60">{t('locations.topLevel')}</span>}
        </dd>
        <dt className="font-medium text-base-content/70">{t('locations.coordinates')}</dt>
        <dd>
          {coords ? (
            <>
              <span>{formatNumber(coords.x, i18n.language)}, {formatNumber(coords.y, i18n.language)}</span>
              {mapPath && <Link to={`${mapPath}?place=${encodeURIComponent(location.location_id)}`} className="link ml-2">{t('locations.showOnMap')}</Link>}
            </>
          ) : <span className="text-base-content/60">{t('locations.noCoordinates')}</span>}
        </dd>
        <dt className="font-medium text-base-content/70">{t('locations.contains')}</dt>
        <dd>
          {children.length ? (
            <ul className="flex flex-wrap gap-x-3 gap-y-1">
              {children.map((child) => <li key={child.location_id}><Link to={`${basePath}/${child.location_id}`} className="link">{child.name}</Link></li>)}
            </ul>
          ) : <span className="text-base-content/60">{all.isPending ? t('common.loading') : t('locations.containsNone')}</span>}
        </dd>
      </dl>

      {location.description ? (
        <div className="max-w-3xl whitespace-pre-line font-serif text-lg leading-relaxed text-base-content/85">{location.description}</div>
      ) : (
        <p className="italic text-base-content/60">{t('locations.noDescription')}</p>
      )}
      <p className="text-xs text-base-content/60">{t('entities.updated', { date: formatDate(location.updated_at, i18n.language) })}</p>
    </article>
  );
}
