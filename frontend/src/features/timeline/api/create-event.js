/** POST /worlds/<world_id>/events → 201 {event}: adds an event; the timeline is fetched again. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export async function createEvent({ worldId, body }) {
  const data = await api.post(`/worlds/${encodeURIComponent(worldId)}/events`, body);
  return data.event;
}

export function useCreateEvent(options = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createEvent,
    ...options,
    onSuccess: (event, variables, ...rest) => {
      queryClient.invalidateQueries({ queryKey: queryRoots.timeline(variables.worldId) });
      queryClient.invalidateQueries({ queryKey: queryRoots.worldDetail(variables.worldId) });
      options.onSuccess?.(event, variables, ...rest);
    },
  });
}
