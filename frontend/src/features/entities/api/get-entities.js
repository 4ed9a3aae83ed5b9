/**
 * GET /worlds/<world_id>/entities?page&page_size&q&entity_type: a page of a world's characters
 * (and creatures, factions, items), alphabetical; q matches names and aliases without diacritics.
 * Also every entity of the world (all pages), for pickers that search as you type.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export const ENTITIES_PAGE_SIZE = 20;
const ALL_PAGE_SIZE = 100;

export function entitiesQueryKey(worldId, { page = 1, pageSize = ENTITIES_PAGE_SIZE, q = '', type = '' } = {}) {
  return [...queryRoots.worldEntities(worldId), 'list', { page, pageSize, q, type }];
}

export function getEntities(worldId, { page = 1, pageSize = ENTITIES_PAGE_SIZE, q = '', type = '' } = {}, signal) {
  return api.get(`/worlds/${encodeURIComponent(worldId)}/entities`, {
    params: { page, page_size: pageSize, q: q.trim() || undefined, entity_type: type || undefined },
    signal,
  });
}

export function entitiesQueryOptions(worldId, params) {
  return { queryKey: entitiesQueryKey(worldId, params), queryFn: ({ signal }) => getEntities(worldId, params, signal) };
}

export function useEntities(worldId, params, options = {}) {
  return useQuery({ ...entitiesQueryOptions(worldId, params), placeholderData: keepPreviousData, enabled: Boolean(worldId), ...options });
}

export const allEntitiesQueryKey = (worldId) => [...queryRoots.worldEntities(worldId), 'all'];

export async function getAllEntities(worldId, signal) {
  const items = [];
  for (let page = 1; ; page += 1) {
    const data = await getEntities(worldId, { page, pageSize: ALL_PAGE_SIZE }, signal);
    items.push(...data.items);
    if (items.length >= data.total || data.items.length === 0) break;
  }
  return items;
}

export function useAllEntities(worldId, options = {}) {
  return useQuery({
    queryKey: allEntitiesQueryKey(worldId),
    queryFn: ({ signal }) => getAllEntities(worldId, signal),
    enabled: Boolean(worldId),
    ...options,
  });
}
