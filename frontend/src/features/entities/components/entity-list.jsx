import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ENTITIES_PAGE_SIZE, useEntities } from '../api/get-entities';
import { useEntityFilters } from '../hooks/use-entity-filters';
import { ENTITY_TYPES } from '../constants';
import { useDebouncedValue } from '../../../hooks/use-debounced-value';
import { SearchField } from '../../../components/ui/search-field';
import { LoadingState } from '../../../components/ui/loading-state';
import { ErrorState } from '../../../components/ui/error-state';
import { EmptyState } from '../../../components/ui/empty-state';
import { Pagination } from '../../../components/ui/pagination';

export const SEARCH_DEBOUNCE_MS = 300;

/** A world's characters: search as you type (names and aliases, no diacritics needed), type filter, pages. */
export function EntityList({ worldId, canCreate = false, basePath }) {
  const { t } = useTranslation();
  const headingId = useId();
  const typeId = useId();
  const [filters, setFilters] = useEntityFilters();
  const [search, setSearch] = useState(filters.q);
  const debounced = useDebouncedValue(search, SEARCH_DEBOUNCE_MS);

  useEffect(() => {
    if (debounced !== filters.q) setFilters({ q: debounced, page: 1 });
  }, [debounced, filters.q, setFilters]);

  const query = useEntities(worldId, { page: filters.page, pageSize: ENTITIES_PAGE_SIZE, q: filters.q, type: filters.type });
  const data = query.data;
  const busy = search !== filters.q || (query.isFetching && query.isPlaceholderData);
  const filtered = Boolean(filters.q || filters.type);

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-5">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={headingId} className="text-xl font-bold">{t('entities.title')}</h2>
        {canCreate && (
          <Link to={`${basePath}/new`} className="btn btn-primary btn-sm">
            <span aria-hidden="true">+</span> {t('entities.new')}
          </Link>
        )}
      </div>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <SearchField
          label={t('entities.search.label')}
          placeholder={t('entities.search.placeholder')}
          value={search}
          onChange={setSearch}
          busy={busy}
          className="sm:max-w-sm"
        />
        <div className="flex flex-col gap-1.5">
          <label htmlFor={typeId} className="text-sm font-medium">{t('entities.typeFilter')}</label>
          <select id={typeId} className="select w-full sm:w-48" value={filters.type} onChange={(event) => setFilters({ type: event.target.value, page: 1 })}>
            <option value="">{t('entities.allTypes')}</option>
            {ENTITY_TYPES.map((type) => <option key={type} value={type}>{t(`entityTypes.${type}`)}</option>)}
          </select>
        </div>
      </div>

      <div aria-live="polite" className="sr-only">
        {data && !query.isFetching ? t('entities.resultCount', { count: data.total }) : ''}
      </div>

      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={query.refetch} />
      ) : data.items.length === 0 ? (
        filtered ? (
          <EmptyState title={t('entities.empty.searchTitle')} description={t('entities.empty.searchBody')} icon="⌕" />
        ) : (
          <EmptyState
            title={t('entities.empty.title')}
            description={canCreate ? t('entities.empty.editable') : t('entities.empty.readonly')}
            icon="☺"
            action={canCreate ? <Link to={`${basePath}/new`} className="btn btn-primary">{t('entities.new')}</Link> : null}
          />
        )
      ) : (
        <>
          <ul className={`grid gap-3 sm:grid-cols-2 ${query.isPlaceholderData ? 'opacity-60' : ''}`} aria-busy={query.isFetching} data-testid="entity-list">
            {data.items.map((entity) => (
              <li key={entity.entity_id} className="relative flex flex-col gap-1 rounded-box border border-base-300 bg-base-100 p-4 transition hover:shadow-md focus-within:shadow-md focus-within:ring-2 focus-within:ring-primary">
                <div className="flex flex-wrap items-center gap-2">
                  <Link to={`${basePath}/${entity.entity_id}`} className="link link-hover font-semibold after:absolute after:inset-0 focus-visible:outline-none">
                    {entity.name}
                  </Link>
                  <span className="badge badge-ghost badge-sm">{t(`entityTypes.${entity.entity_type}`, { defaultValue: entity.entity_type })}</span>
                </div>
                {entity.aliases?.length > 0 && (
                  <p className="text-xs text-base-content/60">{t('common.aka', { names: entity.aliases.join(', ') })}</p>
                )}
                {entity.excerpt && <p className="line-clamp-2 text-sm text-base-content/75">{entity.excerpt}</p>}
              </li>
            ))}
          </ul>
          <Pagination page={filters.page} pageSize={ENTITIES_PAGE_SIZE} total={data.total} onChange={(page) => setFilters({ page })} />
        </>
      )}
    </section>
  );
}
