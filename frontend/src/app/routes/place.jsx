import { Link } from 'react-router';
import { useWorldLocation } from '../../features/locations/api/get-location';
import { LocationDetail } from '../../features/locations/components/location-detail';
import { DeleteLocationButton } from '../../features/locations/components/delete-location-button';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useWorldItem } from '../world-item-pages';

export default function PlacePage() {
  const { t, world, navigate, notify, query, item: location, base, state } = useWorldItem({ useItem: useWorldLocation, param: 'locationId', ns: 'locations', listPath: 'places' });
  useDocumentTitle(location ? t('titles.inWorld', { name: location.name, world: world.name }) : query.isError ? t('titles.notFound') : t('titles.places', { world: world.name }));

  if (state) return state;
  return (
    <div className="flex flex-col gap-4">
      <Link to={base} className="link link-hover w-fit text-sm text-base-content/60"><span aria-hidden="true">← </span>{t('locations.backToList')}</Link>
      <LocationDetail
        worldId={world.world_id}
        location={location}
        basePath={base}
        mapPath={`/worlds/${world.world_id}/map`}
        actions={(
          <>
            {location.permissions?.edit && <Link to={`${base}/${location.location_id}/edit`} className="btn btn-sm">{t('locations.edit')}</Link>}
            {location.permissions?.delete && (
              <DeleteLocationButton
                worldId={world.world_id}
                location={location}
                onDeleted={() => {
                  notify(t('locations.deleted'));
                  navigate(base, { replace: true });
                }}
              />
            )}
          </>
        )}
      />
    </div>
  );
}
