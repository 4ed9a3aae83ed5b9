/** GET /worlds/<world_id>/entities/<entity_id>: one entity, its relationships with the other side's name. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export const entityQueryKey = (worldId, entityId) => [...queryRoots.worldEntities(worldId), 'detail', entityId];

export async function getEntity(worldId, entityId, signal) {
  const data = await api.get(`/worlds/${encodeURIComponent(worldId)}/entities/${encodeURIComponent(entityId)}`, { signal });
  return data.entity;
}

export function entityQueryOptions(worldId, entityId) {
  return { queryKey: entityQueryKey(worldId, entityId), queryFn: ({ signal }) => getEntity(worldId, entityId, signal) };
}

export function useEntity(worldId, entityId) {
  return useQuery({ ...entityQueryOptions(worldId, entityId), enabled: Boolean(worldId && entityId) });
}
