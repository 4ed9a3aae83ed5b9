/**
 * GET /worlds/<world_id>/events: the world's timeline — {years: [{year, era, events}],
 * connections: [{from_event_id, to_event_id, relation_type, label, implicit}],
 * conflicts: [{kind, certainty, entity_id, event_ids, explanation}]}. Date labels and
 * explanations come in the language asked for with Accept-Language (vi or en).
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

/** The language the timeline is asked in: the app's, vi or en. */
export const timelineLanguage = (language) => (language?.startsWith('en') ? 'en' : 'vi');

export const timelineQueryKey = (worldId, language) => [...queryRoots.timeline(worldId), { language }];

export async function getTimeline(worldId, language, signal) {
  const data = await api.get(`/worlds/${encodeURIComponent(worldId)}/events`, {
    headers: { 'Accept-Language': language },
    signal,
  });
  return {
    years: data?.years ?? [],
    connections: data?.connections ?? [],
    conflicts: data?.conflicts ?? [],
  };
}

export function timelineQueryOptions(worldId, language) {
  return { queryKey: timelineQueryKey(worldId, language), queryFn: ({ signal }) => getTimeline(worldId, language, signal) };
}

/** The timeline of a world, in the user's language (the old one stays up while a new language loads, so an open form survives). */
export function useTimeline(worldId) {
  const { i18n } = useTranslation();
  const language = timelineLanguage(i18n.language);
  return useQuery({ ...timelineQueryOptions(worldId, language), enabled: Boolean(worldId), placeholderData: keepPreviousData });
}
