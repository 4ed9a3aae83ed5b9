import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useOutletContext, useParams } from 'react-router';
import { useWorldLocation } from '../../features/locations/api/get-location';
import { LocationDetail } from '../../features/locations/components/location-detail';
import { DeleteLocationButton } from '../../features/locations/components/delete-location-button';
import { LoadingState } from '../../components/ui/loading-state';
import { ErrorState } from '../../components/ui/error-state';
import { NotFoundState } from '../../components/ui/not-found-state';
import { useToast } from '../../components/ui/toast';
import { useDocumentTitle } from '../../hooks/use-document-title';

export default function PlacePage() {
  const { t } = useTranslation();
  const { world } = useOutletContext();
  const { locationId } = useParams();
  const navigate = useNavigate();
  const { notify } = useToast();
  const query = useWorldLocation(world.world_id, locationId);
  const location = query.data;
  const base = `/worlds/${world.world_id}/places`;
  useDocumentTitle(location ? t('titles.inWorld', { name: location.name, world: world.name }) : query.isError ? t('titles.notFound') : t('titles.places', { world: world.name }));

  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    return query.error.isNotFound
      ? <NotFoundState title={t('locations.notFound.title')} body={t('locations.notFound.body')} backTo={base} backLabel={t('locations.backToList')} />
      : <ErrorState error={query.error} onRetry={query.refetch} />;
  }
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
