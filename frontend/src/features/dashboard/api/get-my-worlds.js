/** GET /worlds?scope=mine: the few worlds the dashboard shows, most recently updated first. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export const MY_WORLDS_LIMIT = 6;
export const myWorldsQueryKey = [...queryRoots.worldLists, 'dashboard'];

export function getMyWorlds(signal) {
  return api.get('/worlds', { params: { scope: 'mine', page: 1, page_size: MY_WORLDS_LIMIT }, signal });
}

export function useMyWorlds() {
  return useQuery({ queryKey: myWorldsQueryKey, queryFn: ({ signal }) => getMyWorlds(signal) });
}
