/** GET /admin/stats (admins): true totals of users, worlds, stories, characters, places, events. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export const adminStatsQueryKey = [...queryRoots.admin, 'stats'];

export function getAdminStats(signal) {
  return api.get('/admin/stats', { signal });
}

export function useAdminStats() {
  return useQuery({ queryKey: adminStatsQueryKey, queryFn: ({ signal }) => getAdminStats(signal) });
}
