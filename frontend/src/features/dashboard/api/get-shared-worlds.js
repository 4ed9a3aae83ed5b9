/** GET /worlds?scope=shared: the worlds others shared with the user, most recently updated first. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export const SHARED_WORLDS_LIMIT = 6;
export const sharedWorldsQueryKey = [...queryRoots.worldLists, 'dashboard-shared'];

export function getSharedWorlds(signal) {
  return api.get('/worlds', { params: { scope: 'shared', page: 1, page_size: SHARED_WORLDS_LIMIT }, signal });
}

export function useSharedWorlds() {
  return useQuery({ queryKey: sharedWorldsQueryKey, queryFn: ({ signal }) => getSharedWorlds(signal) });
}
