import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeEntity, makeWorld } from '../../../test/fixtures';
import { renderApp, signIn } from '../../../test/render';
import { server } from '../../../test/server';
import { worldModelHandlers } from '../../../test/world-model';

const world = makeWorld({ world_id: 'w1', name: 'Đại Việt' });

function setup(extra = {}) {
  const trai = makeEntity({ entity_id: 'trai', world_id: 'w1', name: 'Nguyễn Trãi', aliases: ['Ức Trai'] });
  const khanh = makeEntity({ entity_id: 'khanh', world_id: 'w1', name: 'Nguyễn Phi Khanh' });
  const loi = makeEntity({ entity_id: 'loi', world_id: 'w1', name: 'Lê Lợi', ...extra.loi });
  const { handlers, state } = worldModelHandlers({ world, entities: [trai, khanh, loi] });
  server.use(...handlers);
  signIn();
  return state;
}

describe('relationship editor', () => {
  it('adds a relationship and shows it from both sides, then on the other character too', async () => {
    const state = setup();
    const user = userEvent.setup();
    renderApp('/worlds/w1/characters/khanh');

    expect(await screen.findByRole('heading', { name: 'Nguyễn Phi Khanh', level: 2 })).toBeInTheDocument();
    expect(screen.getByText('Chưa có quan hệ nào.')).toBeInTheDocument();

    // Search without diacritics, by alias.
    await user.type(screen.getByRole('combobox', { name: 'Với nhân vật' }), 'uc trai');
    await user.click(await screen.findByRole('option', { name: /Nguyễn Trãi/ }));
    await user.selectOptions(screen.getByLabelText('Loại quan hệ'), 'parent_of');
    await user.type(screen.getByLabelText('Ghi chú (không bắt buộc)'), 'cha ruột');
    expect(screen.getByTestId('relationship-preview')).toHaveTextContent(
      'Nguyễn Phi Khanh là cha/mẹ của Nguyễn Trãi — Nguyễn Trãi sẽ hiện: con của Nguyễn Phi Khanh.',
    );
    await user.click(screen.getByRole('button', { name: 'Thêm quan hệ' }));

    const forward = await screen.findByTestId('relationship-forward');
    expect(forward).toHaveTextContent('Nguyễn Phi Khanh cha/mẹ của Nguyễn Trãi (cha ruột)');
    expect(screen.getByTestId('relationship-inverse')).toHaveTextContent('Phía bên kia: Nguyễn Trãi con của Nguyễn Phi Khanh');
    expect(state.requests.at(-1).body).toEqual({ relationships: [{ target_entity_id: 'trai', type: 'parent_of', label: 'cha ruột' }] });

    await user.click(within(screen.getByTestId('relationships')).getByRole('link', { name: 'Nguyễn Trãi' }));
    expect(await screen.findByRole('heading', { name: 'Nguyễn Trãi', level: 2 })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('relationship-forward')).toHaveTextContent('Nguyễn Trãi con của Nguyễn Phi Khanh'));
  });

  it('removes a relationship on both sides', async () => {
    const state = setup();
    state.entities.get('khanh').relationships = [{ target_entity_id: 'trai', type: 'parent_of', label: '' }];
    state.entities.get('trai').relationships = [{ target_entity_id: 'khanh', type: 'child_of', label: '' }];
    const user = userEvent.setup();
    renderApp('/worlds/w1/characters/trai');

    await user.click(await screen.findByRole('button', { name: 'Gỡ quan hệ “con của” với Nguyễn Phi Khanh' }));
    expect(await screen.findByText('Chưa có quan hệ nào.')).toBeInTheDocument();
    expect(state.requests.at(-1).body).toEqual({ relationships: [] });
    expect(state.entities.get('khanh').relationships).toEqual([]);
  });

  it('offers no editing to someone who may not edit the character', async () => {
    setup({ loi: { permissions: { edit: false, delete: false }, relationships: [] } });
    renderApp('/worlds/w1/characters/loi');
    expect(await screen.findByRole('heading', { name: 'Lê Lợi', level: 2 })).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Với nhân vật' })).not.toBeInTheDocument();
    const detail = screen.getByTestId('entity-detail');
    expect(within(detail).queryByRole('link', { name: 'Sửa' })).not.toBeInTheDocument();
    expect(within(detail).queryByRole('button', { name: 'Xoá' })).not.toBeInTheDocument();
  });
});
