/**
 * The calendar editor's working copy: rows with stable keys (so months can move without losing
 * the leap month), the checks made before saving (keyed by the API's field names, e.g.
 * `calendar.months.2.days`), and the calendar sent back.
 */
import { parseLeapRule } from '../../lib/calendar';

let nextKey = 1;
const key = () => `row-${nextKey++}`;
const WHOLE = /^-?\d+$/;

/** The editor's draft of a calendar. */
export function toDraft(calendar) {
  const months = calendar.months.map((m) => ({ key: key(), name: m.name ?? '', days: String(m.days ?? '') }));
  const leapIndex = calendar.leap ? calendar.leap.month - 1 : -1;
  return {
    year_name: calendar.year_name ?? '',
    year_zero: Boolean(calendar.year_zero),
    months,
    leapOn: Boolean(calendar.leap),
    leapMonthKey: months[leapIndex]?.key ?? months[0]?.key ?? '',
    leapRule: calendar.leap?.rule ?? '4,!100,400',
    weekdays: [...(calendar.weekdays ?? [])],
    eras: (calendar.eras ?? []).map((e) => ({ key: key(), name: e.name ?? '', start_year: String(e.start_year ?? '') })),
  };
}

/** A new empty month or era row. */
export const newMonth = () => ({ key: key(), name: '', days: '30' });
export const newEra = () => ({ key: key(), name: '', start_year: '' });

/** The calendar as the API takes it (assumes `checkDraft` found nothing). */
export function fromDraft(draft) {
  const leapIndex = draft.months.findIndex((m) => m.key === draft.leapMonthKey);
  return {
    year_name: draft.year_name.trim(),
    year_zero: draft.year_zero,
    months: draft.months.map((m) => ({ name: m.name.trim(), days: Number(m.days) })),
    leap: draft.leapOn && leapIndex >= 0 ? { month: leapIndex + 1, rule: draft.leapRule.replace(/\s+/g, '') } : null,
    weekdays: draft.weekdays,
    eras: draft.eras.map((e) => ({ name: e.name.trim(), start_year: Number(e.start_year) })),
  };
}

/** Problems in the draft: { 'calendar.<field>': i18n key under calendar.errors }. */
export function checkDraft(draft) {
  const errors = {};
  if (!draft.months.length) errors['calendar.months'] = 'noMonths';
  draft.months.forEach((m, i) => {
    const days = m.days.trim();
    if (!WHOLE.test(days) || Number(days) < 1 || Number(days) > 1000) errors[`calendar.months.${i}.days`] = 'monthDays';
  });
  if (draft.leapOn) {
    if (!draft.months.some((m) => m.key === draft.leapMonthKey)) errors['calendar.leap.month'] = 'leapMonth';
    if (!parseLeapRule(draft.leapRule)) errors['calendar.leap.rule'] = 'leapRule';
  }
  draft.eras.forEach((e, i) => {
    if (!e.name.trim()) errors[`calendar.eras.${i}.name`] = 'eraName';
    if (!WHOLE.test(e.start_year.trim())) errors[`calendar.eras.${i}.start_year`] = 'eraStart';
  });
  const starts = draft.eras.map((e) => e.start_year.trim()).filter((s) => WHOLE.test(s));
  if (new Set(starts).size !== starts.length) errors['calendar.eras'] = 'eraSameStart';
  return errors;
}
