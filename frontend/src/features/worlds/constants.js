/** The values the API accepts for a world's type, visibility and language. */
export const WORLD_TYPES = ['fantasy', 'sci-fi', 'modern', 'historical', 'custom'];
export const VISIBILITIES = ['draft', 'private', 'public'];
export const WORLD_LANGUAGES = ['vi', 'en'];
