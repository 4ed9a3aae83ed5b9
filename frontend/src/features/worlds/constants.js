/** The values the API accepts for a world's type and visibility. */
export const WORLD_TYPES = ['fantasy', 'sci-fi', 'modern', 'historical', 'custom'];
export const VISIBILITIES = ['draft', 'private', 'public'];
