import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useOutletContext, useParams } from 'react-router';
import { useEntity } from '../../features/entities/api/get-entity';
import { EntityDetail } from '../../features/entities/components/entity-detail';
import { DeleteEntityButton } from '../../features/entities/components/delete-entity-button';
import { LoadingState } from '../../components/ui/loading-state';
import { ErrorState } from '../../components/ui/error-state';
import { NotFoundState } from '../../components/ui/not-found-state';
import { useToast } from '../../components/ui/toast';
import { useDocumentTitle } from '../../hooks/use-document-title';

export default function CharacterPage() {
  const { t } = useTranslation();
  const { world } = useOutletContext();
  const { entityId } = useParams();
  const navigate = useNavigate();
  const { notify } = useToast();
  const query = useEntity(world.world_id, entityId);
  const entity = query.data;
  const base = `/worlds/${world.world_id}/characters`;
  useDocumentTitle(entity ? t('titles.inWorld', { name: entity.name, world: world.name }) : query.isError ? t('titles.notFound') : t('titles.characters', { world: world.name }));

  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    return query.error.isNotFound
      ? <NotFoundState title={t('entities.notFound.title')} body={t('entities.notFound.body')} backTo={base} backLabel={t('entities.backToList')} />
      : <ErrorState error={query.error} onRetry={query.refetch} />;
  }
  return (
    <div className="flex flex-col gap-4">
      <Link to={base} className="link link-hover w-fit text-sm text-base-content/60"><span aria-hidden="true">← </span>{t('entities.backToList')}</Link>
      <EntityDetail
        worldId={world.world_id}
        entity={entity}
        basePath={base}
        actions={(
          <>
            {entity.permissions?.edit && <Link to={`${base}/${entity.entity_id}/edit`} className="btn btn-sm">{t('entities.edit')}</Link>}
            {entity.permissions?.delete && (
              <DeleteEntityButton
                worldId={world.world_id}
                entity={entity}
                onDeleted={() => {
                  notify(t('entities.deleted'));
                  navigate(base, { replace: true });
                }}
              />
            )}
          </>
        )}
      />
    </div>
  );
}
