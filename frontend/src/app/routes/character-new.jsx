import { useTranslation } from 'react-i18next';
import { useNavigate, useOutletContext } from 'react-router';
import { useCreateEntity } from '../../features/entities/api/create-entity';
import { EntityForm } from '../../features/entities/components/entity-form';
import { NotFoundState } from '../../components/ui/not-found-state';
import { useToast } from '../../components/ui/toast';
import { useDocumentTitle } from '../../hooks/use-document-title';

export default function NewCharacterPage() {
  const { t } = useTranslation();
  const { world } = useOutletContext();
  const navigate = useNavigate();
  const { notify } = useToast();
  const base = `/worlds/${world.world_id}/characters`;
  const create = useCreateEntity({
    onSuccess: (entity) => {
      notify(t('entities.created'));
      navigate(`${base}/${entity.entity_id}`);
    },
  });
  useDocumentTitle(t('titles.newCharacter', { world: world.name }));
  if (!world.permissions?.edit) {
    return <NotFoundState title={t('worlds.noEdit.title')} body={t('worlds.noEdit.body')} backTo={base} backLabel={t('entities.backToList')} />;
  }
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <h2 className="text-2xl font-bold">{t('entities.newTitle')}</h2>
      <div className="card border border-base-300 bg-base-100">
        <div className="card-body">
          <EntityForm
            onSubmit={(body) => create.mutate({ worldId: world.world_id, body })}
            onCancel={() => navigate(base)}
            pending={create.isPending}
            error={create.error}
          />
        </div>
      </div>
    </div>
  );
}
