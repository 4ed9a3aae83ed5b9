/** POST /worlds/<world_id>/entities: a new character (relationships mirror onto their targets). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';
import { entityQueryKey } from './get-entity';

export async function createEntity({ worldId, body }) {
  const data = await api.post(`/worlds/${encodeURIComponent(worldId)}/entities`, body);
  return data.entity;
}

export function useCreateEntity(options = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createEntity,
    ...options,
    onSuccess: (entity, variables, ...rest) => {
      queryClient.invalidateQueries({ queryKey: queryRoots.worldEntities(variables.worldId) });
      queryClient.setQueryData(entityQueryKey(variables.worldId, entity.entity_id), entity);
      queryClient.invalidateQueries({ queryKey: queryRoots.worldDetail(variables.worldId) });
      options.onSuccess?.(entity, variables, ...rest);
    },
  });
}
