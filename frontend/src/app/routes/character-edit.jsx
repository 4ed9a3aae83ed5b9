import { useTranslation } from 'react-i18next';
import { useNavigate, useOutletContext, useParams } from 'react-router';
import { useEntity } from '../../features/entities/api/get-entity';
import { useUpdateEntity } from '../../features/entities/api/update-entity';
import { EntityForm } from '../../features/entities/components/entity-form';
import { LoadingState } from '../../components/ui/loading-state';
import { ErrorState } from '../../components/ui/error-state';
import { NotFoundState } from '../../components/ui/not-found-state';
import { useToast } from '../../components/ui/toast';
import { useDocumentTitle } from '../../hooks/use-document-title';

export default function EditCharacterPage() {
  const { t } = useTranslation();
  const { world } = useOutletContext();
  const { entityId } = useParams();
  const navigate = useNavigate();
  const { notify } = useToast();
  const query = useEntity(world.world_id, entityId);
  const entity = query.data;
  const detail = `/worlds/${world.world_id}/characters/${entityId}`;
  const update = useUpdateEntity({
    onSuccess: () => {
      notify(t('entities.saved'));
      navigate(detail);
    },
  });
  useDocumentTitle(entity ? t('titles.edit', { name: entity.name }) : t('titles.characters', { world: world.name }));

  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    return query.error.isNotFound
      ? <NotFoundState title={t('entities.notFound.title')} body={t('entities.notFound.body')} backTo={`/worlds/${world.world_id}/characters`} backLabel={t('entities.backToList')} />
      : <ErrorState error={query.error} onRetry={query.refetch} />;
  }
  if (!entity.permissions?.edit) {
    return <NotFoundState title={t('entities.noEdit.title')} body={t('entities.noEdit.body')} backTo={detail} backLabel={t('entities.back')} />;
  }
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <h2 className="text-2xl font-bold">{t('entities.editTitle', { name: entity.name })}</h2>
      <div className="card border border-base-300 bg-base-100">
        <div className="card-body">
          <EntityForm
            key={entity.entity_id}
            entity={entity}
            onSubmit={(changes) => {
              if (!Object.keys(changes).length) {
                navigate(detail);
                return;
              }
              update.mutate({ worldId: world.world_id, entityId, changes });
            }}
            onCancel={() => navigate(detail)}
            pending={update.isPending}
            error={update.error}
          />
        </div>
      </div>
    </div>
  );
}
