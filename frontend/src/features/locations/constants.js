/** The values the API accepts for a place's type (API notes, issue 4). */
export const LOCATION_TYPES = ['place', 'continent', 'region', 'country', 'city', 'town', 'village', 'building', 'landmark', 'wilderness', 'water', 'other'];
export const NAME_MAX = 120;
export const ALIASES_MAX = 20;
export const DESCRIPTION_MAX = 20_000;
export const COORDINATE_LIMIT = 1_000_000;
