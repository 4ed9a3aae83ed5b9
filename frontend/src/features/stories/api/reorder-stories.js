/**
 * POST /worlds/<world_id>/stories/reorder {story_ids}: the whole new order.
 * The list moves at once (optimistic) and snaps back if the server refuses.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export async function reorderStories({ worldId, storyIds }) {
  const data = await api.post(`/worlds/${encodeURIComponent(worldId)}/stories/reorder`, { story_ids: storyIds });
  return data.items;
}

export function useReorderStories(options = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reorderStories,
    ...options,
    onMutate: async ({ worldId, storyIds }) => {
      const key = queryRoots.worldStories(worldId);
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData(key);
      if (previous) {
        const byId = new Map(previous.map((story) => [story.story_id, story]));
        queryClient.setQueryData(key, storyIds.map((id, index) => ({ ...byId.get(id), order: index })));
      }
      return { previous, key };
    },
    onError: (error, variables, context, ...rest) => {
      if (context?.previous) queryClient.setQueryData(context.key, context.previous);
      options.onError?.(error, variables, context, ...rest);
    },
    onSuccess: (items, variables, ...rest) => {
      if (Array.isArray(items)) {
        queryClient.setQueryData(queryRoots.worldStories(variables.worldId), [...items].sort((a, b) => (a.order ?? 0) - (b.order ?? 0)));
      }
      queryClient.invalidateQueries({ queryKey: queryRoots.storyLists });
      options.onSuccess?.(items, variables, ...rest);
    },
  });
}
