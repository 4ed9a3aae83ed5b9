import { describe, expect, it, vi } from 'vitest';
import { http } from 'msw';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeLocation, page } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { API, ok, server } from '../../../test/server';
import { LocationForm } from './location-form';

const capital = makeLocation({ location_id: 'tl', name: 'Thăng Long', location_type: 'city' });
const citadel = makeLocation({ location_id: 'ct', name: 'Hoàng thành', parent_location_id: 'tl', coordinates: { x: 10, y: 20 } });

function useWorldPlaces() {
  server.use(http.get(`${API}/worlds/w1/locations`, () => ok(page([capital, citadel]))));
}

describe('location form', () => {
  it('creates a place inside another one, with coordinates', async () => {
    useWorldPlaces();
    const onSubmit = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<LocationForm worldId="w1" onSubmit={onSubmit} />);

    await user.type(screen.getByLabelText('Tên'), 'Chùa Một Cột');
    await user.selectOptions(screen.getByLabelText('Loại'), 'landmark');
    await user.type(screen.getByRole('combobox', { name: 'Nằm trong' }), 'thang');
    await user.click(await screen.findByRole('option', { name: /Thăng Long/ }));
    await user.type(screen.getByLabelText('x (ngang)'), '12,5');
    await user.type(screen.getByLabelText('y (dọc, xuống dưới)'), '-3');
    await user.click(screen.getByRole('button', { name: 'Thêm địa điểm' }));

    expect(onSubmit).toHaveBeenCalledWith({
      name: 'Chùa Một Cột',
      aliases: [],
      location_type: 'landmark',
      description: '',
      coordinates: { x: 12.5, y: -3 },
      parent_location_id: 'tl',
    });
  });

  it('needs both coordinates, and a parent picked from the list', async () => {
    useWorldPlaces();
    const onSubmit = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<LocationForm worldId="w1" onSubmit={onSubmit} />);
    await user.type(screen.getByLabelText('Tên'), 'Bến Nghé');
    await user.type(screen.getByLabelText('x (ngang)'), '5');
    await user.type(screen.getByRole('combobox', { name: 'Nằm trong' }), 'nơi không có');
    await user.click(screen.getByRole('button', { name: 'Thêm địa điểm' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText('Cần điền cả x và y, là số trong khoảng ±1000000.')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Nằm trong' })).toHaveAccessibleDescription('Hãy chọn một địa điểm trong danh sách gợi ý, hoặc xoá ô này.');
  });

  it('when editing, clears coordinates and the parent with null and never offers itself as its parent', async () => {
    useWorldPlaces();
    const onSubmit = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<LocationForm worldId="w1" location={{ ...capital, coordinates: { x: 1, y: 2 } }} onSubmit={onSubmit} />);
    await user.click(screen.getByRole('combobox', { name: 'Nằm trong' }));
    // Neither the place itself nor a place inside it can contain it.
    expect(await screen.findByText('Không có địa điểm nào phù hợp.')).toBeInTheDocument();
    await user.clear(screen.getByLabelText('x (ngang)'));
    await user.clear(screen.getByLabelText('y (dọc, xuống dưới)'));
    await user.click(screen.getByRole('button', { name: 'Lưu thay đổi' }));
    expect(onSubmit).toHaveBeenCalledWith({ coordinates: null });
  });
});
