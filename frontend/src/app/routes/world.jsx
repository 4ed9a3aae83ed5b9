import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useWorld } from '../../features/worlds/api/get-world';
import { WorldOverview } from '../../features/worlds/components/world-overview';
import { DeleteWorldButton } from '../../features/worlds/components/delete-world-button';
import { CollaboratorsPanel } from '../../features/worlds/components/collaborators-panel';
import { VisibilityPanel } from '../../features/worlds/components/visibility-panel';
import { WorldStories } from '../../features/stories/components/world-stories';
import { LoadingState } from '../../components/ui/loading-state';
import { ErrorState } from '../../components/ui/error-state';
import { NotFoundState } from '../../components/ui/not-found-state';
import { useToast } from '../../components/ui/toast';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useIsSignedIn } from '../../lib/session';

export default function WorldPage() {
  const { t } = useTranslation();
  const { worldId } = useParams();
  const navigate = useNavigate();
  const { notify } = useToast();
  const signedIn = useIsSignedIn();
  const query = useWorld(worldId);
  const world = query.data;
  useDocumentTitle(world?.name ?? (query.isError ? t('titles.notFound') : t('titles.world')));

  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    return query.error.isNotFound
      ? <NotFoundState title={t('worlds.notFound.title')} body={t('worlds.notFound.body')} backTo="/worlds" backLabel={t('worlds.backToList')} />
      : <ErrorState error={query.error} onRetry={query.refetch} />;
  }

  const permissions = world.permissions ?? {};
  const showSharing = signedIn && (permissions.manage || (world.collaborators ?? []).length > 0);
  return (
    <div className="flex flex-col gap-10">
      <WorldOverview
        world={world}
        actions={(
          <>
            {permissions.edit && <Link to={`/worlds/${world.world_id}/edit`} className="btn btn-sm">{t('worlds.edit')}</Link>}
            {permissions.delete && (
              <DeleteWorldButton
                world={world}
                onDeleted={() => {
                  notify(t('worlds.deleted'));
                  navigate('/worlds', { replace: true });
                }}
              />
            )}
          </>
        )}
      />
      <div className="grid gap-8 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <WorldStories
            worldId={world.world_id}
            canEdit={Boolean(permissions.edit)}
            onCreated={(story) => navigate(`/stories/${story.story_id}/edit`)}
          />
        </div>
        {(permissions.manage || showSharing) && (
          <aside className="flex flex-col gap-6">
            <VisibilityPanel world={world} />
            {showSharing && <CollaboratorsPanel world={world} />}
          </aside>
        )}
      </div>
    </div>
  );
}
