import { useTranslation } from 'react-i18next';
import { useOutletContext } from 'react-router';
import { EntityList } from '../../features/entities/components/entity-list';
import { useDocumentTitle } from '../../hooks/use-document-title';

export default function WorldCharactersTab() {
  const { t } = useTranslation();
  const { world } = useOutletContext();
  useDocumentTitle(t('titles.characters', { world: world.name }));
  return <EntityList worldId={world.world_id} canCreate={Boolean(world.permissions?.edit)} basePath={`/worlds/${world.world_id}/characters`} />;
}
