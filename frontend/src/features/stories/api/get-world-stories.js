/** GET /worlds/<world_id>/stories: every story of a world, ordered by `order` (all pages). */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

const PAGE_SIZE = 100;

export const worldStoriesQueryKey = (worldId) => queryRoots.worldStories(worldId);

export async function getWorldStories(worldId, signal) {
  const items = [];
  for (let page = 1; ; page += 1) {
    const data = await api.get(`/worlds/${encodeURIComponent(worldId)}/stories`, {
      params: { page, page_size: PAGE_SIZE },
      signal,
    });
    items.push(...data.items);
    if (items.length >= data.total || data.items.length === 0) break;
  }
  return [...items].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
}

export function worldStoriesQueryOptions(worldId) {
  return { queryKey: worldStoriesQueryKey(worldId), queryFn: ({ signal }) => getWorldStories(worldId, signal) };
}

export function useWorldStories(worldId) {
  return useQuery({ ...worldStoriesQueryOptions(worldId), enabled: Boolean(worldId) });
}
