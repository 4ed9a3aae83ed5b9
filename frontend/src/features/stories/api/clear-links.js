/**
 * POST /stories/<story_id>/clear-links: unlinks every character and place from a story.
 * The API has no way to unlink just one, so `setStoryLinks` clears and links the rest again.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';
import { linkEntities } from './link-entities';

export async function clearLinks(storyId) {
  const data = await api.post(`/stories/${encodeURIComponent(storyId)}/clear-links`, {});
  return data.story;
}

/** The story linked to exactly these characters and places. */
export async function setStoryLinks({ storyId, entityIds, locationIds }) {
  const cleared = await clearLinks(storyId);
  if (!entityIds.length && !locationIds.length) return cleared;
  const { story } = await linkEntities({ storyId, entityIds, locationIds });
  return story;
}

export function useSetStoryLinks(options = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setStoryLinks,
    ...options,
    onSuccess: (story, ...rest) => {
      queryClient.setQueryData(queryRoots.storyDetail(story.story_id), story);
      options.onSuccess?.(story, ...rest);
    },
    onError: (error, variables, ...rest) => {
      // Half done (cleared, not relinked) is possible: show what the server has now.
      queryClient.invalidateQueries({ queryKey: queryRoots.storyDetail(variables.storyId) });
      options.onError?.(error, variables, ...rest);
    },
  });
}
