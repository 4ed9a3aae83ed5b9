import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LABEL_FONT_SIZE, PIN_RADIUS, fallbackSide, labelBox, labelSize, layoutLabels, placePriorities, textPosition } from '../label-layout';

const PAD = 40;
// Names go to the right of their pins when there is room: leave them some on that side.
const LABEL_ROOM = 150;
const MIN_ZOOM = 0.5;
const MAX_ZOOM = 40;
const PAN_STEP = 60;
const ZOOM_STEP = 1.4;
const DRAG_THRESHOLD = 4;
const FOCUS_PIN_RADIUS = 10;
// The zoom buttons float over the top-right corner: no name is written under them.
const CONTROLS_WIDTH = 48;
const CONTROLS_HEIGHT = 120;
const DEFAULT_WIDTH = 800;


/** The box around every point, never flat (a single place gets a box of its own). */
export function dataBounds(points) {
  if (!points.length) return { minX: 0, maxX: 1000, minY: 0, maxY: 1000 };
  let minX = Infinity; let maxX = -Infinity; let minY = Infinity; let maxY = -Infinity;
  points.forEach(({ x, y }) => {
    minX = Math.min(minX, x); maxX = Math.max(maxX, x);
    minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  });
  const spanX = maxX - minX || Math.max(Math.abs(minX) * 0.2, 50);
  const spanY = maxY - minY || Math.max(Math.abs(minY) * 0.2, 50);
  if (maxX === minX) { minX -= spanX / 2; maxX += spanX / 2; }
  if (maxY === minY) { minY -= spanY / 2; maxY += spanY / 2; }
  return { minX, maxX, minY, maxY };
}

function quartiles(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => {
    const position = (sorted.length - 1) * q;
    const low = Math.floor(position);
    return sorted[low] + (sorted[Math.ceil(position)] - sorted[low]) * (position - low);
  };
  return [at(0.25), at(0.75)];
}

function inside(point, box) {
  return point.x >= box.minX && point.x <= box.maxX && point.y >= box.minY && point.y <= box.maxY;
}

/**
 * The box of the places that belong together: points beyond 1.5 interquartile ranges on either
 * axis are left out when that makes the box at most a quarter of the whole, so one far-off place
 * does not squeeze the others into a corner. Otherwise the box around every point.
 */
export function bulkBounds(points) {
  const all = dataBounds(points);
  if (points.length < 4) return all;
  const fences = ['x', 'y'].map((axis) => {
    const [q1, q3] = quartiles(points.map((p) => p[axis]));
    return [q1 - 1.5 * (q3 - q1), q3 + 1.5 * (q3 - q1)];
  });
  const bulk = points.filter((p) => p.x >= fences[0][0] && p.x <= fences[0][1] && p.y >= fences[1][0] && p.y <= fences[1][1]);
  if (bulk.length === points.length || bulk.length * 2 < points.length) return all;
  const box = dataBounds(bulk);
  const area = (b) => (b.maxX - b.minX) * (b.maxY - b.minY);
  if (area(box) > area(all) / 4) return all;
  // A little room around the bulk, so its edge places are not on the map's edge.
  const mx = (box.maxX - box.minX) * 0.05;
  const my = (box.maxY - box.minY) * 0.05;
  return { minX: box.minX - mx, maxX: box.maxX + mx, minY: box.minY - my, maxY: box.maxY + my };
}

