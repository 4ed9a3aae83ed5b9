/**
 * A world's calendar on the client, for immediate feedback only (the API is the authority):
 * leap years, month lengths, whether a date exists, the era of a year and a date label written
 * like the API writes it ("ngày 6 tháng 5 năm 1300", "6 May 1300", "500 BC").
 */

const GREGORIAN_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const ENGLISH_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WORDS = {
  vi: { around: 'khoảng', unknown: 'không rõ thời gian', bc: 'trước Công nguyên' },
  en: { around: 'around', unknown: 'date unknown', bc: 'BC' },
};
export const MAX_LEAP_CYCLE = 10000;

/** The calendar a world has when it names none: Gregorian-like, months named by the language. */
export function defaultCalendar() {
  return {
    year_name: '',
    year_zero: false,
    months: GREGORIAN_DAYS.map((days) => ({ name: '', days })),
    leap: { month: 2, rule: '4,!100,400' },
    weekdays: [],
    eras: [],
  };
}

/** The world's calendar, or the default one. */
export function calendarOf(world) {
  const calendar = world?.calendar;
  return calendar && Array.isArray(calendar.months) && calendar.months.length ? calendar : defaultCalendar();
}

/**
 * Terms of a rule like "4,!100,400": [{ every, leap }]; the last term that divides the year wins.
 * Returns null when the rule cannot be read.
 */
export function parseLeapRule(rule) {
  const parts = String(rule ?? '').replace(/\s+/g, '').split(',').filter(Boolean);
  if (!parts.length || parts.length > 8) return null;
  const terms = [];
  for (const part of parts) {
    const negative = part.startsWith('!');
    const digits = negative ? part.slice(1) : part;
    if (!/^\d+$/.test(digits)) return null;
    const every = Number(digits);
    if (every < 1 || every > MAX_LEAP_CYCLE) return null;
    terms.push({ every, leap: !negative });
  }
  return terms;
}

function yearIndex(calendar, year) {
  return calendar.year_zero || year > 0 ? year : year + 1;
}

/** Whether the year has the leap day (rules count years with no gap: without year 0, -1 is index 0). */
export function isLeapYear(calendar, year) {
  if (!calendar.leap) return false;
  const terms = parseLeapRule(calendar.leap.rule) ?? [];
  const index = yearIndex(calendar, year);
  let leap = false;
  terms.forEach(({ every, leap: isLeap }) => {
    if (((index % every) + every) % every === 0) leap = isLeap;
  });
  return leap;
}

/** How many days a month (1-based) has in a year. */
export function daysInMonth(calendar, year, month) {
  const base = calendar.months[month - 1]?.days ?? 0;
  const extra = calendar.leap && calendar.leap.month === month && isLeapYear(calendar, year) ? 1 : 0;
  return base + extra;
}

const isWhole = (value) => Number.isInteger(value);

/**
 * What is wrong with a date in this calendar: { year|month|day: { key, values } } (i18n keys under
 * `calendar.dateErrors`), empty when it exists. month and day may be null.
 */
export function checkDate(calendar, { year, month = null, day = null }) {
  if (!isWhole(year)) return { year: { key: 'yearNumber' } };
  if (year === 0 && !calendar.year_zero) return { year: { key: 'noYearZero' } };
  if (day !== null && month === null) return { month: { key: 'dayNeedsMonth' } };
  const count = calendar.months.length;
  if (month !== null && (!isWhole(month) || month < 1 || month > count)) return { month: { key: 'monthRange', values: { count } } };
  if (day !== null) {
    const days = daysInMonth(calendar, year, month);
    if (!isWhole(day) || day < 1 || day > days) {
      const notLeap = calendar.leap?.month === month && !isLeapYear(calendar, year);
      return { day: { key: notLeap ? 'dayRangeNotLeap' : 'dayRange', values: { days, month, year } } };
    }
  }
  return {};
}

/** The era containing the year ('' before the first era or without eras). */
export function eraOf(calendar, year) {
  const eras = [...(calendar.eras ?? [])].filter((era) => isWhole(era.start_year)).sort((a, b) => a.start_year - b.start_year);
  let name = '';
  eras.forEach((era) => {
    if (era.start_year <= year) name = era.name;
  });
  return name;
}

function monthName(calendar, month, language) {
  const name = calendar.months[month - 1]?.name;
  if (name) return name;
  if (language === 'en') return calendar.months.length === 12 ? ENGLISH_MONTHS[month - 1] : `month ${month}`;
  return `tháng ${month}`;
}

/** The year as written ("500 BC" without eras or year 0, then the year's name if any). */
export function yearText(calendar, year, language = 'vi') {
  const words = WORDS[language] ?? WORDS.vi;
  let text = year < 0 && !calendar.year_zero && !(calendar.eras ?? []).length ? `${-year} ${words.bc}` : String(year);
  if (calendar.year_name) text = `${text} ${calendar.year_name}`;
  return text;
}

/** A date written in the calendar and language, with its era and precision, like the API's date_label. */
export function dateLabel(calendar, { year, month = null, day = null, era = '', precision = 'exact' }, language = 'vi') {
  const lang = WORDS[language] ? language : 'vi';
  const words = WORDS[lang];
  if (year === null || year === undefined || Number.isNaN(year)) return words.unknown;
  const yearPart = yearText(calendar, year, lang);
  let text;
  if (lang === 'vi') {
    const parts = [];
    if (day !== null && month !== null) parts.push(`ngày ${day}`);
    if (month !== null) parts.push(monthName(calendar, month, lang));
    parts.push(`năm ${yearPart}`);
    text = parts.join(' ');
  } else if (month === null) text = yearPart;
  else if (day === null) text = `${monthName(calendar, month, lang)} ${yearPart}`;
  else text = `${day} ${monthName(calendar, month, lang)} ${yearPart}`;
  const eraName = era || eraOf(calendar, year);
  if (eraName) text = `${text}, ${eraName}`;
  if (precision === 'approximate') text = `${words.around} ${text}`;
  return text;
}
