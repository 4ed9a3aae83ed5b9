import { describe, expect, it } from 'vitest';
import { http } from 'msw';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeEntity, makeLocation, makeStory, makeWorld } from '../../../test/fixtures';
import { renderApp, signIn } from '../../../test/render';
import { API, fail, ok, server } from '../../../test/server';
import { worldModelHandlers } from '../../../test/world-model';
import { sentenceOf } from './consistency-panel';

const world = makeWorld({ world_id: 'w1', name: 'Đại Việt' });
const content = 'Đêm ấy Hưng Đạo Vương họp các tướng ở Vạn Kiếp. Yết Kiêu lặn xuống sông. Lão Mù nhìn thấy cánh buồm.';

function task(id, status, result = null, extra = {}) {
  return { task_id: id, kind: 'analyze', status, progress: null, result, error: null,
    usage: { prompt_tokens: 10, completion_tokens: 5 }, created_at: '2026-12-05T00:00:00Z', updated_at: '2026-12-05T00:00:00Z', ...extra };
}

function setup({ configured = true, results = {} } = {}) {
  const entities = [makeEntity({ entity_id: 'hd', world_id: 'w1', name: 'Trần Hưng Đạo', aliases: ['Hưng Đạo Vương'] })];
  const locations = [makeLocation({ location_id: 'vk', world_id: 'w1', name: 'Vạn Kiếp' })];
  const story = makeStory({ story_id: 's1', world_id: 'w1', world_name: 'Đại Việt', title: 'Hội nghị', content, entity_ids: [], location_ids: [] });
  const { handlers, state } = worldModelHandlers({ world, entities, locations, stories: [story] });
  const polls = {};
  server.use(
    ...handlers,
    http.get(`${API}/health`, () => ok({ status: 'ok', ai: { configured, model: configured ? 'fake' : null } })),
    http.post(`${API}/gpt/analyze`, () => ok({ task_id: 'analyze-1', status: 'pending', poll_url: '/api/gpt/results/analyze-1' }, 202)),
    http.post(`${API}/gpt/consistency-check`, () => ok({ task_id: 'check-1', status: 'pending', poll_url: '/api/gpt/results/check-1' }, 202)),
    http.post(`${API}/stories/s1/events/extract`, () => fail('4001', 503)),
    http.get(`${API}/gpt/results/:id`, ({ params }) => {
      polls[params.id] = (polls[params.id] ?? 0) + 1;
      if (!results[params.id]) return fail('3003', 404);
      return ok(polls[params.id] < 2 ? task(params.id, 'processing') : task(params.id, 'completed', results[params.id]));
    }),
    http.post(`${API}/worlds/w1/entities`, async ({ request }) => {
      const body = await request.json();
      state.requests.push({ method: 'POST', path: 'entities', body });
      const created = makeEntity({ entity_id: 'new-1', world_id: 'w1', ...body });
      state.entities.set('new-1', created);
      return ok({ entity: created }, 201);
    }),
  );
  signIn();
  return state;
}

const ANALYSIS = {
  characters: [
    { name: 'Hưng Đạo Vương', entity_id: 'hd', description: 'chủ tướng', quote: 'Hưng Đạo Vương họp các tướng' },
    { name: 'Yết Kiêu', entity_id: null, description: 'thợ lặn', quote: 'Yết Kiêu lặn xuống sông' },
  ],
  locations: [{ name: 'Vạn Kiếp', location_id: 'vk', description: '', quote: 'ở Vạn Kiếp' }],
  dropped: 1,
  truncated: false,
  context: { entity_ids: ['hd'], location_ids: ['vk'], event_ids: [], cut: 0 },
};

describe('the AI assistant on a story', () => {
  it('says why it is hidden when the server has no AI', async () => {
    setup({ configured: false });
    renderApp('/stories/s1');
    expect(await screen.findByText(/chưa kết nối trợ lý AI/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Phân tích bằng AI' })).not.toBeInTheDocument();
  });

  it('analyzes, links a known character, creates a new one, and shows what it saw', async () => {
    const state = setup({ results: { 'analyze-1': ANALYSIS } });
    const user = userEvent.setup();
    renderApp('/stories/s1');
    await user.click(await screen.findByRole('button', { name: 'Phân tích bằng AI' }));
    const found = await screen.findByRole('list', { name: 'Những gì trợ lý tìm thấy' }, { timeout: 4000 });
    expect(within(found).getByText('“Yết Kiêu lặn xuống sông”')).toBeInTheDocument();
    expect(screen.getByText(/1 tên trợ lý tự bịa ra/)).toBeInTheDocument();
    expect(screen.getByText(/Trợ lý đã xem: Trần Hưng Đạo, Vạn Kiếp/)).toBeInTheDocument();

    await user.click(within(found).getByRole('button', { name: 'Nhận Hưng Đạo Vương' }));
    await waitFor(() => expect(state.requests.at(-1).body).toEqual({ entity_ids: ['hd'] }));
    await user.click(within(found).getByRole('button', { name: 'Bỏ qua Vạn Kiếp' }));
    await user.click(within(found).getByRole('button', { name: 'Nhận Yết Kiêu' }));
    await waitFor(() => expect(state.requests.at(-1).body).toEqual({ entity_ids: ['new-1'] }));
    expect(state.requests.find((r) => r.path === 'entities').body).toEqual({ name: 'Yết Kiêu', entity_type: 'character', description: 'thợ lặn' });
    expect(await screen.findByText('Không còn gì để duyệt.')).toBeInTheDocument();
  });

  it('shows each contradiction beside the sentence it quotes', async () => {
    const quote = 'Lão Mù nhìn thấy cánh buồm';
    setup({ results: { 'check-1': {
      issues: [{ severity: 'error', quote, story_position: content.indexOf(quote), fact: { kind: 'entity', id: 'hd', field: 'description' }, explanation: 'Lão Mù bị mù.' }],
      dropped: 2, context: { entity_ids: ['hd'], location_ids: [], event_ids: [], cut: 0 } } } });
    const user = userEvent.setup();
    renderApp('/stories/s1');
    await user.click(await screen.findByRole('button', { name: 'Kiểm tra mâu thuẫn bằng AI' }));
    const [finding] = await screen.findAllByTestId('consistency-finding', {}, { timeout: 4000 });
    expect(within(finding).getByText(quote, { selector: 'mark' })).toBeInTheDocument();
    expect(finding).toHaveTextContent('Mâu thuẫn: Lão Mù bị mù.');
    expect(finding).toHaveTextContent('Dữ kiện: Trần Hưng Đạo');
    expect(screen.getByText(/2 nhận xét bị bỏ/)).toBeInTheDocument();
  });

  it('explains a refused start instead of spinning', async () => {
    setup();
    const user = userEvent.setup();
    renderApp('/stories/s1');
    await user.click(await screen.findByRole('button', { name: 'Trích sự kiện bằng AI' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Dịch vụ AI chưa được cấu hình');
  });

  it('says a vanished task is gone', async () => {
    setup({ results: {} });
    const user = userEvent.setup();
    renderApp('/stories/s1');
    await user.click(await screen.findByRole('button', { name: 'Phân tích bằng AI' }));
    expect(await screen.findByText(/Không tìm thấy việc này nữa/, {}, { timeout: 4000 })).toBeInTheDocument();
  });
});

describe('the sentence around a quote', () => {
  it('cuts the sentence that holds the quote', () => {
    const quote = 'Yết Kiêu lặn';
    expect(sentenceOf(content, content.indexOf(quote), quote)).toEqual({ before: '', quote, after: ' xuống sông.' });
  });
});
