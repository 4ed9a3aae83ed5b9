import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { SEARCH_PAGE_SIZE, useSearch } from '../api/search';
import { SEARCH_KINDS, resultPath } from '../constants';
import { Snippet } from './snippet';
import { SearchField } from '../../../components/ui/search-field';
import { SelectField } from '../../../components/ui/fields';
import { Pagination } from '../../../components/ui/pagination';
import { LoadingState } from '../../../components/ui/loading-state';
import { ErrorState } from '../../../components/ui/error-state';
import { EmptyState } from '../../../components/ui/empty-state';

/** The search's state in the address: ?q=&kinds=story,entity&world=&page= . */
export function useSearchFilters() {
  const [params, setParams] = useSearchParams();
  const kinds = (params.get('kinds') ?? '').split(',').filter((kind) => SEARCH_KINDS.includes(kind));
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const filters = { q: params.get('q') ?? '', kinds, worldId: params.get('world') ?? '', page };
  const update = (changes) => setParams((current) => {
    const next = new URLSearchParams(current);
    const set = (key, value) => (value ? next.set(key, value) : next.delete(key));
    if ('q' in changes) set('q', changes.q.trim());
    if ('kinds' in changes) set('kinds', changes.kinds.join(','));
    if ('worldId' in changes) set('world', changes.worldId);
    set('page', changes.page && changes.page > 1 ? String(changes.page) : '');
    return next;
  });
  return [filters, update];
}

function Group({ kind, items, worldNames }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section aria-labelledby={id} className="flex flex-col gap-2" data-testid={`search-group-${kind}`}>
      <h2 id={id} className="text-lg font-semibold">{t(`search.groups.${kind}`)} <span className="text-base-content/60">({items.length})</span></h2>
      <ul className="flex flex-col gap-2">
        {items.map((item) => (
          <li key={`${item.kind}-${item.id}`} className="rounded-box border border-base-300 bg-base-100 p-3">
            <Link to={resultPath(item)} className="link link-hover break-words font-medium">{item.title || t('search.untitled')}</Link>
            {kind !== 'world' && worldNames.get(item.world_id) && (
              <span className="ms-2 text-xs text-base-content/60">{t('search.inWorld', { world: worldNames.get(item.world_id) })}</span>
            )}
            {item.snippet && <Snippet snippet={item.snippet} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The results page: a box for the words, filters by kind and world, results grouped by kind
 * (worlds, stories, characters, places, events) with their matches marked, and pages.
 * `worlds` [{ world_id, name }] are the worlds the filter offers.
 */
export function SearchResults({ worlds = [] }) {
  const { t } = useTranslation();
  const [filters, update] = useSearchFilters();
  const [text, setText] = useState(filters.q);
  useEffect(() => setText(filters.q), [filters.q]);
  const query = useSearch(filters);
  const q = filters.q.trim();

  const toggleKind = (kind) => {
    const kinds = filters.kinds.includes(kind) ? filters.kinds.filter((k) => k !== kind) : [...filters.kinds, kind];
    update({ kinds });
  };
  const items = query.data?.items ?? [];
  const worldNames = new Map(worlds.map((world) => [world.world_id, world.name]));
  const groups = SEARCH_KINDS.map((kind) => ({ kind, items: items.filter((item) => item.kind === kind) })).filter((group) => group.items.length);

  let body;
  if (!q) body = <EmptyState title={t('search.start')} description={t('search.startHint')} icon="⌕" />;
  else if (query.isPending) body = <LoadingState />;
  else if (query.isError) body = <ErrorState error={query.error} onRetry={query.refetch} title={t('search.failed')} />;
  else if (!items.length) body = <EmptyState title={t('search.none', { q })} description={t('search.noneHint')} icon="⌕" />;
  else {
    body = (
      <>
        <p className="text-sm text-base-content/70" aria-live="polite">{t('search.total', { count: query.data.total, q })}</p>
        {groups.map((group) => <Group key={group.kind} kind={group.kind} items={group.items} worldNames={worldNames} />)}
        <Pagination page={filters.page} pageSize={SEARCH_PAGE_SIZE} total={query.data.total} onChange={(page) => update({ page })} />
      </>
    );
  }

  return (
    <div className="flex flex-col gap-5">
      <form role="search" onSubmit={(event) => { event.preventDefault(); update({ q: text }); }} className="flex items-end gap-2">
        <SearchField label={t('search.words')} value={text} onChange={setText} placeholder={t('search.placeholder')} busy={query.isFetching} />
        <button type="submit" className="btn btn-primary">{t('search.submit')}</button>
      </form>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <fieldset className="flex flex-wrap gap-x-4 gap-y-2">
          <legend className="mb-1 text-sm font-medium">{t('search.kinds')}</legend>
          {SEARCH_KINDS.map((kind) => (
            <label key={kind} className="flex items-center gap-2 text-sm">
              <input type="checkbox" className="checkbox checkbox-sm" checked={filters.kinds.includes(kind)} onChange={() => toggleKind(kind)} />
              {t(`search.groups.${kind}`)}
            </label>
          ))}
        </fieldset>
        {(worlds.length > 0 || filters.worldId) && (
          <SelectField
            className="sm:w-64"
            label={t('search.world')}
            value={filters.worldId}
            onChange={(event) => update({ worldId: event.target.value })}
            options={[
              { value: '', label: t('search.allWorlds') },
              ...worlds.map((world) => ({ value: world.world_id, label: world.name })),
              ...(filters.worldId && !worlds.some((w) => w.world_id === filters.worldId) ? [{ value: filters.worldId, label: t('search.thisWorld') }] : []),
            ]}
          />
        )}
      </div>
      {body}
    </div>
  );
}
