/** DELETE /stories/<story_id>. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export function deleteStory({ storyId }) {
  return api.delete(`/stories/${encodeURIComponent(storyId)}`);
}

export function useDeleteStory(options = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteStory,
    ...options,
    onSuccess: (data, variables, ...rest) => {
      queryClient.removeQueries({ queryKey: queryRoots.storyDetail(variables.storyId) });
      queryClient.invalidateQueries({ queryKey: queryRoots.worldStories(variables.worldId) });
      queryClient.invalidateQueries({ queryKey: queryRoots.storyLists });
      queryClient.invalidateQueries({ queryKey: queryRoots.worlds });
      options.onSuccess?.(data, variables, ...rest);
    },
  });
}
