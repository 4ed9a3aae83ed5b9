/**
 * POST /worlds/import?name=: a Storyloom bundle (a json export), a lorebook from another tool or a
 * character card (JSON, or a PNG sent as it is) becomes a new private world owned by the caller;
 * `name` (the file's name) names a lorebook that has none. Answers `{ world, skipped: [{index, reason}] }`. A file the API cannot read creates
 * nothing (2001/2003, 2004/2006).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';
import { LIMITS } from '../../../lib/limits';

/** The file's name without its extension (and without a path some browsers include). */
export function importName(fileName) {
  const base = String(fileName ?? '').split(/[\\/]/).pop();
  return base.replace(/(\.(json|lorebook|png))+$/i, '').replace(/\.[^.]*$/, '').trim().slice(0, LIMITS.worldName).trim() || undefined;
}

export async function importWorld({ payload, fileName }) {
  const headers = payload instanceof Uint8Array ? { 'Content-Type': 'image/png' } : {};
  const data = await api.post('/worlds/import', payload, { params: { name: importName(fileName) }, headers });
  return { world: data.world, skipped: data.skipped ?? [] };
}

export function useImportWorld(options = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importWorld,
    ...options,
    onSuccess: (result, ...rest) => {
      const { world } = result;
      queryClient.setQueryData(queryRoots.worldDetail(world.world_id), world);
      queryClient.invalidateQueries({ queryKey: queryRoots.worldLists });
      queryClient.invalidateQueries({ queryKey: queryRoots.storyLists });
      queryClient.invalidateQueries({ queryKey: queryRoots.me });
      options.onSuccess?.(result, ...rest);
    },
  });
}
