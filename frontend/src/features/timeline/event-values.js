/**
 * An event in the form and back: the form's values from an event, the request body from the
 * values, the checks the calendar allows before sending, and the API's field names mapped onto
 * the form's fields.
 */
import { checkDate, eraOf } from '../../lib/calendar';

const text = (value) => (value === null || value === undefined ? '' : String(value));

/**
 * The form's values for an event (or a new one). An era the calendar gives the year by itself is
 * left blank, so that moving the event to another year moves it to that year's era too.
 */
export function eventValues(event, calendar) {
  const relative = event?.relative_to ?? null;
  const ownEra = event?.era && !(calendar && Number.isInteger(event.year) && eraOf(calendar, event.year) === event.era) ? event.era : '';
  return {
    title: event?.title ?? '',
    kind: event?.kind ?? 'other',
    description: event?.description ?? '',
    dateMode: relative ? 'relative' : 'absolute',
    year: text(event?.year),
    month: text(event?.month),
    day: text(event?.day),
    era: ownEra,
    // New events leave the precision to the API (exact for a full date, approximate otherwise).
    precision: event?.precision ?? '',
    anchor: relative?.event_id ?? '',
    offYears: text(relative?.years),
    offMonths: text(relative?.months),
    offDays: text(relative?.days),
    entity_ids: event?.entity_ids ?? [],
    location_ids: event?.location_ids ?? [],
    story_id: event?.story_id ?? '',
    story_position: text(event?.story_position),
  };
}

const number = (value) => (String(value).trim() === '' ? null : Number(String(value).trim()));

/** The body of POST /events or PUT /events/<id> for these values. */
export function eventBody(values) {
  const body = {
    title: values.title.trim(),
    kind: values.kind,
    description: values.description,
    entity_ids: values.entity_ids,
    location_ids: values.location_ids,
    story_id: values.story_id || null,
    story_position: values.story_id ? number(values.story_position) : null,
  };
  if (values.precision) body.precision = values.precision;
  if (values.dateMode === 'relative') {
    const offset = { event_id: values.anchor };
    [['years', values.offYears], ['months', values.offMonths], ['days', values.offDays]].forEach(([key, value]) => {
      if (number(value) !== null) offset[key] = number(value);
    });
    body.relative_to = offset;
  } else {
    body.relative_to = null;
    body.year = number(values.year);
    body.month = number(values.month);
    body.day = number(values.day);
    if (values.era.trim()) body.era = values.era.trim();
  }
  return body;
}

const WHOLE = /^-?\d+$/;

/** What the form can tell before sending: { field: { key, values? } } with keys under timeline/calendar. */
export function checkEventValues(values, calendar) {
  const errors = {};
  if (!values.title.trim()) errors.title = { key: 'timeline.form.errors.titleRequired' };
  const position = String(values.story_position ?? '').trim();
  if (values.story_id && position && (!/^\d+$/.test(position))) errors.story_position = { key: 'timeline.form.errors.position' };
  if (values.dateMode === 'relative') {
    if (!values.anchor) errors.anchor = { key: 'timeline.form.errors.anchorRequired' };
    [['offYears', values.offYears], ['offMonths', values.offMonths], ['offDays', values.offDays]].forEach(([field, value]) => {
      if (String(value).trim() && !WHOLE.test(String(value).trim())) errors[field] = { key: 'timeline.form.errors.whole' };
    });
    return errors;
  }
  const yearText = String(values.year).trim();
  if (!yearText) {
    if (values.precision !== 'unknown') errors.year = { key: 'timeline.form.errors.yearRequired' };
    return errors;
  }
  if (!WHOLE.test(yearText)) {
    errors.year = { key: 'calendar.dateErrors.yearNumber' };
    return errors;
  }
  if (String(values.day).trim() && !WHOLE.test(String(values.day).trim())) {
    errors.day = { key: 'timeline.form.errors.whole' };
    return errors;
  }
  const found = checkDate(calendar, { year: number(values.year), month: number(values.month), day: number(values.day) });
  Object.entries(found).forEach(([field, problem]) => {
    errors[field] = { key: `calendar.dateErrors.${problem.key}`, values: problem.values };
  });
  return errors;
}

const SERVER_FIELDS = {
  'relative_to.event_id': 'anchor',
  'relative_to.years': 'offYears',
  'relative_to.months': 'offMonths',
  'relative_to.days': 'offDays',
  relative_to: 'anchor',
};

/** The form field an API field name belongs to ("entity_ids.2" → entity_ids). */
export function formField(apiField) {
  if (SERVER_FIELDS[apiField]) return SERVER_FIELDS[apiField];
  if (apiField.startsWith('relative_to.')) return 'anchor';
  return apiField.split('.')[0];
}
