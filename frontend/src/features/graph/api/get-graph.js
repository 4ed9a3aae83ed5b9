/**
 * GET /worlds/<world_id>/graph → {nodes: [{id, kind: entity|location|story, label}],
 * edges: [{source, target, kind: relationship|co_appearance|appears_in|located_at, label, weight}]}.
 */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export const graphQueryKey = (worldId) => queryRoots.graph(worldId);

export async function getGraph(worldId, signal) {
  const data = await api.get(`/worlds/${encodeURIComponent(worldId)}/graph`, { signal });
  return { nodes: data?.nodes ?? [], edges: data?.edges ?? [] };
}

export function graphQueryOptions(worldId) {
  return { queryKey: graphQueryKey(worldId), queryFn: ({ signal }) => getGraph(worldId, signal) };
}

export function useGraph(worldId) {
  return useQuery({ ...graphQueryOptions(worldId), enabled: Boolean(worldId) });
}
