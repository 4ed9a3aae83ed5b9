import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeLocation, makeWorld } from '../../../test/fixtures';
import { renderApp, renderWithProviders, signIn } from '../../../test/render';
import { server } from '../../../test/server';
import { worldModelHandlers } from '../../../test/world-model';
import { PlacesMap, dataBounds } from './places-map';
import { LABEL_FONT_SIZE, boxesOverlap, labelSize } from '../label-layout';

const places = [
  makeLocation({ location_id: 'a', name: 'Thăng Long', location_type: 'city', coordinates: { x: 100, y: 100 } }),
  makeLocation({ location_id: 'b', name: 'Lam Sơn', location_type: 'village', coordinates: { x: 300, y: 500 } }),
  makeLocation({ location_id: 'c', name: 'Ải Nam Quan', location_type: 'landmark', coordinates: { x: -200, y: 40 } }),
  makeLocation({ location_id: 'd', name: 'Chưa rõ', coordinates: null }),
];

const center = (map) => map.getAttribute('data-center').split(',').map(Number);
const pinAt = (name) => screen.getByRole('link', { name: new RegExp(`^${name}`) });
const position = (pin) => pin.getAttribute('transform').match(/translate\(([-\d.]+) ([-\d.]+)\)/).slice(1).map(Number);

// Twenty villages a few steps apart around the chosen one, and two far places that set the scale.
const crowd = [
  makeLocation({ location_id: 'far1', name: 'Ải Nam Quan', location_type: 'landmark', coordinates: { x: 0, y: 0 } }),
  makeLocation({ location_id: 'far2', name: 'Mũi Cà Mau', location_type: 'landmark', coordinates: { x: 1000, y: 1000 } }),
  ...Array.from({ length: 20 }, (_, i) => makeLocation({
    location_id: `v${i}`, name: `Làng ven sông ${i}`, location_type: 'village', coordinates: { x: 500 + (i % 5) * 6, y: 500 + Math.floor(i / 5) * 6 },
  })),
];

/** The box of a drawn label, estimated the way the layout does it, in map pixels. */
function drawnBox(text) {
  const [px, py] = position(text.closest('[data-testid="map-pin"]') ?? text.parentElement);
  const { width, height } = labelSize(text.textContent);
  const x = Number(text.getAttribute('x'));
  const left = { start: x, end: x - width, middle: x - width / 2 }[text.getAttribute('text-anchor')];
  return { x: px + left, y: py + Number(text.getAttribute('y')) - LABEL_FONT_SIZE, width, height };
}

// Drawn coordinates are rounded to a tenth of a pixel.
const shrink = (box) => ({ x: box.x + 0.1, y: box.y + 0.1, width: box.width - 0.2, height: box.height - 0.2 });

const labelled = (name) => screen.queryAllByTestId('map-label').some((label) => label.textContent === name);

/** The drawn names meet no other name, and none but the chosen place's (`chosen`) covers a pin. */
function expectLabelsApart(chosen) {
  const labels = screen.queryAllByTestId('map-label');
  const boxes = labels.map((label) => shrink(drawnBox(label)));
  boxes.forEach((box, i) => boxes.slice(i + 1).forEach((other) => expect(boxesOverlap(box, other)).toBe(false)));
  screen.getAllByTestId('map-pin').forEach((pin) => {
    const [x, y] = position(pin);
    const name = pin.querySelector('title').textContent;
    labels.filter((label) => label.textContent !== name && label.textContent !== chosen)
      .forEach((label) => expect(boxesOverlap(shrink(drawnBox(label)), { x: x - 8, y: y - 8, width: 16, height: 16 })).toBe(false));
  });
  return labels;
}

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

  it('frames the crowd, not the far-off places, and shows every place on request', async () => {
    const user = userEvent.setup();
    renderWithProviders(<PlacesMap places={crowd} focusId="v12" onOpen={() => {}} />);
    const framed = expectLabelsApart('Làng ven sông 12');
    expect(screen.getByTestId('map-far-away')).toHaveTextContent('2 địa điểm nằm xa');
    await user.click(screen.getByRole('button', { name: 'Xem mọi địa điểm' }));
    const all = expectLabelsApart('Làng ven sông 12');
    expect(all.length).toBeLessThan(framed.length);
    expect(labelled('Làng ven sông 12')).toBe(true);
  });

  it('writes names only where they overlap neither each other nor other pins, the chosen place\'s always', async () => {
    const user = userEvent.setup();
    renderWithProviders(<PlacesMap places={crowd} focusId="v12" onOpen={() => {}} />);
    await user.click(screen.getByRole('button', { name: 'Xem mọi địa điểm' }));
    const labels = expectLabelsApart('Làng ven sông 12');
    expect(labels.length).toBeLessThan(crowd.length);
    expect(labelled('Làng ven sông 12')).toBe(true);

    // Zooming in spreads the pins apart: more names find room.
    for (let i = 0; i < 9; i += 1) await user.click(screen.getByRole('button', { name: 'Phóng to' }));
    expect(expectLabelsApart('Làng ven sông 12').length).toBeGreaterThan(labels.length);
    expect(labelled('Làng ven sông 12')).toBe(true);
  });

  it('shows a hidden name while its pin is hovered or focused', async () => {
    const user = userEvent.setup();
    renderWithProviders(<PlacesMap places={crowd} focusId="v12" onOpen={() => {}} />);
    const hidden = screen.getAllByTestId('map-pin').find((pin) => !within(pin).queryByTestId('map-label'));
    const name = hidden.querySelector('title').textContent;
    expect(labelled(name)).toBe(false);
    expect(screen.queryByTestId('map-label-popup')).not.toBeInTheDocument();
    await user.hover(hidden);
    expect(screen.getByTestId('map-label-popup')).toHaveTextContent(name);
    await user.unhover(hidden);
    expect(screen.queryByTestId('map-label-popup')).not.toBeInTheDocument();
    act(() => hidden.focus());
    expect(screen.getByTestId('map-label-popup')).toHaveTextContent(name);
    act(() => hidden.blur());
    expect(screen.queryByTestId('map-label-popup')).not.toBeInTheDocument();
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
