import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeLocation, makeWorld } from '../../../test/fixtures';
import { renderApp, renderWithProviders, signIn } from '../../../test/render';
import { server } from '../../../test/server';
import { worldModelHandlers } from '../../../test/world-model';
import { PlacesMap, dataBounds } from './places-map';

const places = [
  makeLocation({ location_id: 'a', name: 'Thăng Long', location_type: 'city', coordinates: { x: 100, y: 100 } }),
  makeLocation({ location_id: 'b', name: 'Lam Sơn', location_type: 'village', coordinates: { x: 300, y: 500 } }),
  makeLocation({ location_id: 'c', name: 'Ải Nam Quan', location_type: 'landmark', coordinates: { x: -200, y: 40 } }),
  makeLocation({ location_id: 'd', name: 'Chưa rõ', coordinates: null }),
];

const center = (map) => map.getAttribute('data-center').split(',').map(Number);
const pinAt = (name) => screen.getByRole('link', { name: new RegExp(`^${name}`) });
const position = (pin) => pin.getAttribute('transform').match(/translate\(([-\d.]+) ([-\d.]+)\)/).slice(1).map(Number);

describe('places map', () => {
  it('fits the data: every pin with coordinates is inside the drawing', () => {
    renderWithProviders(<PlacesMap places={places} onOpen={() => {}} />);
    const map = screen.getByTestId('places-map');
    const width = Number(map.getAttribute('width'));
    const height = Number(map.getAttribute('height'));
    const pins = screen.getAllByTestId('map-pin');
    expect(pins).toHaveLength(3);
    pins.forEach((pin) => {
      const [x, y] = position(pin);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(width);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(height);
    });
    expect(dataBounds([{ x: 5, y: 5 }]).maxX).toBeGreaterThan(5);
  });

  it('pans with the arrow keys and by dragging', async () => {
    const user = userEvent.setup();
    renderWithProviders(<PlacesMap places={places} onOpen={() => {}} />);
    const map = screen.getByTestId('places-map');
    const [x0] = position(pinAt('Thăng Long'));
    map.focus();
    await user.keyboard('{ArrowRight}');
    // Moving the view right moves the pins left.
    expect(position(pinAt('Thăng Long'))[0]).toBeLessThan(x0);
    const [cx] = center(map);
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(center(map)[0]).toBeLessThan(cx);

    const [, y1] = position(pinAt('Lam Sơn'));
    fireEvent.pointerDown(map, { pointerId: 1, button: 0, clientX: 100, clientY: 100 });
    fireEvent.pointerMove(map, { pointerId: 1, clientX: 100, clientY: 160 });
    fireEvent.pointerUp(map, { pointerId: 1, clientX: 100, clientY: 160 });
    expect(position(pinAt('Lam Sơn'))[1]).toBeCloseTo(y1 + 60, 0);
  });

  it('zooms with the buttons, the keys and the wheel, and fits again', async () => {
    const user = userEvent.setup();
    renderWithProviders(<PlacesMap places={places} onOpen={() => {}} />);
    const map = screen.getByTestId('places-map');
    expect(map).toHaveAttribute('data-zoom', '1.000');
    await user.click(screen.getByRole('button', { name: 'Phóng to' }));
    expect(Number(map.getAttribute('data-zoom'))).toBeCloseTo(1.4);
    await user.click(screen.getByRole('button', { name: 'Thu nhỏ' }));
    await user.click(screen.getByRole('button', { name: 'Thu nhỏ' }));
    expect(Number(map.getAttribute('data-zoom'))).toBeCloseTo(1 / 1.4);
    map.focus();
    await user.keyboard('++');
    expect(Number(map.getAttribute('data-zoom'))).toBeCloseTo(1.4);
    fireEvent.wheel(map, { deltaY: -200, clientX: 50, clientY: 50 });
    expect(Number(map.getAttribute('data-zoom'))).toBeGreaterThan(1.4);
    await user.click(screen.getByRole('button', { name: 'Vừa khung' }));
    expect(map).toHaveAttribute('data-zoom', '1.000');
  });

  it('opens a place by clicking its pin or pressing Enter on it, but not after a drag', async () => {
    const onOpen = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<PlacesMap places={places} onOpen={onOpen} />);
    await user.click(pinAt('Lam Sơn'));
    expect(onOpen).toHaveBeenLastCalledWith(expect.objectContaining({ location_id: 'b' }));

    pinAt('Ải Nam Quan').focus();
    await user.keyboard('{Enter}');
    expect(onOpen).toHaveBeenLastCalledWith(expect.objectContaining({ location_id: 'c' }));

    const map = screen.getByTestId('places-map');
    onOpen.mockClear();
    fireEvent.pointerDown(pinAt('Thăng Long'), { pointerId: 2, button: 0, clientX: 10, clientY: 10 });
    fireEvent.pointerMove(map, { pointerId: 2, clientX: 60, clientY: 10 });
    fireEvent.pointerUp(map, { pointerId: 2, clientX: 60, clientY: 10 });
    fireEvent.click(pinAt('Thăng Long'));
    expect(onOpen).not.toHaveBeenCalled();
  });

  it('on the map tab, lists the places without coordinates beside the map and opens a pin', async () => {
    const world = makeWorld({ world_id: 'w1', name: 'Đại Việt' });
    const { handlers } = worldModelHandlers({ world, locations: places.map((p) => ({ ...p, world_id: 'w1' })) });
    server.use(...handlers);
    signIn();
    const user = userEvent.setup();
    const { router } = renderApp('/worlds/w1/map');
    expect(await screen.findByTestId('places-map')).toHaveAccessibleName('Bản đồ với 3 địa điểm');
    expect(within(screen.getByTestId('unplaced')).getByRole('link', { name: 'Chưa rõ' })).toHaveAttribute('href', '/worlds/w1/places/d');
    await user.click(pinAt('Thăng Long'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/worlds/w1/places/a'));
    expect(await screen.findByRole('heading', { name: 'Thăng Long', level: 2 })).toBeInTheDocument();
  });
});
