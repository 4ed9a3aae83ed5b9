/** POST /worlds/<world_id>/locations: a new place. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';
import { locationQueryKey } from './get-location';

export async function createLocation({ worldId, body }) {
  const data = await api.post(`/worlds/${encodeURIComponent(worldId)}/locations`, body);
  return data.location;
}

export function useCreateLocation(options = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createLocation,
    ...options,
    onSuccess: (location, variables, ...rest) => {
      queryClient.invalidateQueries({ queryKey: queryRoots.worldLocations(variables.worldId) });
      queryClient.setQueryData(locationQueryKey(variables.worldId, location.location_id), location);
      queryClient.invalidateQueries({ queryKey: queryRoots.worldDetail(variables.worldId) });
      options.onSuccess?.(location, variables, ...rest);
    },
  });
}
