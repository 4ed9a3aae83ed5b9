/** Small parts of the calendar editor: moving rows, their buttons, and our words for the API's complaints. */

/** The list with one row moved `by` places (-1 up, +1 down). */
export function move(list, index, by) {
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(index + by, 0, item);
  return next;
}

const SERVER_KEYS = [
  [/^calendar\.months\.\d+\.days$/, 'monthDays'],
  [/^calendar\.leap\.rule$/, 'leapRule'],
  [/^calendar\.leap\.month$/, 'leapMonth'],
  [/^calendar\.eras\.\d+\.name$/, 'eraName'],
  [/^calendar\.eras\.\d+\.start_year$/, 'eraStart'],
  [/^travel_per_day$/, 'travel'],
];

/** Our own words for a field the API rejected (its sentences are English). */
export function serverErrorKey(field) {
  return SERVER_KEYS.find(([pattern]) => pattern.test(field))?.[1] ?? 'invalid';
}

/** Up, down and remove for one row (a month or an era). */
export function RowButtons({ index, count, name, onMove, onRemove, t }) {
  return (
    <div className="flex items-end gap-1 pb-1">
      <button type="button" className="btn btn-ghost btn-sm btn-square" disabled={index === 0} onClick={() => onMove(-1)} aria-label={t('calendar.moveUp', { name })}>↑</button>
      <button type="button" className="btn btn-ghost btn-sm btn-square" disabled={index === count - 1} onClick={() => onMove(1)} aria-label={t('calendar.moveDown', { name })}>↓</button>
      <button type="button" className="btn btn-ghost btn-sm btn-square text-error" onClick={onRemove} aria-label={t('calendar.remove', { name })}>✕</button>
    </div>
  );
}
