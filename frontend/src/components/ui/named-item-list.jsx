import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { SearchField } from './search-field';
import { LoadingState } from './loading-state';
import { ErrorState } from './error-state';
import { EmptyState } from './empty-state';
import { Pagination } from './pagination';

export const SEARCH_DEBOUNCE_MS = 300;

/** The list's words from a namespace of the translations that has the usual keys (`entities`, `locations`). */
export function namedItemListLabels(t, ns) {
  return {
    title: t(`${ns}.title`),
    searchLabel: t(`${ns}.search.label`),
    searchPlaceholder: t(`${ns}.search.placeholder`),
    typeFilter: t(`${ns}.typeFilter`),
    allTypes: t(`${ns}.allTypes`),
    resultCount: (count) => t(`${ns}.resultCount`, { count }),
    searchEmptyTitle: t(`${ns}.empty.searchTitle`),
    searchEmptyBody: t(`${ns}.empty.searchBody`),
  };
}

/**
 * The shell of a world's list of named things (characters, places): a heading with actions, search
 * as you type (debounced into the URL filters), a type filter, a live result count, loading / error /
 * empty states, the cards and pages. The feature passes its filters (from useUrlFilters), its query,
 * the words to show and how to read an item.
 *
 * - `filters` / `setFilters`: `{ q, type, page }` and its updater.
 * - `query`: the TanStack Query result of the list (`{ items, total }`).
 * - `labels`: title, searchLabel, searchPlaceholder, typeFilter, allTypes, resultCount(count),
 *   searchEmptyTitle, searchEmptyBody (namedItemListLabels builds them from a namespace).
 * - `types`: `[{ value, label }]` for the type filter.
 * - `empty`: props of the EmptyState shown when the list has nothing and no filter is set.
 * - `itemKey`, `itemHref`, `itemTypeLabel`: read an item; `renderBadges(item)` adds badges after the type.
 */
export function NamedItemList({
  filters,
  setFilters,
  query,
  pageSize,
  labels,
  types,
  actions = null,
  empty,
  testId,
  itemKey,
  itemHref,
  itemTypeLabel,
  renderBadges,
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const typeId = useId();
  const [search, setSearch] = useState(filters.q);
  const debounced = useDebouncedValue(search, SEARCH_DEBOUNCE_MS);

  useEffect(() => {
    if (debounced !== filters.q) setFilters({ q: debounced, page: 1 });
  }, [debounced, filters.q, setFilters]);

  const data = query.data;
  const busy = search !== filters.q || (query.isFetching && query.isPlaceholderData);
  const filtered = Boolean(filters.q || filters.type);

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-5">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={headingId} className="text-xl font-bold">{labels.title}</h2>
        {actions}
      </div>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <SearchField
          label={labels.searchLabel}
          placeholder={labels.searchPlaceholder}
          value={search}
          onChange={setSearch}
          busy={busy}
          className="sm:max-w-sm"
        />
        <div className="flex flex-col gap-1.5">
          <label htmlFor={typeId} className="text-sm font-medium">{labels.typeFilter}</label>
          <select id={typeId} className="select w-full sm:w-48" value={filters.type} onChange={(event) => setFilters({ type: event.target.value, page: 1 })}>
            <option value="">{labels.allTypes}</option>
            {types.map(({ value, label }) => <option key={value} value={value}>{label}</option>)}
          </select>
        </div>
      </div>

      <div aria-live="polite" className="sr-only">
        {data && !query.isFetching ? labels.resultCount(data.total) : ''}
      </div>

      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={query.refetch} />
      ) : data.items.length === 0 ? (
        filtered ? (
          <EmptyState title={labels.searchEmptyTitle} description={labels.searchEmptyBody} icon="⌕" />
        ) : (
          <EmptyState {...empty} />
        )
      ) : (
        <>
          <ul className={`grid gap-3 sm:grid-cols-2 ${query.isPlaceholderData ? 'opacity-60' : ''}`} aria-busy={query.isFetching} data-testid={testId}>
            {data.items.map((item) => (
              <li key={itemKey(item)} className="relative flex flex-col gap-1 rounded-box border border-base-300 bg-base-100 p-4 transition hover:shadow-md focus-within:shadow-md focus-within:ring-2 focus-within:ring-primary">
                <div className="flex flex-wrap items-center gap-2">
                  <Link to={itemHref(item)} className="link link-hover font-semibold after:absolute after:inset-0 focus-visible:outline-none">
                    {item.name}
                  </Link>
                  <span className="badge badge-ghost badge-sm">{itemTypeLabel(item)}</span>
                  {renderBadges?.(item)}
                </div>
                {item.aliases?.length > 0 && (
                  <p className="text-xs text-base-content/60">{t('common.aka', { names: item.aliases.join(', ') })}</p>
                )}
                {item.excerpt && <p className="line-clamp-2 text-sm text-base-content/75">{item.excerpt}</p>}
              </li>
            ))}
          </ul>
          <Pagination page={filters.page} pageSize={pageSize} total={data.total} onChange={(page) => setFilters({ page })} />
        </>
      )}
    </section>
  );
}
