/** The timeline's filters in the URL: ?character=<entity_id>&place=<location_id>. */
import { useUrlFilters } from '../../../hooks/use-url-filters';

const DEFAULTS = { character: '', place: '' };

export function useTimelineFilters() {
  return useUrlFilters(DEFAULTS);
}

const rank = (year) => (year === null || year === undefined ? Infinity : year);

/**
 * The timeline's years, earliest first (numerically: -500 before -1; undated events, year null,
 * last), with only the events that involve the character and the place chosen.
 */
export function filterYears(years, { character, place }) {
  const ordered = [...years].sort((a, b) => rank(a.year) - rank(b.year) || 0);
  if (!character && !place) return ordered;
  return ordered
    .map((year) => ({
      ...year,
      events: year.events.filter((event) => (!character || (event.entity_ids ?? []).includes(character))
        && (!place || (event.location_ids ?? []).includes(place))),
    }))
    .filter((year) => year.events.length > 0);
}
