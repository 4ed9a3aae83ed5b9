import { useTranslation } from 'react-i18next';
import { useNavigate, useOutletContext, useParams } from 'react-router';
import { useWorldLocation } from '../../features/locations/api/get-location';
import { useUpdateLocation } from '../../features/locations/api/update-location';
import { LocationForm } from '../../features/locations/components/location-form';
import { LoadingState } from '../../components/ui/loading-state';
import { ErrorState } from '../../components/ui/error-state';
import { NotFoundState } from '../../components/ui/not-found-state';
import { useToast } from '../../components/ui/toast';
import { useDocumentTitle } from '../../hooks/use-document-title';

export default function EditPlacePage() {
  const { t } = useTranslation();
  const { world } = useOutletContext();
  const { locationId } = useParams();
  const navigate = useNavigate();
  const { notify } = useToast();
  const query = useWorldLocation(world.world_id, locationId);
  const location = query.data;
  const detail = `/worlds/${world.world_id}/places/${locationId}`;
  const update = useUpdateLocation({
    onSuccess: () => {
      notify(t('locations.saved'));
      navigate(detail);
    },
  });
  useDocumentTitle(location ? t('titles.edit', { name: location.name }) : t('titles.places', { world: world.name }));

  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    return query.error.isNotFound
      ? <NotFoundState title={t('locations.notFound.title')} body={t('locations.notFound.body')} backTo={`/worlds/${world.world_id}/places`} backLabel={t('locations.backToList')} />
      : <ErrorState error={query.error} onRetry={query.refetch} />;
  }
  if (!location.permissions?.edit) {
    return <NotFoundState title={t('locations.noEdit.title')} body={t('locations.noEdit.body')} backTo={detail} backLabel={t('locations.back')} />;
  }
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <h2 className="text-2xl font-bold">{t('locations.editTitle', { name: location.name })}</h2>
      <div className="card border border-base-300 bg-base-100">
        <div className="card-body">
          <LocationForm
            key={location.location_id}
            worldId={world.world_id}
            location={location}
            onSubmit={(changes) => {
              if (!Object.keys(changes).length) {
                navigate(detail);
                return;
              }
              update.mutate({ worldId: world.world_id, locationId, changes });
            }}
            onCancel={() => navigate(detail)}
            pending={update.isPending}
            error={update.error}
          />
        </div>
      </div>
    </div>
  );
}
