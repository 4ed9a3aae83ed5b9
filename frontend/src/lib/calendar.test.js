import { describe, expect, it } from 'vitest';
import { checkDate, dateLabel, daysInMonth, defaultCalendar, eraOf, isLeapYear, parseLeapRule } from './calendar';

const gregorian = defaultCalendar();
// A custom calendar: a year 0, three named months, a leap day in Ember every 5th year but not every 25th, two eras.
const custom = {
  year_name: 'AR',
  year_zero: true,
  months: [{ name: 'Thaw', days: 30 }, { name: 'Bloom', days: 31 }, { name: 'Ember', days: 29 }],
  leap: { month: 3, rule: '5,!25' },
  weekdays: [],
  eras: [{ name: 'Age of Sail', start_year: -100 }, { name: 'Age of Steam', start_year: 200 }],
};

// Expected labels and leap years come from the API's own calendar module (api/core/calendar.py, date_labels.py).
describe('calendar on the client', () => {
  it('finds leap years like the API, with no year 0 counted in the default calendar', () => {
    expect([1900, 2000, 2024, -1, -5, 1].map((y) => isLeapYear(gregorian, y))).toEqual([false, true, true, true, true, false]);
    expect([0, 5, 25, 50, -5, -25].map((y) => isLeapYear(custom, y))).toEqual([false, true, false, false, true, false]);
    expect(daysInMonth(gregorian, 2024, 2)).toBe(29);
    expect(daysInMonth(custom, 5, 3)).toBe(30);
  });

  it('names what is wrong with a date outside the calendar', () => {
    expect(checkDate(gregorian, { year: 0 })).toEqual({ year: { key: 'noYearZero' } });
    expect(checkDate(custom, { year: 0 })).toEqual({});
    expect(checkDate(gregorian, { year: 1300, month: 13 })).toEqual({ month: { key: 'monthRange', values: { count: 12 } } });
    expect(checkDate(gregorian, { year: 1300, month: 4, day: 31 })).toEqual({ day: { key: 'dayRange', values: { days: 30, month: 4, year: 1300 } } });
    expect(checkDate(gregorian, { year: 1300, month: 2, day: 29 }).day.key).toBe('dayRangeNotLeap');
    expect(checkDate(custom, { year: 0, month: 3, day: 30 }).day.key).toBe('dayRangeNotLeap');
    expect(checkDate(custom, { year: 5, month: 3, day: 30 })).toEqual({});
    expect(checkDate(gregorian, { year: 12, day: 3 })).toEqual({ month: { key: 'dayNeedsMonth' } });
  });

  it('writes date labels as the API does, in Vietnamese and English', () => {
    const cases = [
      [gregorian, { year: 1300, month: 5, day: 6 }, 'ngày 6 tháng 5 năm 1300', '6 May 1300'],
      [gregorian, { year: -500 }, 'năm 500 trước Công nguyên', '500 BC'],
      [gregorian, { year: 1300, precision: 'approximate' }, 'khoảng năm 1300', 'around 1300'],
      [custom, { year: 250, month: 2, day: 3 }, 'ngày 3 Bloom năm 250 AR, Age of Steam', '3 Bloom 250 AR, Age of Steam'],
      [custom, { year: -50, precision: 'approximate' }, 'khoảng năm -50 AR, Age of Sail', 'around -50 AR, Age of Sail'],
    ];
    cases.forEach(([calendar, date, vi, en]) => {
      expect(dateLabel(calendar, date, 'vi')).toBe(vi);
      expect(dateLabel(calendar, date, 'en')).toBe(en);
    });
    expect(eraOf(custom, -101)).toBe('');
  });

  it('reads leap rules and refuses what is not one', () => {
    expect(parseLeapRule('4, !100, 400')).toEqual([{ every: 4, leap: true }, { every: 100, leap: false }, { every: 400, leap: true }]);
    ['', '4,x', '!', '0', '4,,!', '20000'].forEach((rule) => expect(parseLeapRule(rule)).toBeNull());
  });
});
