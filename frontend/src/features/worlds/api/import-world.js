/**
 * POST /worlds/import: a Storyloom bundle (a json export) or a SillyTavern lorebook becomes a new
 * private world owned by the caller. A file with any problem creates nothing (2001/2003, 2004/2006).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export async function importWorld(payload) {
  const data = await api.post('/worlds/import', payload);
  return data.world;
}

export function useImportWorld(options = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importWorld,
    ...options,
    onSuccess: (world, ...rest) => {
      queryClient.setQueryData(queryRoots.worldDetail(world.world_id), world);
      queryClient.invalidateQueries({ queryKey: queryRoots.worldLists });
      queryClient.invalidateQueries({ queryKey: queryRoots.storyLists });
      queryClient.invalidateQueries({ queryKey: queryRoots.me });
      options.onSuccess?.(world, ...rest);
    },
  });
}
