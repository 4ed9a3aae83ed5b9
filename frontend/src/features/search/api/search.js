/**
 * GET /search?q=&world_id=&kinds=&page=&page_size= → {items: [{kind, id, world_id, title,
 * snippet, score}], total}: everything the caller may see, best first, without case or accents.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export const SEARCH_PAGE_SIZE = 20;

export function searchQueryKey({ q, kinds = [], worldId = '', page = 1 }) {
  return [...queryRoots.search, { q, kinds: [...kinds].sort(), worldId, page }];
}

export async function search({ q, kinds = [], worldId = '', page = 1 }, signal) {
  const data = await api.get('/search', {
    params: {
      q: q.trim(),
      kinds: kinds.length ? kinds.join(',') : undefined,
      world_id: worldId || undefined,
      page,
      page_size: SEARCH_PAGE_SIZE,
    },
    signal,
  });
  return { items: data?.items ?? [], total: data?.total ?? 0 };
}

export function useSearch(params) {
  return useQuery({
    queryKey: searchQueryKey(params),
    queryFn: ({ signal }) => search(params, signal),
    enabled: Boolean(params.q.trim()),
    placeholderData: keepPreviousData,
  });
}
