/** GET /worlds/<world_id>: one world with my_role and permissions. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export const worldQueryKey = (worldId) => queryRoots.worldDetail(worldId);

export async function getWorld(worldId, signal) {
  const data = await api.get(`/worlds/${encodeURIComponent(worldId)}`, { signal });
  return data.world;
}

export function worldQueryOptions(worldId) {
  return { queryKey: worldQueryKey(worldId), queryFn: ({ signal }) => getWorld(worldId, signal) };
}

export function useWorld(worldId) {
  return useQuery({ ...worldQueryOptions(worldId), enabled: Boolean(worldId) });
}
