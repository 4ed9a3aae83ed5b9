/**
 * PUT /events/<event_id> {...changes, version} → {event}. When the event changed since it was
 * read the API answers 3004 with `data.current`; the caller keeps what the user typed.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export async function updateEvent({ eventId, changes }) {
  const data = await api.put(`/events/${encodeURIComponent(eventId)}`, changes);
  return data.event;
}

export function useUpdateEvent(worldId, options = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateEvent,
    ...options,
    onSuccess: (...args) => {
      queryClient.invalidateQueries({ queryKey: queryRoots.timeline(worldId) });
      options.onSuccess?.(...args);
    },
    onError: (error, ...rest) => {
      // Someone else moved it: show the timeline as it is now.
      if (error?.errorCode === '3004') queryClient.invalidateQueries({ queryKey: queryRoots.timeline(worldId) });
      options.onError?.(error, ...rest);
    },
  });
}
