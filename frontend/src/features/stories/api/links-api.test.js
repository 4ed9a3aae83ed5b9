import { describe, expect, it } from 'vitest';
import { http } from 'msw';
import { API, ok, server } from '../../../test/server';
import { makeStory } from '../../../test/fixtures';
import { linkEntities } from './link-entities';
import { setStoryLinks } from './clear-links';

function recordLinks() {
  const calls = [];
  server.use(
    http.post(`${API}/stories/s1/clear-links`, () => { calls.push(['clear']); return ok({ story: makeStory({ story_id: 's1' }) }); }),
    http.post(`${API}/stories/s1/link-entities`, async ({ request }) => {
      const body = await request.json();
      calls.push(['link', body]);
      return ok({ story: makeStory({ story_id: 's1', entity_ids: body.entity_ids ?? [] }), created: { entities: [] }, unresolved: ['Ai Đó'] });
    }),
  );
  return calls;
}

describe('story links api', () => {
  it('links by names with create_missing, and reports what was not found', async () => {
    const calls = recordLinks();
    const result = await linkEntities({ storyId: 's1', names: ['Ai Đó'], createMissing: true });
    expect(calls).toEqual([['link', { names: ['Ai Đó'], create_missing: true }]]);
    expect(result.unresolved).toEqual(['Ai Đó']);
    expect(result.created).toEqual([]);
  });

  it('sets the exact links: clears, then links the rest (or only clears when nothing is left)', async () => {
    const calls = recordLinks();
    const story = await setStoryLinks({ storyId: 's1', entityIds: ['a'], locationIds: ['p'] });
    expect(calls).toEqual([['clear'], ['link', { entity_ids: ['a'], location_ids: ['p'] }]]);
    expect(story.entity_ids).toEqual(['a']);
    calls.length = 0;
    await setStoryLinks({ storyId: 's1', entityIds: [], locationIds: [] });
    expect(calls).toEqual([['clear']]);
  });
});
