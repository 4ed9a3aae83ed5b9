/**
 * GET /worlds/<world_id>/locations?page&page_size&q&location_type: a page of a world's places,
 * alphabetical. Also every place of the world (all pages), for the map and the pickers.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export const LOCATIONS_PAGE_SIZE = 20;
const ALL_PAGE_SIZE = 100;

export function locationsQueryKey(worldId, { page = 1, pageSize = LOCATIONS_PAGE_SIZE, q = '', type = '' } = {}) {
  return [...queryRoots.worldLocations(worldId), 'list', { page, pageSize, q, type }];
}

export function getLocations(worldId, { page = 1, pageSize = LOCATIONS_PAGE_SIZE, q = '', type = '' } = {}, signal) {
  return api.get(`/worlds/${encodeURIComponent(worldId)}/locations`, {
    params: { page, page_size: pageSize, q: q.trim() || undefined, location_type: type || undefined },
    signal,
  });
}

export function locationsQueryOptions(worldId, params) {
  return { queryKey: locationsQueryKey(worldId, params), queryFn: ({ signal }) => getLocations(worldId, params, signal) };
}

export function useLocations(worldId, params, options = {}) {
  return useQuery({ ...locationsQueryOptions(worldId, params), placeholderData: keepPreviousData, enabled: Boolean(worldId), ...options });
}

export const allLocationsQueryKey = (worldId) => [...queryRoots.worldLocations(worldId), 'all'];

export async function getAllLocations(worldId, signal) {
  const items = [];
  for (let page = 1; ; page += 1) {
    const data = await getLocations(worldId, { page, pageSize: ALL_PAGE_SIZE }, signal);
    items.push(...data.items);
    if (items.length >= data.total || data.items.length === 0) break;
  }
  return items;
}

export function allLocationsQueryOptions(worldId) {
  return { queryKey: allLocationsQueryKey(worldId), queryFn: ({ signal }) => getAllLocations(worldId, signal) };
}

export function useAllLocations(worldId, options = {}) {
  return useQuery({ ...allLocationsQueryOptions(worldId), enabled: Boolean(worldId), ...options });
}
