/** GET /stories?scope=mine: the stories I touched last. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export const RECENT_STORIES_LIMIT = 5;
export const recentStoriesQueryKey = [...queryRoots.storyLists, 'recent'];

export function getRecentStories(signal) {
  return api.get('/stories', { params: { scope: 'mine', page: 1, page_size: RECENT_STORIES_LIMIT }, signal });
}

export function useRecentStories() {
  return useQuery({ queryKey: recentStoriesQueryKey, queryFn: ({ signal }) => getRecentStories(signal) });
}
