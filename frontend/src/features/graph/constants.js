/** The graph's kinds of nodes and edges, their colours and line styles (legend and drawing agree). */
export const NODE_KINDS = ['entity', 'location', 'story'];
export const EDGE_KINDS = ['relationship', 'co_appearance', 'appears_in', 'located_at'];
// Readable on the light and the dark theme; labels sit on a light box of their own.
export const NODE_COLORS = { entity: '#2563eb', location: '#059669', story: '#c2410c' };
export const NODE_SHAPES = { entity: 'ellipse', location: 'round-rectangle', story: 'diamond' };
export const EDGE_STYLES = {
  relationship: { color: '#7c3aed', line: 'solid' },
  co_appearance: { color: '#64748b', line: 'dashed' },
  appears_in: { color: '#c2410c', line: 'dotted' },
  located_at: { color: '#059669', line: 'solid' },
};

/** The page a node opens: a character, a place or a story. */
export function nodePath(worldId, node) {
  if (node.kind === 'entity') return `/worlds/${worldId}/characters/${node.id}`;
  if (node.kind === 'location') return `/worlds/${worldId}/places/${node.id}`;
  return `/stories/${node.id}`;
}

/** A node's key in the drawing: ids of different kinds may look alike. */
export const nodeKey = (kind, id) => `${kind}:${id}`;
