/** POST /stories {world_id, title, ...}: a new story at the end of its world. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export async function createStory(body) {
  const data = await api.post('/stories', body);
  return data.story;
}

export function useCreateStory(options = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createStory,
    ...options,
    onSuccess: (story, ...rest) => {
      queryClient.setQueryData(queryRoots.storyDetail(story.story_id), story);
      queryClient.invalidateQueries({ queryKey: queryRoots.worldStories(story.world_id) });
      queryClient.invalidateQueries({ queryKey: queryRoots.storyLists });
      // The world's story count changed.
      queryClient.invalidateQueries({ queryKey: queryRoots.worlds });
      options.onSuccess?.(story, ...rest);
    },
  });
}
