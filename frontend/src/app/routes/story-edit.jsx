import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useStory } from '../../features/stories/api/get-story';
import { useAllEntities } from '../../features/entities/api/get-entities';
import { useAllLocations } from '../../features/locations/api/get-locations';
import { StoryEditor } from '../../features/stories/components/story-editor';
import { DeleteStoryButton } from '../../features/stories/components/delete-story-button';
import { LoadingState } from '../../components/ui/loading-state';
import { ErrorState } from '../../components/ui/error-state';
import { NotFoundState } from '../../components/ui/not-found-state';
import { NoAccessState } from '../../components/ui/no-access-state';
import { useToast } from '../../components/ui/toast';
import { useDocumentTitle } from '../../hooks/use-document-title';

const EMPTY = [];

export default function EditStoryPage() {
  const { t } = useTranslation();
  const { storyId } = useParams();
  const navigate = useNavigate();
  const { notify } = useToast();
  // Always start the editor from the server's latest text.
  const query = useStory(storyId, { refetchOnMount: 'always', staleTime: 0 });
  const story = query.data;
  const canEdit = Boolean(story?.permissions?.edit);
  const entities = useAllEntities(canEdit ? story.world_id : undefined);
  const locations = useAllLocations(canEdit ? story.world_id : undefined);
  useDocumentTitle(story ? t('titles.editStory', { title: story.title }) : t('titles.story'));

  if (query.isPending || (query.isFetching && !query.isFetchedAfterMount)) return <LoadingState />;
  if (query.isError) {
    return query.error.isNotFound
      ? <NotFoundState title={t('stories.notFound.title')} body={t('stories.notFound.body')} backTo="/worlds" backLabel={t('worlds.backToList')} />
      : <ErrorState error={query.error} onRetry={query.refetch} />;
  }
  if (!story.permissions?.edit) {
    return <NoAccessState title={t('desk.noAccess.storyEdit.title')} body={t('desk.noAccess.storyEdit.body')} backTo={`/stories/${storyId}`} backLabel={t('stories.read')} />;
  }
  return (
    <StoryEditor
      key={story.story_id}
      story={story}
      entities={entities.data ?? EMPTY}
      locations={locations.data ?? EMPTY}
      actions={(
        <>
          <Link to={`/stories/${story.story_id}`} className="btn btn-ghost btn-sm">{t('stories.read')}</Link>
          {story.permissions?.delete && (
            <DeleteStoryButton
              story={story}
              onDeleted={() => {
                notify(t('stories.deleted'));
                navigate(`/worlds/${story.world_id}`, { replace: true });
              }}
            />
          )}
        </>
      )}
    />
  );
}
