import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { makeEntity, makeLocation, makeStory, makeWorld } from '../../../test/fixtures';
import { renderApp, signIn } from '../../../test/render';
import { API, fail, ok, server } from '../../../test/server';
import { worldModelHandlers } from '../../../test/world-model';
import i18n from '../../../lib/i18n';

const W = 'world_a';
const ari = makeEntity({ entity_id: 'e1', name: 'Ari', aliases: ['A-ri'] });
const bo = makeEntity({ entity_id: 'e2', name: 'Bo' });
const harbour = makeLocation({ location_id: 'l1', name: 'Harbour' });
const keep = makeLocation({ location_id: 'l2', name: 'Keep' });

function makeEvent(overrides) {
  return {
    world_id: W, story_id: null, description: '', month: null, day: null, era: '', precision: 'exact',
    kind: 'other', entity_ids: [], location_ids: [], story_position: null, connections: [], relative_to: null,
    ages: [], version: 1, ...overrides,
  };
}

const birth = makeEvent({ event_id: 'ev1', title: 'Ari is born', kind: 'birth', year: -500, date_label: '500 trước Công nguyên', entity_ids: ['e1'] });
const exile = makeEvent({ event_id: 'ev2', title: 'The long exile', kind: 'journey', year: -1, date_label: '1 trước Công nguyên', entity_ids: ['e2'], location_ids: ['l2'] });
const battle = makeEvent({
  event_id: 'ev3', title: 'Battle of the Harbour', kind: 'battle', year: 1300, month: 5, day: 6, date_label: 'ngày 6 tháng 5 năm 1300',
  entity_ids: ['e1'], location_ids: ['l1'], ages: [{ entity_id: 'e1', age: 1799 }], story_id: 's1', version: 4,
});
const feast = makeEvent({ event_id: 'ev4', title: 'Feast at the Keep', kind: 'meeting', year: 1300, month: 5, day: 6, date_label: 'ngày 6 tháng 5 năm 1300', entity_ids: ['e1'], location_ids: ['l2'] });
const voyage = makeEvent({ event_id: 'ev5', title: 'Voyage north', kind: 'journey', year: 1300, month: 6, date_label: 'khoảng tháng 6 năm 1300', precision: 'approximate', entity_ids: ['e1', 'e2'], location_ids: ['l1'] });

const rumour = makeEvent({ event_id: 'ev6', title: 'A rumour of gold', year: null, date_label: 'không rõ thời gian', precision: 'unknown' });

const conflicts = [
  { kind: 'two_places', certainty: 'definite', entity_id: 'e1', event_ids: ['ev3', 'ev4'], explanation: 'Ari ở Harbour và Keep cùng ngày 6 tháng 5 năm 1300.' },
  { kind: 'too_far', certainty: 'possible', entity_id: 'e1', event_ids: ['ev5'], explanation: 'Ari có thể không kịp đi từ Keep tới Harbour.' },
];

// Out of order on purpose: the page orders years by number (-500 before -1).
const timeline = {
  years: [
    { year: null, era: '', events: [rumour] },
    { year: 1300, era: '', events: [battle, feast, voyage] },
    { year: -1, era: '', events: [exile] },
    { year: -500, era: '', events: [birth] },
  ],
  connections: [
    { from_event_id: 'ev1', to_event_id: 'ev3', relation_type: 'causation', label: 'vengeance', implicit: false },
    { from_event_id: 'ev3', to_event_id: 'ev5', relation_type: 'character', label: 'Ari', implicit: true },
  ],
  conflicts,
};

function setup({ edit = true, world: worldOverrides = {} } = {}) {
  signIn();
  const world = makeWorld({ world_id: W, name: 'Avalon', version: 2, permissions: { edit, manage: edit, delete: edit }, ...worldOverrides });
  const model = worldModelHandlers({ world, entities: [ari, bo], locations: [harbour, keep], stories: [makeStory({ story_id: 's1', world_id: W, title: 'The Siege' })] });
  const requests = [];
  server.use(
    ...model.handlers,
    http.get(`${API}/worlds/${W}/events`, ({ request }) => {
      requests.push({ method: 'GET', language: request.headers.get('Accept-Language') });
      return ok(timeline);
    }),
  );
  return { requests };
}

