/** The world's Graph tab: its characters, places and stories and how they are joined. */
import { useTranslation } from 'react-i18next';
import { useOutletContext } from 'react-router';
import { WorldGraph } from '../../features/graph/components/world-graph';
import { useDocumentTitle } from '../../hooks/use-document-title';

export default function WorldGraphTab() {
  const { t } = useTranslation();
  const { world } = useOutletContext();
  useDocumentTitle(t('graph.pageTitle', { world: world.name }));
  return <WorldGraph worldId={world.world_id} canEdit={Boolean(world.permissions?.edit)} />;
}
