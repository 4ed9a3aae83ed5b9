/** POST /worlds/<world_id>/share {usernames, role}: adds collaborators. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export async function shareWorld({ worldId, usernames, role }) {
  const data = await api.post(`/worlds/${encodeURIComponent(worldId)}/share`, { usernames, role });
  return data.world;
}

export function useShareWorld(options = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: shareWorld,
    ...options,
    onSuccess: (world, ...rest) => {
      queryClient.setQueryData(queryRoots.worldDetail(world.world_id), world);
      queryClient.invalidateQueries({ queryKey: queryRoots.worldLists });
      options.onSuccess?.(world, ...rest);
    },
  });
}
