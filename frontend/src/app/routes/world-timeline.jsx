/** The world's Timeline tab: its events on the world's calendar, with the world's characters, places and stories for names and pickers. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useOutletContext } from 'react-router';
import { WorldTimeline } from '../../features/timeline/components/world-timeline';
import { useAllEntities } from '../../features/entities/api/get-entities';
import { useAllLocations } from '../../features/locations/api/get-locations';
import { useWorldStories } from '../../features/stories/api/get-world-stories';
import { useDocumentTitle } from '../../hooks/use-document-title';

const EMPTY = [];

export default function WorldTimelineTab() {
  const { t } = useTranslation();
  const { world } = useOutletContext();
  const entities = useAllEntities(world.world_id);
  const locations = useAllLocations(world.world_id);
  const stories = useWorldStories(world.world_id);
  useDocumentTitle(t('timeline.pageTitle', { world: world.name }));
  const people = useMemo(() => (entities.data ?? EMPTY).map((e) => ({ id: e.entity_id, name: e.name, aliases: e.aliases })), [entities.data]);
  const places = useMemo(() => (locations.data ?? EMPTY).map((l) => ({ id: l.location_id, name: l.name, aliases: l.aliases })), [locations.data]);
  return (
    <WorldTimeline
      world={world}
      entities={people}
      locations={places}
      stories={stories.data ?? EMPTY}
      canEdit={Boolean(world.permissions?.edit)}
    />
  );
}
