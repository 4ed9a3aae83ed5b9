/** GET /worlds?page&page_size&q&scope: a page of world summaries, newest-updated first. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export const WORLD_SCOPES = ['all', 'mine', 'shared', 'public'];
export const WORLDS_PAGE_SIZE = 12;

export function worldsQueryKey({ page = 1, pageSize = WORLDS_PAGE_SIZE, q = '', scope = 'all' } = {}) {
  return [...queryRoots.worldLists, { page, pageSize, q, scope }];
}

export function getWorlds({ page = 1, pageSize = WORLDS_PAGE_SIZE, q = '', scope = 'all' } = {}, signal) {
  return api.get('/worlds', {
    params: { page, page_size: pageSize, q: q.trim() || undefined, scope: scope === 'all' ? undefined : scope },
    signal,
  });
}

export function worldsQueryOptions(params) {
  return { queryKey: worldsQueryKey(params), queryFn: ({ signal }) => getWorlds(params, signal) };
}

export function useWorlds(params) {
  return useQuery({ ...worldsQueryOptions(params), placeholderData: keepPreviousData });
}