function useWidth(ref) {
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  useLayoutEffect(() => {
    const node = ref.current;
    if (!node) return undefined;
    const measure = () => {
      const w = node.clientWidth;
      if (w > 0) setWidth(w);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(node);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/**
 * Places drawn from their coordinates (x to the right, y downwards), fitted to the data.
 * Pan by dragging or with the arrow keys; zoom with the wheel, the +/− buttons or keys;
 * click a pin, or Tab to it and press Enter, to open the place (`onOpen(place)`).
 */
export function PlacesMap({ places, onOpen, focusId = null }) {
  const { t } = useTranslation();
  const helpId = useId();
  const gridId = `grid-${helpId.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const box = useRef(null);
  const svg = useRef(null);
  const width = useWidth(box);
  const height = Math.round(Math.min(540, Math.max(300, width * 0.62)));
  const pinned = useMemo(() => places.filter((p) => p.coordinates && Number.isFinite(p.coordinates.x) && Number.isFinite(p.coordinates.y)), [places]);
  const bounds = useMemo(() => bulkBounds(pinned.map((p) => p.coordinates)), [pinned]);
  const whole = useMemo(() => dataBounds(pinned.map((p) => p.coordinates)), [pinned]);
  const farAway = pinned.filter((p) => !inside(p.coordinates, bounds)).length;
  // The zoom that shows every place, far-off ones included; zooming out may go that far.
  const allZoom = Math.min((bounds.maxX - bounds.minX) / (whole.maxX - whole.minX), (bounds.maxY - bounds.minY) / (whole.maxY - whole.minY));
  const minZoom = Math.min(MIN_ZOOM, allZoom * 0.8);
  const showAll = () => setView({ zoom: allZoom * 0.95, cx: (whole.minX + whole.maxX) / 2, cy: (whole.minY + whole.maxY) / 2 });
  const cx = (bounds.minX + bounds.maxX) / 2;
  const cy = (bounds.minY + bounds.maxY) / 2;
  const padRight = Math.min(LABEL_ROOM, width * 0.3);
  const base = Math.min((width - PAD - padRight) / (bounds.maxX - bounds.minX), (height - 2 * PAD) / (bounds.maxY - bounds.minY));
  // The screen point where the view's centre is drawn.
  const ox = (PAD + width - padRight) / 2;
  const oy = height / 2;

  const home = useCallback(() => {
    const focus = focusId && pinned.find((p) => p.location_id === focusId);
    // Framing the bulk already brings the places close: a focused one needs less zoom.
    const zoom = farAway > 0 ? 1.5 : 3;
    return focus ? { zoom, cx: focus.coordinates.x, cy: focus.coordinates.y } : { zoom: 1, cx, cy };
  }, [focusId, pinned, cx, cy, farAway]);

  // The view is a zoom and the data point at the centre, so it survives a resize.
  const [view, setView] = useState(home);
  const [hover, setHover] = useState(null);
  const [focused, setFocused] = useState(null);
  const drag = useRef(null);
  const suppressClick = useRef(false);

  // New data (a place added elsewhere, another focus): fit again.
  useEffect(() => setView(home()), [home]);

  const scale = base * view.zoom;
  const pins = useMemo(() => pinned.map((place) => ({
    place,
    x: ox + (place.coordinates.x - view.cx) * scale,
    y: oy + (place.coordinates.y - view.cy) * scale,
    radius: place.location_id === focusId ? FOCUS_PIN_RADIUS : PIN_RADIUS,
  })), [pinned, view, scale, ox, oy, focusId]);
  const priorities = useMemo(() => placePriorities(places, focusId), [places, focusId]);
  const labels = useMemo(() => layoutLabels(
    pins.map(({ place, x, y, radius }) => ({
      id: place.location_id, x, y, radius, text: place.name,
      priority: priorities.get(place.location_id), required: place.location_id === focusId,
    })),
    { bounds: { width, height }, obstacles: [{ x: width - CONTROLS_WIDTH, y: 0, width: CONTROLS_WIDTH, height: CONTROLS_HEIGHT }] },
  ), [pins, priorities, focusId, width, height]);
  // A name left out of the layout still shows over the others while its pin is hovered or focused.
  const popups = pins.filter(({ place }) => (place.location_id === hover || place.location_id === focused) && !labels.has(place.location_id));
  const chosen = pins.find(({ place }) => place.location_id === focusId && labels.has(focusId));

  /** Zoom by `factor`, keeping the screen point (sx, sy) where it is. */
  const zoomAt = useCallback((factor, sx = ox, sy = oy) => {
    setView((v) => {
      const zoom = Math.min(MAX_ZOOM, Math.max(minZoom, v.zoom * factor));
      const before = base * v.zoom;
      const after = base * zoom;
      const px = v.cx + (sx - ox) / before;
      const py = v.cy + (sy - oy) / before;
      return { zoom, cx: px - (sx - ox) / after, cy: py - (sy - oy) / after };
    });
  }, [ox, oy, base, minZoom]);

  /** Move what is shown by (dx, dy) screen pixels. */
  const pan = useCallback((dx, dy) => setView((v) => ({ ...v, cx: v.cx - dx / (base * v.zoom), cy: v.cy - dy / (base * v.zoom) })), [base]);

  // The wheel must not scroll the page while it zooms the map: a non-passive listener.
  useEffect(() => {
    const node = svg.current;
    if (!node) return undefined;
    const onWheel = (event) => {
      event.preventDefault();
      const rect = node.getBoundingClientRect();
      zoomAt(Math.exp(-event.deltaY * 0.0015), event.clientX - rect.left, event.clientY - rect.top);
    };
    node.addEventListener('wheel', onWheel, { passive: false });
    return () => node.removeEventListener('wheel', onWheel);
  }, [zoomAt]);

  const onKeyDown = (event) => {
    const keys = {
      ArrowLeft: () => pan(PAN_STEP, 0),
      ArrowRight: () => pan(-PAN_STEP, 0),
      ArrowUp: () => pan(0, PAN_STEP),
      ArrowDown: () => pan(0, -PAN_STEP),
      '+': () => zoomAt(ZOOM_STEP),
      '=': () => zoomAt(ZOOM_STEP),
      '-': () => zoomAt(1 / ZOOM_STEP),
      _: () => zoomAt(1 / ZOOM_STEP),
      0: () => setView({ zoom: 1, cx, cy }),
    };
    const action = keys[event.key];
    if (action && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      action();
    }
  };

  const onPointerDown = (event) => {
    if (event.button !== 0) return;
    drag.current = { id: event.pointerId, x: event.clientX, y: event.clientY, moved: false };
    suppressClick.current = false;
  };
  const onPointerMove = (event) => {
    const current = drag.current;
    if (!current || current.id !== event.pointerId) return;
    const dx = event.clientX - current.x;
    const dy = event.clientY - current.y;
    if (!current.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
    if (!current.moved) {
      current.moved = true;
      svg.current?.setPointerCapture?.(event.pointerId);
    }
    current.x = event.clientX;
    current.y = event.clientY;
    pan(dx, dy);
  };
  const onPointerUp = (event) => {
    const current = drag.current;
    if (!current || current.id !== event.pointerId) return;
    suppressClick.current = current.moved;
    drag.current = null;
    if (svg.current?.hasPointerCapture?.(event.pointerId)) svg.current.releasePointerCapture(event.pointerId);
  };

  const open = (place) => {
    if (suppressClick.current) {
      suppressClick.current = false;
      return;
    }
    onOpen(place);
  };

  return (
    <div className="flex flex-col gap-2">
      <div ref={box} className="relative w-full overflow-hidden rounded-box border border-base-300 bg-(--map-land)">
        <svg
          ref={svg}
          role="group"
          aria-label={t('map.label', { count: pinned.length })}
          aria-describedby={helpId}
          tabIndex={0}
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          className="block cursor-grab touch-none select-none active:cursor-grabbing focus-visible:outline-offset-[-3px]"
          data-testid="places-map"
          data-zoom={view.zoom.toFixed(3)}
          data-center={`${view.cx.toFixed(1)},${view.cy.toFixed(1)}`}
          onKeyDown={onKeyDown}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
        >
          <defs>
            <pattern id={gridId} width="40" height="40" patternUnits="userSpaceOnUse">
              <path d="M 40 0 L 0 0 0 40" fill="none" stroke="currentColor" strokeOpacity="0.07" />
            </pattern>
          </defs>
          <rect width={width} height={height} fill={`url(#${gridId})`} />
          {pins.map((pin) => {
            const { place, x, y } = pin;
            const isFocus = place.location_id === focusId;
            const label = labels.get(place.location_id);
            return (
              <g
                key={place.location_id}
                transform={`translate(${x.toFixed(1)} ${y.toFixed(1)})`}
                role="link"
                tabIndex={0}
                aria-label={t('map.pin', { name: place.name, type: t(`locationTypes.${place.location_type}`, { defaultValue: place.location_type }) })}
                data-testid="map-pin"
                data-id={place.location_id}
                className="cursor-pointer outline-none [&:focus-visible>.pin-ring]:opacity-100"
                onClick={() => open(place)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' || event.key === ' ') {
                    event.preventDefault();
                    event.stopPropagation();
                    onOpen(place);
                  }
                }}
                onMouseEnter={() => setHover(place.location_id)}
                onMouseLeave={() => setHover((h) => (h === place.location_id ? null : h))}
                onFocus={() => setFocused(place.location_id)}
                onBlur={() => setFocused((f) => (f === place.location_id ? null : f))}
              >
                <title>{place.name}</title>
                <circle className="pin-ring opacity-0" r="13" fill="none" stroke="var(--color-primary)" strokeWidth="3" />
                <circle r={pin.radius - 1} fill={isFocus ? 'var(--color-secondary)' : 'var(--color-primary)'} stroke="var(--color-base-100)" strokeWidth="2" />
                {label && !isFocus && <PinLabel pin={pin} side={label.side} box={label.box} testId="map-label" />}
              </g>
            );
          })}
          {/* The chosen place's name is written even over pins: above all of them. */}
          {chosen && <FloatingLabel pin={chosen} {...labels.get(focusId)} testId="map-label" />}
          {popups.map((pin) => {
            const size = labelSize(pin.place.name);
            const side = fallbackSide(pin, size, { width, height }, [...labels.values()].map((label) => label.box));
            return <FloatingLabel key={pin.place.location_id} pin={pin} side={side} box={labelBox(pin, side, size)} card testId="map-label-popup" />;
          })}
        </svg>
        <div className="absolute right-2 top-2 flex flex-col gap-1" role="group" aria-label={t('map.controls')}>
          <button type="button" className="btn btn-sm btn-square bg-base-100" onClick={() => zoomAt(ZOOM_STEP)} aria-label={t('map.zoomIn')} disabled={view.zoom >= MAX_ZOOM}>+</button>
          <button type="button" className="btn btn-sm btn-square bg-base-100" onClick={() => zoomAt(1 / ZOOM_STEP)} aria-label={t('map.zoomOut')} disabled={view.zoom <= minZoom}>−</button>
          <button type="button" className="btn btn-sm btn-square bg-base-100" onClick={() => setView({ zoom: 1, cx, cy })} aria-label={t('map.fit')}>
            <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2"><path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5" /></svg>
          </button>
        </div>
      </div>
      {farAway > 0 && (
        <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="map-far-away">
          <span>{t('map.farAway', { count: farAway })}</span>
          <button type="button" className="btn btn-xs btn-outline" onClick={showAll}>{t('map.showAll')}</button>
        </p>
      )}
      <p id={helpId} className="text-xs text-base-content/70">{t('map.help')}</p>
    </div>
  );
}

function PinLabel({ pin, side, box, testId }) {
  const at = textPosition(pin, side, box);
  return (
    <text
      x={at.x.toFixed(1)}
      y={at.y.toFixed(1)}
      textAnchor={at.anchor}
      fontSize={LABEL_FONT_SIZE}
      className="fill-base-content font-medium"
      stroke="var(--color-base-100)"
      strokeWidth="3"
      paintOrder="stroke"
      aria-hidden="true"
      data-testid={testId}
    >
      {pin.place.name}
    </text>
  );
}

/** A name drawn above every pin; `card` puts it on a card, for a name that may cover others. */
function FloatingLabel({ pin, side, box, card = false, testId }) {
  return (
    <g transform={`translate(${pin.x.toFixed(1)} ${pin.y.toFixed(1)})`} className="pointer-events-none">
      {card && (
        <rect
          x={(box.x - pin.x - 3).toFixed(1)}
          y={(box.y - pin.y - 1).toFixed(1)}
          width={(box.width + 6).toFixed(1)}
          height={(box.height + 2).toFixed(1)}
          rx="4"
          fill="var(--color-base-100)"
          stroke="currentColor"
          strokeOpacity="0.2"
        />
      )}
      <PinLabel pin={pin} side={side} box={box} testId={testId} />
    </g>
  );
}
