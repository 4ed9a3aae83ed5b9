/** What search finds, in the order the results page shows the groups, and where each one opens. */
export const SEARCH_KINDS = ['world', 'story', 'entity', 'location', 'event'];

/** The page a search result opens. */
export function resultPath(item) {
  const world = `/worlds/${encodeURIComponent(item.world_id ?? '')}`;
  switch (item.kind) {
    case 'world': return `/worlds/${encodeURIComponent(item.id)}`;
    case 'story': return `/stories/${encodeURIComponent(item.id)}`;
    case 'entity': return `${world}/characters/${encodeURIComponent(item.id)}`;
    case 'location': return `${world}/places/${encodeURIComponent(item.id)}`;
    case 'event': return `${world}/timeline#event-${encodeURIComponent(item.id)}`;
    default: return '/search';
  }
}
