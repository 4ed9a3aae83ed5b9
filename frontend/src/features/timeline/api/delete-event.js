/** DELETE /events/<event_id>: removes an event (its connections and relative dates go with it). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export function deleteEvent({ eventId }) {
  return api.delete(`/events/${encodeURIComponent(eventId)}`);
}

export function useDeleteEvent(worldId, options = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteEvent,
    ...options,
    onSuccess: (...args) => {
      queryClient.invalidateQueries({ queryKey: queryRoots.timeline(worldId) });
      queryClient.invalidateQueries({ queryKey: queryRoots.worldDetail(worldId) });
      options.onSuccess?.(...args);
    },
  });
}
