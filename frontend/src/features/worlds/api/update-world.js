/** PUT /worlds/<world_id> (partial): updates the cached world and refreshes the lists. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export async function updateWorld({ worldId, changes }) {
  const data = await api.put(`/worlds/${encodeURIComponent(worldId)}`, changes);
  return data.world;
}

export function useUpdateWorld(options = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateWorld,
    ...options,
    onSuccess: (world, ...rest) => {
      queryClient.setQueryData(queryRoots.worldDetail(world.world_id), world);
      queryClient.invalidateQueries({ queryKey: queryRoots.worldLists });
      // Visibility of a world bounds its stories' and counts towards quotas.
      queryClient.invalidateQueries({ queryKey: queryRoots.stories });
      queryClient.invalidateQueries({ queryKey: queryRoots.me });
      options.onSuccess?.(world, ...rest);
    },
  });
}
