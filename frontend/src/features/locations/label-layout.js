/**
 * Where to write the names of the places on the map so that no two names overlap and no name
 * hides a pin. Sizes are estimated from the text, never measured, so the layout is the same in
 * every browser and in tests.
 */

export const LABEL_FONT_SIZE = 12;
// An average glyph of a medium-weight sans, a little wide: a name may get more room than it needs, never less.
const GLYPH_WIDTH = 0.6;
// Vietnamese stacks marks above capitals (Ẩ, Ổ): the box reaches a whole font size above the baseline.
const ASCENT = 1;
const DESCENT = 0.3;
// Between a pin's edge and its name.
const OFFSET = 3;
// The least space kept between two names.
const GAP = 2;
export const PIN_RADIUS = 8;

export const SIDES = ['right', 'left', 'above', 'below'];

// From the largest kind to the smallest; the vague kinds sit in the middle.
const KIND_ORDER = ['continent', 'region', 'country', 'water', 'wilderness', 'city', 'town', 'place', 'other', 'village', 'landmark', 'building'];

/** The estimated width and height of `text` written at `fontSize`. */
export function labelSize(text, fontSize = LABEL_FONT_SIZE) {
  const glyphs = [...String(text).normalize('NFC')].length;
  return { width: glyphs * fontSize * GLYPH_WIDTH, height: fontSize * (ASCENT + DESCENT) };
}

/** The box of a label of `size` written on `side` of the pin at (x, y). */
export function labelBox({ x, y, radius = PIN_RADIUS }, side, { width, height }) {
  const away = radius + OFFSET;
  switch (side) {
    case 'left': return { x: x - away - width, y: y - height / 2, width, height };
    case 'above': return { x: x - width / 2, y: y - away - height, width, height };
    case 'below': return { x: x - width / 2, y: y + away, width, height };
    default: return { x: x + away, y: y - height / 2, width, height };
  }
}

/** Where an SVG <text> in `box` starts, relative to its pin at (x, y): the anchor keeps the pin side exact. */
export function textPosition({ x, y }, side, box, fontSize = LABEL_FONT_SIZE) {
  const baseline = box.y + fontSize * ASCENT - y;
  if (side === 'left') return { x: box.x + box.width - x, y: baseline, anchor: 'end' };
  if (side === 'right') return { x: box.x - x, y: baseline, anchor: 'start' };
  return { x: box.x + box.width / 2 - x, y: baseline, anchor: 'middle' };
}

export function boxesOverlap(a, b, gap = 0) {
  return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap
    && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;
}

const inside = (box, bounds) => !bounds
  || (box.x >= 0 && box.y >= 0 && box.x + box.width <= bounds.width && box.y + box.height <= bounds.height);

const pinBox = ({ x, y, radius = PIN_RADIUS }) => ({ x: x - radius, y: y - radius, width: 2 * radius, height: 2 * radius });

/**
 * For a name that must be shown even where it overlaps: the side, within `bounds` if any is, whose
 * box meets the fewest of `boxes` (the first such side in SIDES order).
 */
export function fallbackSide(pin, size, bounds = null, boxes = []) {
  const fitting = SIDES.filter((side) => inside(labelBox(pin, side, size), bounds));
  const hits = (side) => boxes.filter((box) => boxesOverlap(labelBox(pin, side, size), box)).length;
  return (fitting.length ? fitting : SIDES).reduce((best, side) => (hits(side) < hits(best) ? side : best));
}

function byPriority(a, b) {
  return (a.priority ?? 0) - (b.priority ?? 0)
    || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0)
    || (String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0);
}

/**
 * Chooses a side for each pin's label, greedily in priority order (lower `priority` first, then by
 * text and id, whatever the input order): the first side whose box fits in `bounds`, meets no
 * label placed before it, no other pin and no obstacle. A `required` label that finds no free side
 * is placed anyway, before the others are.
 *
 * pins: [{ id, x, y, text, radius?, priority?, required? }] in screen pixels.
 * Returns a Map from id to { side, box } holding the labels to show; the others are hidden.
 */
export function layoutLabels(pins, { fontSize = LABEL_FONT_SIZE, bounds = null, obstacles = [] } = {}) {
  const ordered = [...pins].sort((a, b) => Number(Boolean(b.required)) - Number(Boolean(a.required)) || byPriority(a, b));
  const pinBoxes = ordered.map((pin) => ({ id: pin.id, box: pinBox(pin) }));
  const placed = [];
  const result = new Map();

  const free = (pin, box) => inside(box, bounds)
    && !obstacles.some((other) => boxesOverlap(box, other))
    && !pinBoxes.some((other) => other.id !== pin.id && boxesOverlap(box, other.box))
    && !placed.some((other) => boxesOverlap(box, other, GAP));

  ordered.forEach((pin) => {
    const size = labelSize(pin.text, fontSize);
    let side = SIDES.find((candidate) => free(pin, labelBox(pin, candidate, size)));
    if (!side && pin.required) {
      const otherPins = pinBoxes.filter((other) => other.id !== pin.id).map((other) => other.box);
      side = fallbackSide(pin, size, bounds, [...otherPins, ...obstacles, ...placed]);
    }
    if (!side) return;
    const box = labelBox(pin, side, size);
    placed.push(box);
    result.set(pin.id, { side, box });
  });
  return result;
}

function depthOf(id, parents) {
  const seen = new Set();
  let depth = 0;
  for (let at = parents.get(id); at && parents.has(at) && !seen.has(at); at = parents.get(at)) {
    seen.add(at);
    depth += 1;
  }
  return depth;
}

/**
 * How soon each place's name is placed (lower first): the selected place, then the places
 * higher in the hierarchy (fewer ancestors), then the larger kinds.
 */
export function placePriorities(places, selectedId = null) {
  const parents = new Map(places.map((place) => [place.location_id, place.parent_location_id ?? null]));
  const kinds = KIND_ORDER.length + 1;
  return new Map(places.map((place) => {
    if (place.location_id === selectedId) return [place.location_id, 0];
    const kind = KIND_ORDER.indexOf(place.location_type);
    return [place.location_id, 1 + depthOf(place.location_id, parents) * kinds + (kind < 0 ? KIND_ORDER.length : kind)];
  }));
}
