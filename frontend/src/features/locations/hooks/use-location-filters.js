/** The places list's search, type and page, kept in the URL (?q=&type=&page=). */
import { parseUrlFilters, useUrlFilters } from '../../../hooks/use-url-filters';
import { LOCATION_TYPES } from '../constants';

const DEFAULTS = { q: '', type: '', page: 1 };
const ALLOWED = { type: ['', ...LOCATION_TYPES] };

export function parseLocationFilters(params) {
  return parseUrlFilters(params, DEFAULTS, ALLOWED);
}

export function useLocationFilters() {
  return useUrlFilters(DEFAULTS, ALLOWED);
}
