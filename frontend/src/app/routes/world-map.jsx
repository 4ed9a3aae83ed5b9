import { useTranslation } from 'react-i18next';
import { useOutletContext, useSearchParams } from 'react-router';
import { WorldMap } from '../../features/locations/components/world-map';
import { useDocumentTitle } from '../../hooks/use-document-title';

export default function WorldMapTab() {
  const { t } = useTranslation();
  const { world } = useOutletContext();
  const [params] = useSearchParams();
  useDocumentTitle(t('titles.map', { world: world.name }));
  return (
    <WorldMap
      worldId={world.world_id}
      basePath={`/worlds/${world.world_id}/places`}
      focusId={params.get('place')}
      canCreate={Boolean(world.permissions?.edit)}
    />
  );
}
