/**
 * Roots of the query keys. Features never import each other, but a change made in one
 * (a new story) must refresh lists shown by another (a world's story count, the dashboard),
 * so they agree on these roots here.
 */
export const queryRoots = {
  me: ['auth', 'me'],
  worlds: ['worlds'],
  worldLists: ['worlds', 'list'],
  worldDetail: (worldId) => ['worlds', 'detail', worldId],
  stories: ['stories'],
  storyLists: ['stories', 'list'],
  worldStories: (worldId) => ['stories', 'world', worldId],
  storyDetail: (storyId) => ['stories', 'detail', storyId],
  // Characters (entities) and places (locations) of one world: lists, "all of them" and details.
  // A relationship changes two entities at once, so entity writes refresh the whole world's set.
  entities: ['entities'],
  worldEntities: (worldId) => ['entities', worldId],
  locations: ['locations'],
  worldLocations: (worldId) => ['locations', worldId],
  admin: ['admin'],
  // A world's timeline (its events) and graph; a calendar change redraws the timeline's dates.
  timeline: (worldId) => ['timeline', worldId],
  graph: (worldId) => ['graph', worldId],
  search: ['search'],
};
