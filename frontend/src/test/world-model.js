/**
 * A small in-memory stand-in for the world-model routes (entities, locations, story links),
 * following /work/notes/frontend-api-world-model.md: relationships mirror with their inverse,
 * names match without case or diacritics. Tests read `state` to see what the app sent.
 */
import { http } from 'msw';
import { API, fail, ok } from './server';
import { makeUser, page } from './fixtures';
import { fold } from '../lib/text';

const INVERSES = {
  parent_of: 'child_of', child_of: 'parent_of', mentor_of: 'student_of', student_of: 'mentor_of',
  leader_of: 'follower_of', follower_of: 'leader_of', member_of: 'has_member', has_member: 'member_of',
  employer_of: 'employee_of', employee_of: 'employer_of', owner_of: 'owned_by', owned_by: 'owner_of',
  creator_of: 'created_by', created_by: 'creator_of', ruler_of: 'ruled_by', ruled_by: 'ruler_of',
};
const inverse = (type) => INVERSES[type] ?? type;

export function worldModelHandlers({ world, entities = [], locations = [], stories = [], user = makeUser() }) {
  const state = {
    entities: new Map(entities.map((e) => [e.entity_id, structuredClone(e)])),
    locations: new Map(locations.map((l) => [l.location_id, structuredClone(l)])),
    stories: new Map(stories.map((s) => [s.story_id, structuredClone(s)])),
    requests: [],
  };
  const w = world.world_id;
  const named = (entity) => ({
    ...entity,
    relationships: entity.relationships.map((r) => ({ ...r, target_name: state.entities.get(r.target_entity_id)?.name })),
  });
  const matches = (item, q) => !q || [item.name, ...(item.aliases ?? [])].some((name) => fold(name).includes(fold(q)));
  const list = (items, url, typeKey) => {
    const q = url.searchParams.get('q') ?? '';
    const type = url.searchParams.get(typeKey);
    const size = Number(url.searchParams.get('page_size') ?? 20);
    const number = Number(url.searchParams.get('page') ?? 1);
    const all = items.filter((item) => matches(item, q) && (!type || item[typeKey] === type))
      .sort((a, b) => fold(a.name).localeCompare(fold(b.name)));
    return ok(page(all.slice((number - 1) * size, number * size), { total: all.length, pageNumber: number, pageSize: size }));
  };

  const handlers = [
    http.get(`${API}/auth/me`, () => ok({ user })),
    http.get(`${API}/worlds/${w}`, () => ok({ world })),
    http.get(`${API}/worlds/${w}/stories`, () => ok(page([...state.stories.values()]))),
    http.get(`${API}/worlds/${w}/entities`, ({ request }) => list([...state.entities.values()], new URL(request.url), 'entity_type')),
    http.get(`${API}/worlds/${w}/entities/:id`, ({ params }) => {
      const entity = state.entities.get(params.id);
      return entity ? ok({ entity: named(entity) }) : fail('3001', 404);
    }),
    http.put(`${API}/worlds/${w}/entities/:id`, async ({ params, request }) => {
      const body = await request.json();
      state.requests.push({ method: 'PUT', id: params.id, body });
      const entity = state.entities.get(params.id);
      if (body.relationships) {
        // Drop the old mirrors, then mirror the new list.
        state.entities.forEach((other) => {
          other.relationships = other.relationships.filter((r) => r.target_entity_id !== entity.entity_id);
        });
        entity.relationships = body.relationships.map((r) => ({ label: '', ...r }));
        entity.relationships.forEach((r) => {
          state.entities.get(r.target_entity_id).relationships.push({ target_entity_id: entity.entity_id, type: inverse(r.type), label: r.label ?? '' });
        });
      }
      Object.assign(entity, { ...body, relationships: entity.relationships });
      return ok({ entity: named(entity) });
    }),
    http.get(`${API}/worlds/${w}/locations`, ({ request }) => list([...state.locations.values()], new URL(request.url), 'location_type')),
    http.get(`${API}/worlds/${w}/locations/:id`, ({ params }) => {
      const location = state.locations.get(params.id);
      if (!location) return fail('3001', 404);
      const parent = location.parent_location_id ? state.locations.get(location.parent_location_id) : null;
      return ok({ location: { ...location, parent_name: parent?.name ?? null } });
    }),
    http.get(`${API}/stories/:id`, ({ params }) => ok({ story: state.stories.get(params.id) })),
    http.post(`${API}/stories/:id/clear-links`, ({ params }) => {
      state.requests.push({ method: 'POST', path: 'clear-links', id: params.id });
      const story = state.stories.get(params.id);
      Object.assign(story, { entity_ids: [], location_ids: [] });
      return ok({ story });
    }),
    http.post(`${API}/stories/:id/link-entities`, async ({ params, request }) => {
      const body = await request.json();
      state.requests.push({ method: 'POST', path: 'link-entities', id: params.id, body });
      const story = state.stories.get(params.id);
      const created = [];
      const unresolved = [];
      const add = (list, value) => (list.includes(value) ? list : [...list, value]);
      (body.entity_ids ?? []).forEach((id) => { story.entity_ids = add(story.entity_ids, id); });
      (body.location_ids ?? []).forEach((id) => { story.location_ids = add(story.location_ids, id); });
      (body.names ?? []).forEach((name) => {
        const same = (item) => [item.name, ...(item.aliases ?? [])].some((n) => fold(n) === fold(name));
        const entity = [...state.entities.values()].find(same);
        const location = [...state.locations.values()].find(same);
        if (entity) story.entity_ids = add(story.entity_ids, entity.entity_id);
        else if (location) story.location_ids = add(story.location_ids, location.location_id);
        else if (body.create_missing) {
          const fresh = { entity_id: `new-${state.entities.size + 1}`, world_id: w, name, aliases: [], entity_type: 'character', description: '', attributes: {}, relationships: [], source: { kind: 'user' }, permissions: { edit: true, delete: true } };
          state.entities.set(fresh.entity_id, fresh);
          story.entity_ids = add(story.entity_ids, fresh.entity_id);
          created.push(fresh);
        } else unresolved.push(name);
      });
      return ok({ story, created: { entities: created }, unresolved });
    }),
  ];
  return { handlers, state };
}
