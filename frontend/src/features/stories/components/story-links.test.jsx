import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeEntity, makeLocation, makeStory, makeWorld } from '../../../test/fixtures';
import { renderApp, signIn } from '../../../test/render';
import { server } from '../../../test/server';
import { worldModelHandlers } from '../../../test/world-model';

const world = makeWorld({ world_id: 'w1', name: 'Đại Việt' });
const content = 'Ức Trai tiễn cha là Nguyễn Phi Khanh ở Nam Quan.\n\nNguyen Trai quay về Thăng Long, gặp Lê Lợi.';

function setup({ linked = [], places = [], permissions } = {}) {
  const entities = [
    makeEntity({ entity_id: 'trai', world_id: 'w1', name: 'Nguyễn Trãi', aliases: ['Ức Trai'] }),
    makeEntity({ entity_id: 'khanh', world_id: 'w1', name: 'Nguyễn Phi Khanh' }),
  ];
  const locations = [makeLocation({ location_id: 'tl', world_id: 'w1', name: 'Thăng Long', location_type: 'city' })];
  const story = makeStory({
    story_id: 's1', world_id: 'w1', world_name: 'Đại Việt', title: 'Tiễn biệt', content, entity_ids: linked, location_ids: places,
    ...(permissions ? { permissions } : {}),
  });
  const { handlers, state } = worldModelHandlers({ world, entities, locations, stories: [story] });
  server.use(...handlers);
  signIn();
  return state;
}

const highlights = () => screen.queryAllByTestId('highlight').map((mark) => [mark.textContent, mark.getAttribute('href')]);

describe('story links and highlights', () => {
  it('highlights the names and aliases of linked characters and places, with or without diacritics', async () => {
    setup({ linked: ['trai'], places: ['tl'] });
    renderApp('/stories/s1');
    await waitFor(() => expect(highlights()).toEqual([
      ['Ức Trai', '/worlds/w1/characters/trai'],
      ['Nguyen Trai', '/worlds/w1/characters/trai'],
      ['Thăng Long', '/worlds/w1/places/tl'],
    ]));
    // Not linked: not highlighted.
    expect(screen.getByTestId('story-content')).toHaveTextContent('Nguyễn Phi Khanh');
    expect(within(screen.getByTestId('story-links')).getByRole('link', { name: 'Nguyễn Trãi' })).toHaveAttribute('href', '/worlds/w1/characters/trai');
  });

  it('links a character found by searching, and its name lights up', async () => {
    const state = setup();
    const user = userEvent.setup();
    renderApp('/stories/s1');
    expect(await screen.findByText('Chưa liên kết nhân vật hay địa điểm nào.')).toBeInTheDocument();

    await user.type(screen.getByRole('combobox', { name: 'Liên kết nhân vật hoặc địa điểm' }), 'phi khanh');
    await user.click(await screen.findByRole('option', { name: /^Nguyễn Phi Khanh/ }));

    expect(await within(await screen.findByTestId('story-links')).findByRole('link', { name: 'Nguyễn Phi Khanh' })).toBeInTheDocument();
    expect(state.requests.at(-1).body).toEqual({ entity_ids: ['khanh'] });
    await waitFor(() => expect(highlights()).toEqual([['Nguyễn Phi Khanh', '/worlds/w1/characters/khanh']]));
  });

  it('links by typed names, says which were not found, and creates the missing ones on request', async () => {
    const state = setup();
    const user = userEvent.setup();
    renderApp('/stories/s1');
    await user.click(await screen.findByText('Liên kết nhiều tên cùng lúc'));
    await user.type(screen.getByLabelText('Các tên, cách nhau bằng dấu phẩy'), 'uc trai, thang long, Lê Lợi');
    await user.click(screen.getByRole('button', { name: 'Liên kết' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Không tìm thấy: Lê Lợi.');
    expect(state.requests.at(-1).body).toEqual({ names: ['uc trai', 'thang long', 'Lê Lợi'] });

    await user.type(screen.getByLabelText('Các tên, cách nhau bằng dấu phẩy'), 'Lê Lợi');
    await user.click(screen.getByLabelText('Tạo nhân vật mới cho những tên chưa có'));
    await user.click(screen.getByRole('button', { name: 'Liên kết' }));
    expect(await screen.findByText('Đã tạo nhân vật mới: Lê Lợi.')).toBeInTheDocument();
    expect(state.requests.at(-1).body).toEqual({ names: ['Lê Lợi'], create_missing: true });
    await waitFor(() => expect(highlights().map(([text]) => text)).toEqual(['Ức Trai', 'Nguyen Trai', 'Thăng Long', 'Lê Lợi']));
  });

  it('unlinks one: clears the links, then links the others again', async () => {
    const state = setup({ linked: ['trai', 'khanh'], places: ['tl'] });
    const user = userEvent.setup();
    renderApp('/stories/s1');
    await user.click(await screen.findByRole('button', { name: 'Bỏ liên kết Nguyễn Trãi' }));
    await waitFor(() => expect(within(screen.getByTestId('story-links')).queryByRole('link', { name: 'Nguyễn Trãi' })).not.toBeInTheDocument());
    expect(state.requests.slice(-2)).toEqual([
      { method: 'POST', path: 'clear-links', id: 's1' },
      { method: 'POST', path: 'link-entities', id: 's1', body: { entity_ids: ['khanh'], location_ids: ['tl'] } },
    ]);
    expect(highlights().map(([text]) => text)).toEqual(['Nguyễn Phi Khanh', 'Thăng Long']);
  });

  it('shows a reader the linked ones without any way to change them', async () => {
    setup({ linked: ['trai'], permissions: { edit: false, delete: false } });
    renderApp('/stories/s1');
    expect(await within(await screen.findByTestId('story-links')).findByRole('link', { name: 'Nguyễn Trãi' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Bỏ liên kết/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Liên kết nhân vật hoặc địa điểm' })).not.toBeInTheDocument();
  });
});
