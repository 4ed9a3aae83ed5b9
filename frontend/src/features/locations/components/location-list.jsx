import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LOCATIONS_PAGE_SIZE, useLocations } from '../api/get-locations';
import { useLocationFilters } from '../hooks/use-location-filters';
import { LOCATION_TYPES } from '../constants';
import { NamedItemList, namedItemListLabels } from '../../../components/ui/named-item-list';

/** A world's places: search as you type (names and aliases, no diacritics needed), type filter, pages. */
export function LocationList({ worldId, canCreate = false, basePath, mapPath }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useLocationFilters();
  const query = useLocations(worldId, { page: filters.page, pageSize: LOCATIONS_PAGE_SIZE, q: filters.q, type: filters.type });

  return (
    <NamedItemList
      filters={filters}
      setFilters={setFilters}
      query={query}
      pageSize={LOCATIONS_PAGE_SIZE}
      labels={namedItemListLabels(t, 'locations')}
      types={LOCATION_TYPES.map((type) => ({ value: type, label: t(`locationTypes.${type}`) }))}
      actions={
        <div className="flex flex-wrap gap-2">
          {mapPath && <Link to={mapPath} className="btn btn-ghost btn-sm">{t('locations.seeMap')}</Link>}
          {canCreate && (
            <Link to={`${basePath}/new`} className="btn btn-primary btn-sm">
              <span aria-hidden="true">+</span> {t('locations.new')}
            </Link>
          )}
        </div>
      }
      empty={{
        title: t('locations.empty.title'),
        description: canCreate ? t('locations.empty.editable') : t('locations.empty.readonly'),
        icon: '⌂',
        action: canCreate ? <Link to={`${basePath}/new`} className="btn btn-primary">{t('locations.new')}</Link> : null,
      }}
      testId="location-list"
      itemKey={(location) => location.location_id}
      itemHref={(location) => `${basePath}/${location.location_id}`}
      itemTypeLabel={(location) => t(`locationTypes.${location.location_type}`, { defaultValue: location.location_type })}
      renderBadges={(location) => !location.coordinates && <span className="badge badge-outline badge-sm">{t('locations.noCoordinates')}</span>}
    />
  );
}
