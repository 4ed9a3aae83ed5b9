/** DELETE /worlds/<world_id>/locations/<location_id>: the places inside it move to its parent. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';
import { locationQueryKey } from './get-location';

export function deleteLocation({ worldId, locationId }) {
  return api.delete(`/worlds/${encodeURIComponent(worldId)}/locations/${encodeURIComponent(locationId)}`);
}

export function useDeleteLocation(options = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteLocation,
    ...options,
    onSuccess: (data, variables, ...rest) => {
      const gone = locationQueryKey(variables.worldId, variables.locationId);
      // The page showing it moves away first; asking for it again would only answer "not found".
      options.onSuccess?.(data, variables, ...rest);
      queryClient.invalidateQueries({
        queryKey: queryRoots.worldLocations(variables.worldId),
        predicate: (query) => query.queryKey[3] !== variables.locationId || query.queryKey[2] !== 'detail',
      });
      setTimeout(() => queryClient.removeQueries({ queryKey: gone, type: 'inactive' }), 0);
      queryClient.invalidateQueries({ queryKey: queryRoots.worldDetail(variables.worldId) });
      queryClient.invalidateQueries({ queryKey: queryRoots.stories });
    },
  });
}
