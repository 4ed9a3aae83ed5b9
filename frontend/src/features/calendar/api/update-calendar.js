/**
 * PUT /worlds/<world_id> {calendar, travel_per_day, version} → {world}: changes the world's
 * calendar and how far a traveller goes in a day. The world
 * in the cache becomes the answer, and the timeline (whose dates are written in the calendar) is
 * fetched again. 3004 carries the world as it is now in `data.current`.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export async function updateCalendar({ worldId, calendar, travelPerDay, version }) {
  const body = { calendar };
  if (travelPerDay !== undefined) body.travel_per_day = travelPerDay;
  if (version !== undefined && version !== null) body.version = version;
  const data = await api.put(`/worlds/${encodeURIComponent(worldId)}`, body);
  return data.world;
}

export function useUpdateCalendar(options = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateCalendar,
    ...options,
    onSuccess: (world, variables, ...rest) => {
      if (world) queryClient.setQueryData(queryRoots.worldDetail(variables.worldId), world);
      queryClient.invalidateQueries({ queryKey: queryRoots.timeline(variables.worldId) });
      options.onSuccess?.(world, variables, ...rest);
    },
  });
}
