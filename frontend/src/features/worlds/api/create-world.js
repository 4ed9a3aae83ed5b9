/** POST /worlds: creates a world and refreshes every world list. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export async function createWorld(body) {
  const data = await api.post('/worlds', body);
  return data.world;
}

export function useCreateWorld(options = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createWorld,
    ...options,
    onSuccess: (world, ...rest) => {
      queryClient.setQueryData(queryRoots.worldDetail(world.world_id), world);
      queryClient.invalidateQueries({ queryKey: queryRoots.worldLists });
      queryClient.invalidateQueries({ queryKey: queryRoots.me });
      options.onSuccess?.(world, ...rest);
    },
  });
}
