import { useEntity } from '../../features/entities/api/get-entity';
import { useUpdateEntity } from '../../features/entities/api/update-entity';
import { EntityForm } from '../../features/entities/components/entity-form';
import { EditWorldItemPage } from '../world-item-pages';

export default function EditCharacterPage() {
  return (
    <EditWorldItemPage
      useItem={useEntity}
      useUpdate={useUpdateEntity}
      mutateArgs={(worldId, entityId, changes) => ({ worldId, entityId, changes })}
      param="entityId"
      ns="entities"
      listPath="characters"
      listTitleKey="titles.characters"
      renderForm={(entity, formProps) => <EntityForm key={entity.entity_id} entity={entity} {...formProps} />}
    />
  );
}
