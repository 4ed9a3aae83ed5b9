/** Small builders for the API's objects, shaped like /work/notes/frontend-api.md. */
let next = 1;

export function makeUser(overrides = {}) {
  return {
    user_id: 'user_1',
    username: 'lan',
    email: 'lan@example.com',
    display_name: 'Lan',
    role: 'user',
    created_at: '2025-01-02T03:04:05Z',
    banned: false,
    quotas: {
      public_worlds: { used: 1, limit: 3 },
      public_stories: { used: 0, limit: 10 },
      ai_requests_today: { used: 2, limit: null },
    },
    ...overrides,
  };
}

export function makeWorld(overrides = {}) {
  const id = overrides.world_id ?? `world_${next++}`;
  return {
    world_id: id,
    name: `World ${id}`,
    description: 'A land of rivers.',
    excerpt: 'A land of rivers.',
    world_type: 'fantasy',
    visibility: 'private',
    owner_id: 'user_1',
    owner_username: 'lan',
    collaborators: [],
    calendar: null,
    counts: { stories: 0, entities: 0, locations: 0, events: 0 },
    created_at: '2025-01-02T03:04:05Z',
    updated_at: '2025-01-03T03:04:05Z',
    my_role: 'owner',
    permissions: { edit: true, manage: true, delete: true },
    ...overrides,
  };
}

export function makeStory(overrides = {}) {
  const id = overrides.story_id ?? `story_${next++}`;
  return {
    story_id: id,
    world_id: 'world_a',
    world_name: 'Avalon',
    title: `Story ${id}`,
    content: '',
    summary: '',
    genre: '',
    visibility: 'private',
    order: 0,
    world_time: null,
    entity_ids: [],
    location_ids: [],
    linked_story_ids: [],
    owner_id: 'user_1',
    word_count: 0,
    excerpt: '',
    created_at: '2025-01-02T03:04:05Z',
    updated_at: '2025-01-03T03:04:05Z',
    permissions: { edit: true, delete: true },
    ...overrides,
  };
}

export function page(items, { total = items.length, pageNumber = 1, pageSize = 20 } = {}) {
  return { items, total, page: pageNumber, page_size: pageSize };
}

export function makeEntity(overrides = {}) {
  const id = overrides.entity_id ?? `entity_${next++}`;
  return {
    entity_id: id,
    world_id: 'world_a',
    name: `Entity ${id}`,
    aliases: [],
    entity_type: 'character',
    description: '',
    excerpt: '',
    attributes: {},
    relationships: [],
    source: { kind: 'user' },
    permissions: { edit: true, delete: true },
    created_at: '2025-01-02T03:04:05Z',
    updated_at: '2025-01-03T03:04:05Z',
    ...overrides,
  };
}

export function makeLocation(overrides = {}) {
  const id = overrides.location_id ?? `location_${next++}`;
  return {
    location_id: id,
    world_id: 'world_a',
    name: `Place ${id}`,
    aliases: [],
    location_type: 'place',
    description: '',
    excerpt: '',
    coordinates: null,
    parent_location_id: null,
    source: { kind: 'user' },
    permissions: { edit: true, delete: true },
    created_at: '2025-01-02T03:04:05Z',
    updated_at: '2025-01-03T03:04:05Z',
    ...overrides,
  };
}

export function makeAdminUser(overrides = {}) {
  return { ...makeUser(), ban_reason: '', updated_at: '2025-01-03T03:04:05Z', ...overrides };
}
