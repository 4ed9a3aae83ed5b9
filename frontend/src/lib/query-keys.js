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
};
