/** DELETE /worlds/<world_id>: the world and everything in it. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export function deleteWorld(worldId) {
  return api.delete(`/worlds/${encodeURIComponent(worldId)}`);
}

export function useDeleteWorld(options = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteWorld,
    ...options,
    onSuccess: (data, worldId, ...rest) => {
      queryClient.removeQueries({ queryKey: queryRoots.worldDetail(worldId) });
      queryClient.removeQueries({ queryKey: queryRoots.worldStories(worldId) });
      queryClient.invalidateQueries({ queryKey: queryRoots.worldLists });
      queryClient.invalidateQueries({ queryKey: queryRoots.storyLists });
      queryClient.invalidateQueries({ queryKey: queryRoots.me });
      options.onSuccess?.(data, worldId, ...rest);
    },
  });
}
