import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useWorlds, WORLD_SCOPES, WORLDS_PAGE_SIZE } from '../api/get-worlds';
import { useWorldFilters, worldsListParams } from '../hooks/use-world-filters';
import { useDebouncedValue } from '../../../hooks/use-debounced-value';
import { WorldCard } from './world-card';
import { SkeletonCards } from '../../../components/ui/loading-state';
import { ErrorState } from '../../../components/ui/error-state';
import { EmptyState } from '../../../components/ui/empty-state';
import { Pagination } from '../../../components/ui/pagination';
import { SearchField } from '../../../components/ui/search-field';

export const SEARCH_DEBOUNCE_MS = 300;

/** Search-as-you-type over world names, scope filters and pages. */
export function WorldsBrowser({ signedIn, canCreate = signedIn }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [filters, setFilters] = useWorldFilters();
  const [search, setSearch] = useState(filters.q);
  const debouncedSearch = useDebouncedValue(search, SEARCH_DEBOUNCE_MS);
  const listParams = worldsListParams(filters, signedIn);
  const { scope } = listParams;

  useEffect(() => {
    if (debouncedSearch !== filters.q) setFilters({ q: debouncedSearch, page: 1 });
  }, [debouncedSearch, filters.q, setFilters]);

  const query = useWorlds(listParams);
  const data = query.data;
  const searching = search !== filters.q || (query.isFetching && query.isPlaceholderData);

  return (
    <section aria-labelledby={`${headingId}-heading`} className="flex flex-col gap-5">
      <h2 id={`${headingId}-heading`} className="sr-only">{t('worlds.listHeading')}</h2>
      <div className="flex flex-col gap-3 md:flex-row md:items-end md:justify-between">
        <SearchField
          label={t('worlds.search.label')}
          placeholder={t('worlds.search.placeholder')}
          value={search}
          onChange={setSearch}
          busy={searching}
          className="md:max-w-sm"
        />
        {signedIn && (
          <fieldset className="flex min-w-0 flex-col gap-1.5">
            <legend className="mb-1.5 text-sm font-medium">{t('worlds.scope.label')}</legend>
            <div role="radiogroup" aria-label={t('worlds.scope.label')} className="tabs tabs-box flex-nowrap overflow-x-auto border border-base-300 bg-base-100">
              {WORLD_SCOPES.map((value) => (
                <input
                  key={value}
                  type="radio"
                  name="world-scope"
                  className="tab whitespace-nowrap"
                  aria-label={t(`worlds.scope.${value}`)}
                  checked={filters.scope === value}
                  onChange={() => setFilters({ scope: value, page: 1 })}
                />
              ))}
            </div>
          </fieldset>
        )}
      </div>

      <div aria-live="polite" className="sr-only">
        {data && !query.isFetching ? t('worlds.resultCount', { count: data.total }) : ''}
      </div>

      {query.isPending ? (
        <SkeletonCards />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={query.refetch} />
      ) : data.items.length === 0 ? (
        filters.q ? (
          <EmptyState title={t('worlds.empty.searchTitle', { q: filters.q })} description={t('worlds.empty.searchBody')} icon="⌕" />
        ) : (
          <EmptyState
            title={t(`worlds.empty.${scope}Title`)}
            description={t(`worlds.empty.${scope}Body`)}
            action={canCreate && (scope === 'all' || scope === 'mine') ? (
              <Link to="/worlds/new" className="btn btn-primary">{t('worlds.create')}</Link>
            ) : null}
          />
        )
      ) : (
        <>
          <ul className={`grid gap-4 sm:grid-cols-2 lg:grid-cols-3 ${query.isPlaceholderData ? 'opacity-60' : ''}`} aria-busy={query.isFetching}>
            {data.items.map((world) => <WorldCard key={world.world_id} world={world} />)}
          </ul>
          <Pagination page={filters.page} pageSize={WORLDS_PAGE_SIZE} total={data.total} onChange={(page) => setFilters({ page })} />
        </>
      )}
    </section>
  );
}
