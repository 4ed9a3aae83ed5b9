import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ENTITIES_PAGE_SIZE, useEntities } from '../api/get-entities';
import { useEntityFilters } from '../hooks/use-entity-filters';
import { ENTITY_TYPES } from '../constants';
import { NamedItemList, namedItemListLabels } from '../../../components/ui/named-item-list';

/** A world's characters: search as you type (names and aliases, no diacritics needed), type filter, pages. */
export function EntityList({ worldId, canCreate = false, basePath }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useEntityFilters();
  const query = useEntities(worldId, { page: filters.page, pageSize: ENTITIES_PAGE_SIZE, q: filters.q, type: filters.type });

  return (
    <NamedItemList
      filters={filters}
      setFilters={setFilters}
      query={query}
      pageSize={ENTITIES_PAGE_SIZE}
      labels={namedItemListLabels(t, 'entities')}
      types={ENTITY_TYPES.map((type) => ({ value: type, label: t(`entityTypes.${type}`) }))}
      actions={canCreate && (
        <Link to={`${basePath}/new`} className="btn btn-primary btn-sm">
          <span aria-hidden="true">+</span> {t('entities.new')}
        </Link>
      )}
      empty={{
        title: t('entities.empty.title'),
        description: canCreate ? t('entities.empty.editable') : t('entities.empty.readonly'),
        icon: '☺',
        action: canCreate ? <Link to={`${basePath}/new`} className="btn btn-primary">{t('entities.new')}</Link> : null,
      }}
      testId="entity-list"
      itemKey={(entity) => entity.entity_id}
      itemHref={(entity) => `${basePath}/${entity.entity_id}`}
      itemTypeLabel={(entity) => t(`entityTypes.${entity.entity_type}`, { defaultValue: entity.entity_type })}
    />
  );
}
