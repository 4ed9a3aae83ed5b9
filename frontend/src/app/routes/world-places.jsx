import { useTranslation } from 'react-i18next';
import { useOutletContext } from 'react-router';
import { LocationList } from '../../features/locations/components/location-list';
import { useDocumentTitle } from '../../hooks/use-document-title';

export default function WorldPlacesTab() {
  const { t } = useTranslation();
  const { world } = useOutletContext();
  useDocumentTitle(t('titles.places', { world: world.name }));
  return (
    <LocationList
      worldId={world.world_id}
      canCreate={Boolean(world.permissions?.edit)}
      basePath={`/worlds/${world.world_id}/places`}
      mapPath={`/worlds/${world.world_id}/map`}
    />
  );
}
