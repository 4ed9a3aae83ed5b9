/** GET /stories/<story_id>: one story with its content and permissions. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export const storyQueryKey = (storyId) => queryRoots.storyDetail(storyId);

export async function getStory(storyId, signal) {
  const data = await api.get(`/stories/${encodeURIComponent(storyId)}`, { signal });
  return data.story;
}

export function storyQueryOptions(storyId) {
  return { queryKey: storyQueryKey(storyId), queryFn: ({ signal }) => getStory(storyId, signal) };
}

export function useStory(storyId, options = {}) {
  return useQuery({ ...storyQueryOptions(storyId), enabled: Boolean(storyId), ...options });
}
