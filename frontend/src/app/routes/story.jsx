import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useStory } from '../../features/stories/api/get-story';
import { StoryReader } from '../../features/stories/components/story-reader';
import { StoryLinks } from '../../features/stories/components/story-links';
import { useAllEntities } from '../../features/entities/api/get-entities';
import { useAllLocations } from '../../features/locations/api/get-locations';
import { StoryAssistant } from '../../features/assistant/components/story-assistant';
import { LinkedStories } from '../../components/ui/linked-stories';
import { LoadingState } from '../../components/ui/loading-state';
import { ErrorState } from '../../components/ui/error-state';
import { NotFoundState } from '../../components/ui/not-found-state';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useToken } from '../../lib/session';

/** The linked characters and places as highlights for the reader: names and aliases → their pages. */
function useHighlights(story, entities, locations) {
  return useMemo(() => {
    if (!story) return [];
    const base = `/worlds/${story.world_id}`;
    const entityIds = new Set(story.entity_ids ?? []);
    const locationIds = new Set(story.location_ids ?? []);
    return [
      ...entities.filter((e) => entityIds.has(e.entity_id)).map((e) => ({
        key: `entity:${e.entity_id}`, kind: 'entity', names: [e.name, ...(e.aliases ?? [])], to: `${base}/characters/${e.entity_id}`, title: e.name,
      })),
      ...locations.filter((l) => locationIds.has(l.location_id)).map((l) => ({
        key: `location:${l.location_id}`, kind: 'location', names: [l.name, ...(l.aliases ?? [])], to: `${base}/places/${l.location_id}`, title: l.name,
      })),
    ];
  }, [story, entities, locations]);
}

export default function StoryPage() {
  const { t } = useTranslation();
  const { storyId } = useParams();
  const query = useStory(storyId);
  const story = query.data;
  const entities = useAllEntities(story?.world_id);
  const locations = useAllLocations(story?.world_id);
  const highlights = useHighlights(story, entities.data ?? [], locations.data ?? []);
  const signedIn = Boolean(useToken());
  useDocumentTitle(story?.title ?? (query.isError ? t('titles.notFound') : t('titles.story')));

  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    return query.error.isNotFound
      ? <NotFoundState title={t('stories.notFound.title')} body={t('stories.notFound.body')} backTo="/worlds" backLabel={t('worlds.backToList')} />
      : <ErrorState error={query.error} onRetry={query.refetch} />;
  }
  const canEdit = Boolean(story.permissions?.edit);
  const linkedCount = (story.entity_ids?.length ?? 0) + (story.location_ids?.length ?? 0);
  return (
    <StoryReader
      story={story}
      highlights={highlights}
      actions={canEdit ? <Link to={`/stories/${story.story_id}/edit`} className="btn btn-primary btn-sm">{t('stories.write')}</Link> : null}
      footer={(
        <div className="flex flex-col gap-6">
          {(canEdit || linkedCount > 0) && (
            <StoryLinks
              story={story}
              entities={entities.data ?? []}
              locations={locations.data ?? []}
              loading={entities.isPending || locations.isPending}
              canEdit={canEdit}
            />
          )}
          <LinkedStories story={story} />
          {signedIn && (
            <StoryAssistant story={story} entities={entities.data ?? []} locations={locations.data ?? []} canEdit={canEdit} />
          )}
        </div>
      )}
    />
  );
}
