/** The characters list's search, type and page, kept in the URL (?q=&type=&page=). */
import { parseUrlFilters, useUrlFilters } from '../../../hooks/use-url-filters';
import { ENTITY_TYPES } from '../constants';

const DEFAULTS = { q: '', type: '', page: 1 };
const ALLOWED = { type: ['', ...ENTITY_TYPES] };

export function parseEntityFilters(params) {
  return parseUrlFilters(params, DEFAULTS, ALLOWED);
}

export function useEntityFilters() {
  return useUrlFilters(DEFAULTS, ALLOWED);
}
