import { describe, expect, it } from 'vitest';
import { checkEventValues, eventBody, eventValues, formField } from './event-values';
import { defaultCalendar } from '../../lib/calendar';

const withEras = { ...defaultCalendar(), eras: [{ name: 'Age of Sail', start_year: -100 }, { name: 'Age of Steam', start_year: 200 }] };

describe('event values', () => {
  it('leaves blank an era the calendar would give the year anyway, and keeps one written by hand', () => {
    expect(eventValues({ title: 'A', year: 250, era: 'Age of Steam' }, withEras).era).toBe('');
    expect(eventValues({ title: 'A', year: 250, era: 'The Long Night' }, withEras).era).toBe('The Long Night');
    const body = eventBody({ ...eventValues({ title: 'A', year: 250, era: 'Age of Steam' }, withEras), year: '50' });
    expect(body).not.toHaveProperty('era');
    expect(body.year).toBe(50);
  });

  it('maps the API’s field names onto the form', () => {
    expect(formField('relative_to.event_id')).toBe('anchor');
    expect(formField('relative_to.days')).toBe('offDays');
    expect(formField('relative_to')).toBe('anchor');
    expect(formField('entity_ids.2')).toBe('entity_ids');
    expect(formField('day')).toBe('day');
  });

  it('needs a year unless the date is unknown, and whole offsets for relative dates', () => {
    const base = eventValues(null, withEras);
    expect(checkEventValues({ ...base, title: 'A' }, withEras)).toEqual({ year: { key: 'timeline.form.errors.yearRequired' } });
    expect(checkEventValues({ ...base, title: 'A', precision: 'unknown' }, withEras)).toEqual({});
    expect(checkEventValues({ ...base, title: 'A', dateMode: 'relative', anchor: 'ev1', offDays: '1.5' }, withEras)).toEqual({ offDays: { key: 'timeline.form.errors.whole' } });
    expect(eventBody({ ...base, title: 'A', precision: 'unknown' })).toMatchObject({ year: null, month: null, day: null });
  });
});
