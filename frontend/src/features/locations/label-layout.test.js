import { describe, expect, it } from 'vitest';
import { makeLocation } from '../../test/fixtures';
import { boxesOverlap, labelBox, labelSize, layoutLabels, placePriorities, textPosition } from './label-layout';

/** Deterministic pseudo-random numbers in [0, 1). */
function numbers(seed) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function cluster(count, spread, seed = 7) {
  const next = numbers(seed);
  return Array.from({ length: count }, (_, i) => ({
    id: `p${i}`, x: 300 + next() * spread, y: 200 + next() * spread, text: `Làng số ${i}`, priority: 1,
  }));
}

const pinBox = ({ x, y }) => ({ x: x - 8, y: y - 8, width: 16, height: 16 });

function expectNoCollisions(pins, placements) {
  const shown = [...placements];
  shown.forEach(([id, { box }], i) => {
    shown.slice(i + 1).forEach(([, other]) => expect(boxesOverlap(box, other.box)).toBe(false));
    pins.filter((pin) => pin.id !== id).forEach((pin) => expect(boxesOverlap(box, pinBox(pin))).toBe(false));
  });
}

describe('layoutLabels', () => {
  it('places every label to the right of its pin when there is room', () => {
    const pins = [{ id: 'a', x: 10, y: 10, text: 'A' }, { id: 'b', x: 300, y: 300, text: 'B' }];
    const placements = layoutLabels(pins);
    expect([...placements.values()].map((p) => p.side)).toEqual(['right', 'right']);
  });

  it('gives two pins at the same spot different sides, without overlap', () => {
    const pins = [{ id: 'a', x: 100, y: 100, text: 'Thăng Long' }, { id: 'b', x: 100, y: 100, text: 'Đông Kinh' }];
    const placements = layoutLabels(pins);
    expect(placements.size).toBe(2);
    expect(placements.get('a').side).not.toBe(placements.get('b').side);
    expect(boxesOverlap(placements.get('a').box, placements.get('b').box)).toBe(false);
  });

  it('in a cluster of 20 pins, shows only labels that meet no other label and no other pin', () => {
    const pins = cluster(20, 80);
    const placements = layoutLabels(pins);
    expect(placements.size).toBeGreaterThan(0);
    expect(placements.size).toBeLessThan(20);
    expectNoCollisions(pins, placements);
  });

  it('never lets two placed labels meet, on 60 random maps of 2 to 300 pins (many at one spot)', () => {
    for (let seed = 1; seed <= 60; seed += 1) {
      const next = numbers(seed * 7919);
      const count = 2 + Math.floor(next() * 299);
      const spread = 5 + next() * 1200;
      const pins = Array.from({ length: count }, (_, i) => {
        // A quarter of the pins share a handful of spots, as places copied with one coordinate do.
        const stacked = next() < 0.25;
        return {
          id: `r${i}`,
          x: stacked ? 400 : 20 + next() * spread,
          y: stacked ? 300 : 20 + next() * spread * 0.6,
          text: 'Đ'.repeat(1 + Math.floor(next() * 24)),
          priority: Math.floor(next() * 5),
        };
      });
      const bounds = { width: 1280, height: 800 };
      const placements = layoutLabels(pins, { bounds });
      expect(placements.size).toBeGreaterThan(0);
      expectNoCollisions(pins, placements);
      placements.forEach(({ box }) => {
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(bounds.width);
      });
    }
  });

  it('shows more labels as the pins spread out', () => {
    const tight = layoutLabels(cluster(20, 80));
    const spread = layoutLabels(cluster(20, 800));
    expect(spread.size).toBeGreaterThan(tight.size);
    expectNoCollisions(cluster(20, 800), spread);
  });

  it('places labels in priority order, and a required label even with no free side', () => {
    // A strip one label high: three pins at one spot, room for two labels (right and left).
    const strip = { bounds: { width: 200, height: 16 } };
    const spot = (priorities) => Object.entries(priorities).map(([id, priority]) => ({ id, x: 100, y: 8, text: id, priority }));
    expect([...layoutLabels(spot({ a: 1, b: 2, c: 3 }), strip).keys()]).toEqual(['a', 'b']);
    expect([...layoutLabels(spot({ a: 1, b: 2, c: 0 }), strip).keys()]).toEqual(['c', 'a']);

    const pins = cluster(20, 60);
    pins[19] = { ...pins[19], required: true };
    const placements = layoutLabels(pins);
    expect(placements.has('p19')).toBe(true);
    [...placements].filter(([id]) => id !== 'p19')
      .forEach(([, { box }]) => expect(boxesOverlap(box, placements.get('p19').box)).toBe(false));

    // Pins on all four sides of the chosen one: no free side for its label.
    const boxed = [
      { id: 'chosen', x: 200, y: 200, text: 'Kinh thành', priority: 5 },
      { id: 'r', x: 230, y: 200, text: 'R', priority: 1 },
      { id: 'l', x: 170, y: 200, text: 'L', priority: 1 },
      { id: 'u', x: 200, y: 185, text: 'U', priority: 1 },
      { id: 'd', x: 200, y: 215, text: 'D', priority: 1 },
    ];
    expect(layoutLabels(boxed).has('chosen')).toBe(false);
    const required = layoutLabels(boxed.map((pin) => (pin.id === 'chosen' ? { ...pin, required: true } : pin)));
    expect(required.get('chosen').side).toBe('right');
    [...required].filter(([id]) => id !== 'chosen')
      .forEach(([, { box }]) => expect(boxesOverlap(box, required.get('chosen').box)).toBe(false));
  });

  it('keeps labels inside the bounds and off the obstacles', () => {
    const bounds = { width: 400, height: 300 };
    const edge = layoutLabels([{ id: 'a', x: 390, y: 150, text: 'Biên giới' }], { bounds });
    expect(edge.get('a').side).toBe('left');
    expect(layoutLabels([{ id: 'a', x: 100, y: 5, text: 'Núi' }], { bounds }).get('a').side).toBe('below');
    const pin = { id: 'a', x: 100, y: 150, text: 'Núi' };
    expect(layoutLabels([pin], { bounds, obstacles: [{ x: 105, y: 0, width: 295, height: 300 }] }).get('a').side).toBe('left');
    expect(layoutLabels([pin], { bounds, obstacles: [{ x: 0, y: 100, width: 400, height: 100 }] }).size).toBe(0);
  });

  it('gives the same answer for the same pins in any order', () => {
    const pins = cluster(30, 120, 3);
    const reversed = [...pins].reverse();
    const asList = (placements) => [...placements].sort(([a], [b]) => (a < b ? -1 : 1));
    expect(asList(layoutLabels(reversed))).toEqual(asList(layoutLabels(pins)));
    expect(asList(layoutLabels(pins))).toEqual(asList(layoutLabels(pins)));
  });
});

