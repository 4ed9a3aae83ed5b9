/** POST /events/<event_id>/connections {target_event_id, relation_type, label}: links two events. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export const RELATION_TYPES = ['causation', 'temporal', 'character', 'location'];

export async function connectEvents({ eventId, targetEventId, relationType, label = '' }) {
  const data = await api.post(`/events/${encodeURIComponent(eventId)}/connections`, {
    target_event_id: targetEventId,
    relation_type: relationType,
    label,
  });
  return data?.event ?? null;
}

export function useConnectEvents(worldId, options = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: connectEvents,
    ...options,
    onSuccess: (...args) => {
      queryClient.invalidateQueries({ queryKey: queryRoots.timeline(worldId) });
      options.onSuccess?.(...args);
    },
  });
}
