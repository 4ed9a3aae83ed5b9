import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useStory } from '../../features/stories/api/get-story';
import { StoryReader } from '../../features/stories/components/story-reader';
import { LoadingState } from '../../components/ui/loading-state';
import { ErrorState } from '../../components/ui/error-state';
import { NotFoundState } from '../../components/ui/not-found-state';
import { useDocumentTitle } from '../../hooks/use-document-title';

export default function StoryPage() {
  const { t } = useTranslation();
  const { storyId } = useParams();
  const query = useStory(storyId);
  const story = query.data;
  useDocumentTitle(story?.title ?? (query.isError ? t('titles.notFound') : t('titles.story')));

  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    return query.error.isNotFound
      ? <NotFoundState title={t('stories.notFound.title')} body={t('stories.notFound.body')} backTo="/worlds" backLabel={t('worlds.backToList')} />
      : <ErrorState error={query.error} onRetry={query.refetch} />;
  }
  return (
    <StoryReader
      story={story}
      actions={story.permissions?.edit ? <Link to={`/stories/${story.story_id}/edit`} className="btn btn-primary btn-sm">{t('stories.write')}</Link> : null}
    />
  );
}