const yearHeadings = () => within(screen.getByTestId('timeline-axis')).getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
const card = (title) => screen.getByRole('article', { name: new RegExp(title) });

describe('timeline', () => {
  it('shows the years earliest first, negative years before the others, with events, people, places and ages', async () => {
    const { requests } = setup();
    renderApp(`/worlds/${W}/timeline`);
    await screen.findByRole('article', { name: /Battle of the Harbour/ });
    expect(yearHeadings()).toEqual(['500 trước Công nguyên', '1 trước Công nguyên', '1300', 'Chưa rõ thời gian']);
    const battleCard = card('Battle of the Harbour');
    expect(within(battleCard).getByText('ngày 6 tháng 5 năm 1300')).toBeInTheDocument();
    // Names arrive with the world's characters and places, which may come after the timeline.
    expect(await within(battleCard).findByRole('link', { name: 'Ari' })).toHaveAttribute('href', `/worlds/${W}/characters/e1`);
    expect(within(battleCard).getByText(/1799 tuổi/)).toBeInTheDocument();
    expect(within(battleCard).getByRole('link', { name: 'Harbour' })).toHaveAttribute('href', `/worlds/${W}/places/l1`);
    expect(within(battleCard).getByRole('link', { name: 'The Siege' })).toHaveAttribute('href', '/stories/s1');
    // The explicit connection from the birth, and the implicit one folded away.
    expect(within(card('Ari is born')).getByRole('button', { name: 'Battle of the Harbour' })).toBeInTheDocument();
    expect(within(battleCard).getByText('Chung nhân vật hoặc địa điểm với 1 sự kiện')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Dòng thời gian' })).toHaveAttribute('aria-selected', 'true');
    expect(requests[0].language).toBe('vi');
  });

  it('highlights conflicts on their events with the explanation, definite and possible told apart', async () => {
    setup();
    renderApp(`/worlds/${W}/timeline`);
    await screen.findByRole('article', { name: /Battle of the Harbour/ });
    const battleCard = card('Battle of the Harbour');
    const feastCard = card('Feast at the Keep');
    const voyageCard = card('Voyage north');
    expect(battleCard).toHaveAttribute('data-conflict', 'definite');
    expect(feastCard).toHaveAttribute('data-conflict', 'definite');
    expect(voyageCard).toHaveAttribute('data-conflict', 'possible');
    expect(card('Ari is born')).not.toHaveAttribute('data-conflict');
    expect(within(battleCard).getByText(conflicts[0].explanation)).toBeInTheDocument();
    expect(within(battleCard).getByText(/^Mâu thuẫn/)).toBeInTheDocument();
    expect(within(voyageCard).getByText(conflicts[1].explanation)).toBeInTheDocument();
    expect(within(voyageCard).getByText(/^Có thể mâu thuẫn/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /Dòng thời gian có 2 mâu thuẫn/ })).toBeInTheDocument();
  });

  it('moves to an event of a conflict from the summary with the keyboard', async () => {
    const user = userEvent.setup();
    setup();
    renderApp(`/worlds/${W}/timeline`);
    const summary = await screen.findByRole('region', { name: /Dòng thời gian có 2 mâu thuẫn/ });
    within(summary).getByRole('button', { name: 'Tới “Feast at the Keep”' }).focus();
    await user.keyboard('{Enter}');
    expect(card('Feast at the Keep')).toHaveFocus();
  });

  it('opens on the event an address names (a search result)', async () => {
    setup();
    renderApp(`/worlds/${W}/timeline#event-ev5`);
    await waitFor(() => expect(card('Voyage north')).toHaveFocus());
  });

  it('marks where each era begins and moves to it from the list of eras', async () => {
    const user = userEvent.setup();
    setup();
    const withEras = {
      ...timeline,
      years: [
        { year: -500, era: 'Age of Myth', events: [birth] },
        { year: -1, era: 'Age of Myth', events: [exile] },
        { year: 1300, era: 'Age of Sail', events: [battle] },
      ],
    };
    server.use(http.get(`${API}/worlds/${W}/events`, () => ok(withEras)));
    renderApp(`/worlds/${W}/timeline`);
    await screen.findByRole('article', { name: /Battle of the Harbour/ });
    expect(screen.getAllByTestId('timeline-era').map((li) => li.textContent)).toEqual(['Age of Myth', 'Age of Sail']);
    const nav = screen.getByRole('navigation', { name: 'Kỷ nguyên' });
    await user.click(within(nav).getByRole('button', { name: 'Age of Sail' }));
    expect(screen.getAllByTestId('timeline-era')[1]).toHaveFocus();
  });

  it('speaks English: the timeline is asked for in English and labelled in English', async () => {
    const { requests } = setup();
    await i18n.changeLanguage('en');
    renderApp(`/worlds/${W}/timeline`);
    await screen.findByRole('article', { name: /Battle of the Harbour/ });
    expect(requests.at(-1).language).toBe('en');
    expect(yearHeadings()).toEqual(['500 BC', '1 BC', '1300', 'Undated']);
    expect(screen.getByRole('heading', { name: /2 conflicts on this timeline/ })).toBeInTheDocument();
    expect(within(card('Voyage north')).getByText(/^Possible conflict/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'New event' })).toBeInTheDocument();
  });

  it('filters by character and place through the address', async () => {
    const user = userEvent.setup();
    setup();
    const { router } = renderApp(`/worlds/${W}/timeline?character=e2`);
    await screen.findByRole('article', { name: /The long exile/ });
    expect(screen.queryByRole('article', { name: /Battle of the Harbour/ })).not.toBeInTheDocument();
    await screen.findByRole('option', { name: 'Harbour' });
    expect(screen.getByRole('article', { name: /Voyage north/ })).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Địa điểm'), 'l1');
    await waitFor(() => expect(router.state.location.search).toBe('?character=e2&place=l1'));
    expect(screen.queryByRole('article', { name: /The long exile/ })).not.toBeInTheDocument();
    expect(screen.getByRole('article', { name: /Voyage north/ })).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Nhân vật'), '');
    await user.selectOptions(screen.getByLabelText('Địa điểm'), '');
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(yearHeadings()).toHaveLength(4);
  });

  it('checks the date against the calendar as it is typed, then shows the API’s field errors on their fields', async () => {
    const user = userEvent.setup();
    setup();
    const bodies = [];
    server.use(http.post(`${API}/worlds/${W}/events`, async ({ request }) => {
      bodies.push(await request.json());
      return fail('2001', 400, { fields: { day: 'month 2 of year 1304 has 29 days', entity_ids: 'e9 is not in this world' } });
    }));
    renderApp(`/worlds/${W}/timeline`);
    await user.click(await screen.findByRole('button', { name: 'Sự kiện mới' }));
    const form = screen.getByRole('form', { name: 'Sự kiện mới' });
    await user.type(within(form).getByLabelText('Tên sự kiện'), 'Coronation');
    await user.type(within(form).getByLabelText('Năm'), '1300');
    await user.selectOptions(within(form).getByLabelText('Tháng'), '2');
    await user.type(within(form).getByLabelText('Ngày'), '29');
    // 1300 is divisible by 100 and not by 400: no leap day.
    expect(within(form).getByLabelText('Ngày')).toHaveAccessibleDescription('Tháng 2 năm 1300 có 28 ngày (năm này không nhuận).');
    await user.click(within(form).getByRole('button', { name: 'Thêm sự kiện' }));
    expect(bodies).toHaveLength(0);

    await user.clear(within(form).getByLabelText('Năm'));
    await user.type(within(form).getByLabelText('Năm'), '1304');
    expect(within(form).getByLabelText('Ngày')).not.toHaveAccessibleDescription(/ngày/);
    expect(within(form).getByText('Sẽ ghi là: ngày 29 tháng 2 năm 1304')).toBeInTheDocument();
    await user.type(within(form).getByLabelText('Nhân vật'), 'a-ri');
    await user.click(await within(await screen.findByRole('listbox', { name: 'Nhân vật' })).findByRole('option', { name: /Ari/ }));
    await user.click(within(form).getByRole('button', { name: 'Thêm sự kiện' }));

    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toMatchObject({ title: 'Coronation', kind: 'other', year: 1304, month: 2, day: 29, entity_ids: ['e1'], relative_to: null });
    // The precision is left to the API (exact for a full date) unless the writer picks one.
    expect(bodies[0]).not.toHaveProperty('precision');
    expect(await within(form).findByText('Tháng đó không có ngày này.')).toBeInTheDocument();
    expect(within(form).getByLabelText('Ngày')).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).getByText('Có nhân vật không thuộc thế giới này.')).toBeInTheDocument();

    await act(() => i18n.changeLanguage('en'));
    // The open form survives the change of language (and the timeline fetched again in English).
    await user.click(await within(form).findByRole('button', { name: 'Add event' }));
    await waitFor(() => expect(bodies).toHaveLength(2));
    expect(await within(form).findByText('month 2 of year 1304 has 29 days')).toBeInTheDocument();
  });

  it('adds an event dated relative to another one', async () => {
    const user = userEvent.setup();
    setup();
    const bodies = [];
    server.use(http.post(`${API}/worlds/${W}/events`, async ({ request }) => {
      const body = await request.json();
      bodies.push(body);
      return ok({ event: makeEvent({ event_id: 'ev9', ...body, year: 1320, date_label: '1320' }) }, 201);
    }));
    renderApp(`/worlds/${W}/timeline`);
    await user.click(await screen.findByRole('button', { name: 'Sự kiện mới' }));
    const form = screen.getByRole('form', { name: 'Sự kiện mới' });
    await user.type(within(form).getByLabelText('Tên sự kiện'), 'Ari comes home');
    await user.selectOptions(within(form).getByLabelText('Loại'), 'journey');
    await user.click(within(form).getByRole('radio', { name: 'Tính theo sự kiện khác' }));
    await user.click(within(form).getByRole('button', { name: 'Thêm sự kiện' }));
    expect(within(form).getByLabelText('Sự kiện làm mốc')).toHaveAccessibleDescription('Hãy chọn sự kiện làm mốc.');
    await user.selectOptions(within(form).getByLabelText('Sự kiện làm mốc'), 'ev3');
    await user.type(within(form).getByLabelText('+ năm'), '20');
    await user.type(within(form).getByLabelText('+ ngày'), '-3');
    await user.click(within(form).getByRole('button', { name: 'Thêm sự kiện' }));
    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toMatchObject({ title: 'Ari comes home', kind: 'journey', relative_to: { event_id: 'ev3', years: 20, days: -3 } });
    expect(bodies[0]).not.toHaveProperty('year');
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Sự kiện mới' })).not.toBeInTheDocument());
    expect(screen.getByText('Đã thêm sự kiện.')).toBeInTheDocument();
  });

  it('keeps the typed fields when someone else changed the event meanwhile, then saves on the current version', async () => {
    const user = userEvent.setup();
    setup();
    const bodies = [];
    server.use(http.put(`${API}/events/ev3`, async ({ request }) => {
      const body = await request.json();
      bodies.push(body);
      if (bodies.length === 1) return fail('3004', 409, { current: { ...battle, title: 'Siege of the Harbour', version: 5 } });
      return ok({ event: { ...battle, ...body, version: 6 } });
    }));
    renderApp(`/worlds/${W}/timeline`);
    await user.click(await screen.findByRole('button', { name: 'Sửa “Battle of the Harbour”' }));
    const form = screen.getByRole('form', { name: 'Sửa “Battle of the Harbour”' });
    expect(within(form).getByLabelText('Năm')).toHaveValue('1300');
    expect(within(form).getByLabelText('Tháng')).toHaveValue('5');
    expect(within(form).getByLabelText('Truyện')).toHaveValue('s1');
    await user.type(within(form).getByLabelText('Thứ tự trong truyện'), 'x');
    expect(within(form).getByLabelText('Thứ tự trong truyện')).toHaveAccessibleDescription('Hãy nhập 0 hoặc một số nguyên dương.');
    await user.clear(within(form).getByLabelText('Thứ tự trong truyện'));
    await user.type(within(form).getByLabelText('Thứ tự trong truyện'), '3');
    const title = within(form).getByLabelText('Tên sự kiện');
    await user.clear(title);
    await user.type(title, 'Fall of the Harbour');
    await user.click(within(form).getByRole('button', { name: 'Lưu sự kiện' }));
    expect(await within(form).findByRole('status')).toHaveTextContent('Có người khác đã sửa “Siege of the Harbour”');
    expect(bodies[0].version).toBe(4);
    expect(within(form).getByLabelText('Tên sự kiện')).toHaveValue('Fall of the Harbour');
    await user.click(within(form).getByRole('button', { name: 'Lưu sự kiện' }));
    await waitFor(() => expect(bodies).toHaveLength(2));
    expect(bodies[1]).toMatchObject({ title: 'Fall of the Harbour', version: 5, year: 1300, month: 5, day: 6, story_id: 's1', story_position: 3 });
    expect(await screen.findByText('Đã lưu sự kiện.')).toBeInTheDocument();
  });

  it('deletes an event only after confirming', async () => {
    const user = userEvent.setup();
    setup();
    const deleted = [];
    server.use(http.delete(`${API}/events/:id`, ({ params }) => {
      deleted.push(params.id);
      return ok(null);
    }));
    renderApp(`/worlds/${W}/timeline`);
    await user.click(await screen.findByRole('button', { name: 'Xoá “Feast at the Keep”' }));
    const dialog = screen.getByRole('dialog', { name: 'Xoá sự kiện này?' });
    await user.click(within(dialog).getByRole('button', { name: 'Huỷ' }));
    expect(deleted).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Xoá “Feast at the Keep”' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Xoá sự kiện này?' })).getByRole('button', { name: 'Xoá' }));
    await waitFor(() => expect(deleted).toEqual(['ev4']));
    expect(await screen.findByText('Đã xoá sự kiện.')).toBeInTheDocument();
  });

  it('connects two events', async () => {
    const user = userEvent.setup();
    setup();
    const bodies = [];
    server.use(http.post(`${API}/events/:id/connections`, async ({ params, request }) => {
      bodies.push({ id: params.id, body: await request.json() });
      return ok({ event: battle }, 201);
    }));
    renderApp(`/worlds/${W}/timeline`);
    const feastCard = await screen.findByRole('article', { name: /Feast at the Keep/ });
    // Closed, it holds no list of events (a timeline has thousands of cards).
    expect(within(feastCard).queryByLabelText('Sự kiện')).toBeNull();
    await user.click(within(feastCard).getByText('Nối với sự kiện khác'));
    const form = within(feastCard).getByRole('form', { name: 'Nối “Feast at the Keep” với sự kiện khác' });
    expect(within(form).getByRole('button', { name: 'Nối' })).toBeDisabled();
    await user.selectOptions(within(form).getByLabelText('Sự kiện'), 'ev5');
    await user.selectOptions(within(form).getByLabelText('Kiểu liên kết'), 'temporal');
    await user.type(within(form).getByLabelText('Ghi chú'), 'the morning after');
    await user.click(within(form).getByRole('button', { name: 'Nối' }));
    await waitFor(() => expect(bodies).toEqual([{ id: 'ev4', body: { target_event_id: 'ev5', relation_type: 'temporal', label: 'the morning after' } }]));
    expect(await screen.findByText('Đã nối hai sự kiện.')).toBeInTheDocument();
  });

  it('shows no edit controls to who may only read the world', async () => {
    setup({ edit: false });
    renderApp(`/worlds/${W}/timeline`);
    await screen.findByRole('article', { name: /Battle of the Harbour/ });
    expect(screen.queryByRole('button', { name: 'Sự kiện mới' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Sửa/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Xoá/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Sửa lịch' })).not.toBeInTheDocument();
    expect(screen.queryByText('Nối với sự kiện khác')).not.toBeInTheDocument();
  });
});
