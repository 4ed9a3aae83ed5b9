/** PUT /worlds/<world_id>/locations/<location_id> (partial; null clears coordinates or the parent). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';
import { locationQueryKey } from './get-location';

export async function updateLocation({ worldId, locationId, changes }) {
  const data = await api.put(`/worlds/${encodeURIComponent(worldId)}/locations/${encodeURIComponent(locationId)}`, changes);
  return data.location;
}

export function useUpdateLocation(options = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateLocation,
    ...options,
    onSuccess: (location, variables, ...rest) => {
      queryClient.setQueryData(locationQueryKey(variables.worldId, location.location_id), location);
      // A renamed place is the parent named on others' pages: refresh them all.
      queryClient.invalidateQueries({ queryKey: queryRoots.worldLocations(variables.worldId) });
      options.onSuccess?.(location, variables, ...rest);
    },
  });
}
