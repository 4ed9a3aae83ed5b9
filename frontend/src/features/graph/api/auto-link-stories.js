/**
 * POST /worlds/<world_id>/auto-link-stories → {links: [{story_id, linked_story_id, weight,
 * reasons}]}: links again the world's stories that share characters or places.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export async function autoLinkStories({ worldId }) {
  const data = await api.post(`/worlds/${encodeURIComponent(worldId)}/auto-link-stories`, {});
  return data?.links ?? [];
}

export function useAutoLinkStories(options = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: autoLinkStories,
    ...options,
    onSuccess: (links, variables, ...rest) => {
      queryClient.invalidateQueries({ queryKey: queryRoots.graph(variables.worldId) });
      queryClient.invalidateQueries({ queryKey: queryRoots.stories });
      options.onSuccess?.(links, variables, ...rest);
    },
  });
}
