/** Dates, numbers and word counts shown in the user's language. */
import { localeFor } from './i18n';

export function formatDate(value, lng, options = { dateStyle: 'medium' }) {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(localeFor(lng), options).format(date);
}

export function formatNumber(value, lng) {
  return new Intl.NumberFormat(localeFor(lng)).format(value ?? 0);
}

/** Words in a text: runs of letters/digits in any script (Vietnamese syllables count one each). */
export function countWords(text) {
  if (!text) return 0;
  const matches = text.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’_-]*/gu);
  return matches ? matches.length : 0;
}
