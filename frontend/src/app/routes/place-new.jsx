import { useTranslation } from 'react-i18next';
import { useNavigate, useOutletContext } from 'react-router';
import { useCreateLocation } from '../../features/locations/api/create-location';
import { LocationForm } from '../../features/locations/components/location-form';
import { NotFoundState } from '../../components/ui/not-found-state';
import { useToast } from '../../components/ui/toast';
import { useDocumentTitle } from '../../hooks/use-document-title';

export default function NewPlacePage() {
  const { t } = useTranslation();
  const { world } = useOutletContext();
  const navigate = useNavigate();
  const { notify } = useToast();
  const base = `/worlds/${world.world_id}/places`;
  const create = useCreateLocation({
    onSuccess: (location) => {
      notify(t('locations.created'));
      navigate(`${base}/${location.location_id}`);
    },
  });
  useDocumentTitle(t('titles.newPlace', { world: world.name }));
  if (!world.permissions?.edit) {
    return <NotFoundState title={t('worlds.noEdit.title')} body={t('worlds.noEdit.body')} backTo={base} backLabel={t('locations.backToList')} />;
  }
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <h2 className="text-2xl font-bold">{t('locations.newTitle')}</h2>
      <div className="card border border-base-300 bg-base-100">
        <div className="card-body">
          <LocationForm
            worldId={world.world_id}
            onSubmit={(body) => create.mutate({ worldId: world.world_id, body })}
            onCancel={() => navigate(base)}
            pending={create.isPending}
            error={create.error}
          />
        </div>
      </div>
    </div>
  );
}
