import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAllLocations } from '../api/get-locations';
import { PlacesMap } from './places-map';
import { LoadingState } from '../../../components/ui/loading-state';
import { ErrorState } from '../../../components/ui/error-state';
import { EmptyState } from '../../../components/ui/empty-state';

/** The world's places on a map, and beside it the places that have no coordinates yet. */
export function WorldMap({ worldId, basePath, focusId, canCreate }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const headingId = useId();
  const query = useAllLocations(worldId);

  const places = query.data ?? [];
  const unplaced = places.filter((place) => !place.coordinates);
  const placedCount = places.length - unplaced.length;

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={headingId} className="text-xl font-bold">{t('map.title')}</h2>
        {canCreate && (
          <Link to={`${basePath}/new`} className="btn btn-primary btn-sm"><span aria-hidden="true">+</span> {t('locations.new')}</Link>
        )}
      </div>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={query.refetch} />
      ) : places.length === 0 ? (
        <EmptyState title={t('map.emptyTitle')} description={canCreate ? t('map.emptyEditable') : t('map.emptyReadonly')} icon="⌖" />
      ) : (
        <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,1fr)]">
          <div className="min-w-0">
            {placedCount > 0 ? (
              <PlacesMap places={places} focusId={focusId} onOpen={(place) => navigate(`${basePath}/${place.location_id}`)} />
            ) : (
              <EmptyState title={t('map.noneWithCoordinates')} description={t('map.addCoordinates')} icon="⌖" />
            )}
          </div>
          <aside aria-labelledby={`${headingId}-unplaced`} className="flex flex-col gap-2">
            <h3 id={`${headingId}-unplaced`} className={unplaced.length ? 'font-semibold' : 'sr-only'}>{t('map.unplaced', { count: unplaced.length })}</h3>
            {unplaced.length === 0 ? (
              <p className="text-sm text-base-content/60">{t('map.allPlaced')}</p>
            ) : (
              <ul className="flex flex-col gap-1 text-sm" data-testid="unplaced">
                {unplaced.map((place) => (
                  <li key={place.location_id}>
                    <Link to={`${basePath}/${place.location_id}`} className="link link-hover">{place.name}</Link>
                    <span className="ml-1 text-xs text-base-content/60">{t(`locationTypes.${place.location_type}`, { defaultValue: place.location_type })}</span>
                  </li>
                ))}
              </ul>
            )}
          </aside>
        </div>
      )}
    </section>
  );
}
