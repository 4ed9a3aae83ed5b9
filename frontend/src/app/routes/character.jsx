import { Link } from 'react-router';
import { useEntity } from '../../features/entities/api/get-entity';
import { EntityDetail } from '../../features/entities/components/entity-detail';
import { DeleteEntityButton } from '../../features/entities/components/delete-entity-button';
import { CARD_FORMATS } from '../../features/worlds/api/export-world';
import { ExportMenu } from '../../features/worlds/components/export-menu';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useWorldItem } from '../world-item-pages';

export default function CharacterPage() {
  const { t, world, navigate, notify, query, item: entity, base, state } = useWorldItem({ useItem: useEntity, param: 'entityId', ns: 'entities', listPath: 'characters' });
  useDocumentTitle(entity ? t('titles.inWorld', { name: entity.name, world: world.name }) : query.isError ? t('titles.notFound') : t('titles.characters', { world: world.name }));

  if (state) return state;
  return (
    <div className="flex flex-col gap-4">
      <Link to={base} className="link link-hover w-fit text-sm text-base-content/60"><span aria-hidden="true">← </span>{t('entities.backToList')}</Link>
      <EntityDetail
        worldId={world.world_id}
        entity={entity}
        basePath={base}
        actions={(
          <>
            <ExportMenu world={world} formats={CARD_FORMATS} entityId={entity.entity_id} label="export.cardAction" hint="export.cardHint" />
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
