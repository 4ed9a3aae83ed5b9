/** POST /worlds/<world_id>/unshare {user_ids}: removes collaborators. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export async function unshareWorld({ worldId, userIds }) {
  const data = await api.post(`/worlds/${encodeURIComponent(worldId)}/unshare`, { user_ids: userIds });
  return data.world;
}

export function useUnshareWorld(options = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: unshareWorld,
    ...options,
    onSuccess: (world, ...rest) => {
      queryClient.setQueryData(queryRoots.worldDetail(world.world_id), world);
      queryClient.invalidateQueries({ queryKey: queryRoots.worldLists });
      options.onSuccess?.(world, ...rest);
    },
  });
}
