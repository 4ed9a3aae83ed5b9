import { describe, expect, it } from 'vitest';
import { http } from 'msw';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeEntity, makeLocation, makeWorld } from '../../../test/fixtures';
import { renderApp, signIn } from '../../../test/render';
import { API, fail, ok, server } from '../../../test/server';
import { worldModelHandlers } from '../../../test/world-model';

const world = makeWorld({ world_id: 'w1', name: 'Đại Việt' });

function setup({ permissions } = {}) {
  const entities = [
    makeEntity({ entity_id: 'trai', world_id: 'w1', name: 'Nguyễn Trãi', aliases: ['Ức Trai'], excerpt: 'Nhà thơ.' }),
    makeEntity({ entity_id: 'khanh', world_id: 'w1', name: 'Nguyễn Phi Khanh' }),
    makeEntity({ entity_id: 'ho', world_id: 'w1', name: 'Nhà Hồ', entity_type: 'faction' }),
  ];
  const { handlers, state } = worldModelHandlers({
    world: permissions ? { ...world, permissions, my_role: 'viewer' } : world,
    entities,
    locations: [makeLocation({ location_id: 'tl', world_id: 'w1', name: 'Thăng Long' })],
  });
  server.use(...handlers);
  signIn();
  return state;
}

describe('characters tab', () => {
  it('lists characters, searches as you type without diacritics and filters by type, in the URL', async () => {
    setup();
    const user = userEvent.setup();
    const { router } = renderApp('/worlds/w1/characters');

    const list = await screen.findByTestId('entity-list');
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    expect(screen.getByRole('tab', { name: 'Nhân vật' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel')).toHaveAccessibleName('Nhân vật');
    expect(screen.getByText('Còn gọi là Ức Trai')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Tìm theo tên hoặc bí danh'), 'uc trai');
    await waitFor(() => expect(within(screen.getByTestId('entity-list')).getAllByRole('listitem')).toHaveLength(1));
    expect(screen.getByRole('link', { name: 'Nguyễn Trãi' })).toHaveAttribute('href', '/worlds/w1/characters/trai');
    expect(router.state.location.search).toBe('?q=uc+trai');

    await user.clear(screen.getByLabelText('Tìm theo tên hoặc bí danh'));
    await user.selectOptions(screen.getByLabelText('Loại'), 'faction');
    await waitFor(() => expect(within(screen.getByTestId('entity-list')).getAllByRole('listitem')).toHaveLength(1));
    expect(screen.getByRole('link', { name: 'Nhà Hồ' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?type=faction');
  });

  it('moves between tabs with the arrow keys, each tab an address', async () => {
    setup();
    const user = userEvent.setup();
    const { router } = renderApp('/worlds/w1/characters');
    const tab = await screen.findByRole('tab', { name: 'Nhân vật' });
    tab.focus();
    await user.keyboard('{ArrowRight}');
    await waitFor(() => expect(router.state.location.pathname).toBe('/worlds/w1/places'));
    expect(screen.getByRole('tab', { name: 'Địa điểm' })).toHaveFocus();
    expect(await screen.findByRole('link', { name: 'Thăng Long' })).toBeInTheDocument();
    await user.keyboard('{Home}');
    await waitFor(() => expect(router.state.location.pathname).toBe('/worlds/w1'));
  });

  it('creates a character, showing a name clash on the name field first', async () => {
    const state = setup();
    let calls = 0;
    server.use(http.post(`${API}/worlds/w1/entities`, async ({ request }) => {
      calls += 1;
      const body = await request.json();
      if (calls === 1) return fail('3002', 409, { fields: { name: 'already taken' } });
      const entity = makeEntity({ entity_id: 'loi', world_id: 'w1', ...body });
      state.entities.set('loi', entity);
      return ok({ entity }, 201);
    }));
    const user = userEvent.setup();
    const { router } = renderApp('/worlds/w1/characters');

    await user.click(await screen.findByRole('link', { name: /Nhân vật mới/ }));
    await user.type(await screen.findByLabelText('Tên'), 'nguyen trai');
    await user.click(screen.getByRole('button', { name: 'Thêm nhân vật' }));
    await waitFor(() => expect(screen.getByLabelText('Tên')).toHaveAccessibleDescription(/đã được dùng trong thế giới/));

    await user.clear(screen.getByLabelText('Tên'));
    await user.type(screen.getByLabelText('Tên'), 'Lê Lợi');
    await user.click(screen.getByRole('button', { name: 'Thêm nhân vật' }));
    expect(await screen.findByRole('heading', { name: 'Lê Lợi', level: 2 })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/worlds/w1/characters/loi');
    expect(screen.getByText('Đã thêm nhân vật.')).toBeInTheDocument();
  });

  it('deletes a character only after confirming', async () => {
    const state = setup();
    let deleted = false;
    server.use(http.delete(`${API}/worlds/w1/entities/khanh`, () => {
      deleted = true;
      state.entities.delete('khanh');
      return ok({ entity_id: 'khanh' });
    }));
    const user = userEvent.setup();
    const { router } = renderApp('/worlds/w1/characters/khanh');
    const detail = await screen.findByTestId('entity-detail');
    await user.click(within(detail).getByRole('button', { name: 'Xoá' }));
    expect(screen.getByRole('dialog', { name: 'Xoá “Nguyễn Phi Khanh”?' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Huỷ' }));
    expect(deleted).toBe(false);
    await user.click(within(detail).getByRole('button', { name: 'Xoá' }));
    await user.click(screen.getByRole('button', { name: 'Xoá vĩnh viễn' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/worlds/w1/characters'));
    expect(deleted).toBe(true);
    await waitFor(() => expect(within(screen.getByTestId('entity-list')).getAllByRole('listitem')).toHaveLength(2));
  });

  it('offers a viewer no way to create', async () => {
    setup({ permissions: { edit: false, manage: false, delete: false } });
    renderApp('/worlds/w1/characters');
    expect(await screen.findByTestId('entity-list')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Nhân vật mới/ })).not.toBeInTheDocument();
  });
});
