import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useWorld } from '../../features/worlds/api/get-world';
import { useUpdateWorld } from '../../features/worlds/api/update-world';
import { WorldForm } from '../../features/worlds/components/world-form';
import { PageHeader } from '../../components/ui/page-header';
import { LoadingState } from '../../components/ui/loading-state';
import { ErrorState } from '../../components/ui/error-state';
import { NotFoundState } from '../../components/ui/not-found-state';
import { NoAccessState } from '../../components/ui/no-access-state';
import { useToast } from '../../components/ui/toast';
import { useDocumentTitle } from '../../hooks/use-document-title';

export default function EditWorldPage() {
  const { t } = useTranslation();
  const { worldId } = useParams();
  const navigate = useNavigate();
  const { notify } = useToast();
  const query = useWorld(worldId);
  const update = useUpdateWorld({
    onSuccess: () => {
      notify(t('worlds.saved'));
      navigate(`/worlds/${worldId}`);
    },
  });
  useDocumentTitle(query.data ? t('titles.editWorld', { name: query.data.name }) : t('titles.world'));

  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    return query.error.isNotFound
      ? <NotFoundState title={t('worlds.notFound.title')} body={t('worlds.notFound.body')} backTo="/worlds" backLabel={t('worlds.backToList')} />
      : <ErrorState error={query.error} onRetry={query.refetch} />;
  }
  const world = query.data;
  if (!world.permissions?.edit) {
    return <NoAccessState title={t('worlds.noEdit.title')} body={t('worlds.noEdit.body')} backTo={`/worlds/${worldId}`} backLabel={t('worlds.backToWorld')} />;
  }
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title={t('worlds.editTitle')}
        subtitle={world.name}
        actions={<Link to={`/worlds/${worldId}/calendar`} className="btn btn-sm" title={t('calendar.linkHint')}>{t('calendar.link')}</Link>}
      />
      <div className="card border border-base-300 bg-base-100">
        <div className="card-body">
          <WorldForm
            world={world}
            canManage={Boolean(world.permissions?.manage)}
            onSubmit={(changes) => update.mutate({ worldId, changes })}
            onCancel={() => navigate(`/worlds/${worldId}`)}
            pending={update.isPending}
            error={update.error}
          />
        </div>
      </div>
    </div>
  );
}
