import { describe, expect, it } from 'vitest';
import { bulkBounds, dataBounds } from './places-map';

function grid(count) {
  return Array.from({ length: count }, (_, i) => ({ x: (i * 37) % 100, y: (i * 53) % 100 }));
}

describe('map framing', () => {
  it('frames the places that belong together, not one far-off place', () => {
    const points = [...grid(20), { x: 10_000, y: 50 }];
    const box = bulkBounds(points);
    expect(box.minX).toBeGreaterThan(-10);
    expect(box.maxX).toBeLessThan(110);
    expect(box.maxY - box.minY).toBeLessThan(110);
    expect(dataBounds(points).maxX).toBe(10_000);
  });

  it('keeps every place when they are spread evenly', () => {
    const points = grid(20);
    expect(bulkBounds(points)).toEqual(dataBounds(points));
  });

  it('keeps every place when the far ones are too many to be outliers', () => {
    const points = [...grid(6), ...grid(6).map((p) => ({ x: p.x + 5000, y: p.y }))];
    expect(bulkBounds(points)).toEqual(dataBounds(points));
  });

  it('frames a few places as they are', () => {
    const points = [{ x: 0, y: 0 }, { x: 5000, y: 5000 }];
    expect(bulkBounds(points)).toEqual(dataBounds(points));
  });
});
