/** GET /worlds/<world_id>/locations/<location_id>: one place, with its parent's name. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export const locationQueryKey = (worldId, locationId) => [...queryRoots.worldLocations(worldId), 'detail', locationId];

export async function getLocation(worldId, locationId, signal) {
  const data = await api.get(`/worlds/${encodeURIComponent(worldId)}/locations/${encodeURIComponent(locationId)}`, { signal });
  return data.location;
}

export function locationQueryOptions(worldId, locationId) {
  return { queryKey: locationQueryKey(worldId, locationId), queryFn: ({ signal }) => getLocation(worldId, locationId, signal) };
}

export function useWorldLocation(worldId, locationId) {
  return useQuery({ ...locationQueryOptions(worldId, locationId), enabled: Boolean(worldId && locationId) });
}
