/** DELETE /worlds/<world_id>/entities/<entity_id>: also leaves stories, events and relationships. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';
import { entityQueryKey } from './get-entity';

export function deleteEntity({ worldId, entityId }) {
  return api.delete(`/worlds/${encodeURIComponent(worldId)}/entities/${encodeURIComponent(entityId)}`);
}

export function useDeleteEntity(options = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteEntity,
    ...options,
    onSuccess: (data, variables, ...rest) => {
      const gone = entityQueryKey(variables.worldId, variables.entityId);
      // The page showing it moves away first; asking for it again would only answer "not found".
      options.onSuccess?.(data, variables, ...rest);
      queryClient.invalidateQueries({
        queryKey: queryRoots.worldEntities(variables.worldId),
        predicate: (query) => query.queryKey[3] !== variables.entityId || query.queryKey[2] !== 'detail',
      });
      setTimeout(() => queryClient.removeQueries({ queryKey: gone, type: 'inactive' }), 0);
      queryClient.invalidateQueries({ queryKey: queryRoots.worldDetail(variables.worldId) });
      queryClient.invalidateQueries({ queryKey: queryRoots.stories });
    },
  });
}
