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

// The README's rule ("Word counts"), the same as the API's: letters, digits and marks, joined
// by an apostrophe or a hyphen between them; Vietnamese syllables count one each.
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’-][\p{L}\p{N}\p{M}]+)*/gu;

/** Words in a text, counted by the rule the API uses. */
export function countWords(text) {
  if (!text) return 0;
  const matches = text.normalize('NFC').match(WORD);
  return matches ? matches.length : 0;
}
