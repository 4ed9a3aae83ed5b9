/** PUT /stories/<story_id> (partial): used by the editor's autosave. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export async function updateStory({ storyId, changes }) {
  const data = await api.put(`/stories/${encodeURIComponent(storyId)}`, changes);
  return data.story;
}

export function useUpdateStory(options = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateStory,
    ...options,
    onSuccess: (story, ...rest) => {
      queryClient.setQueryData(queryRoots.storyDetail(story.story_id), story);
      queryClient.invalidateQueries({ queryKey: queryRoots.worldStories(story.world_id) });
      queryClient.invalidateQueries({ queryKey: queryRoots.storyLists });
      options.onSuccess?.(story, ...rest);
    },
  });
}
