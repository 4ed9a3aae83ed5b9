import { LIMITS } from '../../lib/limits';

/** The values the API accepts for a place's type (API notes, issue 4). */
export const LOCATION_TYPES = ['place', 'continent', 'region', 'country', 'city', 'town', 'village', 'building', 'landmark', 'wilderness', 'water', 'other'];
// The API's limits (src/lib/limits.js, checked against the backend schemas by a test).
export const NAME_MAX = LIMITS.locationName;
export const ALIASES_MAX = LIMITS.locationAliases;
export const DESCRIPTION_MAX = LIMITS.locationDescription;
export const COORDINATE_LIMIT = LIMITS.coordinate;