describe('label geometry', () => {
  it('estimates the size from the number of characters, marks included in them', () => {
    expect(labelSize('Ải Nam Quan').width).toBe(labelSize('Ai Nam Quan').width);
    expect(labelSize('Ải Nam Quan'.normalize('NFD')).width).toBe(labelSize('Ải Nam Quan').width);
    expect(labelSize('Hà Nội', 24).height).toBe(2 * labelSize('Hà Nội', 12).height);
  });

  it('anchors the text on the side of its pin', () => {
    const pin = { x: 100, y: 100 };
    const size = labelSize('Huế');
    const right = textPosition(pin, 'right', labelBox(pin, 'right', size));
    const left = textPosition(pin, 'left', labelBox(pin, 'left', size));
    expect(right).toMatchObject({ x: 11, anchor: 'start' });
    expect(left).toMatchObject({ x: -11, anchor: 'end' });
    expect(right.y).toBeCloseTo(4.2);
    expect(textPosition(pin, 'above', labelBox(pin, 'above', size))).toMatchObject({ x: 0, anchor: 'middle' });
  });
});

describe('placePriorities', () => {
  const world = [
    makeLocation({ location_id: 'village', name: 'Lam Sơn', location_type: 'village', parent_location_id: 'region' }),
    makeLocation({ location_id: 'city', name: 'Thăng Long', location_type: 'city', parent_location_id: 'region' }),
    makeLocation({ location_id: 'region', name: 'Kinh Bắc', location_type: 'region' }),
    makeLocation({ location_id: 'house', name: 'Nhà', location_type: 'building', parent_location_id: 'city' }),
    makeLocation({ location_id: 'lone', name: 'Đền', location_type: 'landmark' }),
  ];
  const order = (priorities) => [...priorities].sort((a, b) => a[1] - b[1]).map(([id]) => id);

  it('puts the selected place first, then the top of the hierarchy, then the larger kinds', () => {
    expect(order(placePriorities(world))).toEqual(['region', 'lone', 'city', 'village', 'house']);
    expect(order(placePriorities(world, 'house'))[0]).toBe('house');
  });

  it('survives parents that are missing or form a loop', () => {
    const odd = [
      makeLocation({ location_id: 'a', location_type: 'city', parent_location_id: 'b' }),
      makeLocation({ location_id: 'b', location_type: 'city', parent_location_id: 'a' }),
      makeLocation({ location_id: 'c', location_type: 'mystery', parent_location_id: 'gone' }),
    ];
    const priorities = placePriorities(odd);
    expect(priorities.get('c')).toBeLessThan(priorities.get('a'));
    expect(Number.isFinite(priorities.get('a'))).toBe(true);
  });
});
