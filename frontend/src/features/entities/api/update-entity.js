/**
 * PUT /worlds/<world_id>/entities/<entity_id> (partial; `relationships` replaces the whole list).
 * The API mirrors relationships onto the other entities, so the world's whole set is refreshed.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';
import { entityQueryKey } from './get-entity';

export async function updateEntity({ worldId, entityId, changes }) {
  const data = await api.put(`/worlds/${encodeURIComponent(worldId)}/entities/${encodeURIComponent(entityId)}`, changes);
  return data.entity;
}

export function useUpdateEntity(options = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateEntity,
    ...options,
    onSuccess: (entity, variables, ...rest) => {
      queryClient.setQueryData(entityQueryKey(variables.worldId, entity.entity_id), entity);
      queryClient.invalidateQueries({ queryKey: queryRoots.worldEntities(variables.worldId) });
      options.onSuccess?.(entity, variables, ...rest);
    },
  });
}
