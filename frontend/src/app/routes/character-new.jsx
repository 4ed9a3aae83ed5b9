import { useCreateEntity } from '../../features/entities/api/create-entity';
import { EntityForm } from '../../features/entities/components/entity-form';
import { NewWorldItemPage } from '../world-item-pages';

export default function NewCharacterPage() {
  return (
    <NewWorldItemPage
      useCreate={useCreateEntity}
      itemId={(entity) => entity.entity_id}
      ns="entities"
      listPath="characters"
      titleKey="titles.newCharacter"
      renderForm={(formProps) => <EntityForm {...formProps} />}
    />
  );
}
