/**
 * A field's error from the API's data.fields, worded for the user. The API's own sentences are
 * English (from its validators), so a field we know gets our translated message; an unknown
 * one shows the API's sentence in English and a generic message in Vietnamese.
 */
import i18n from './i18n';

export function serverFieldMessage(field, serverMessage, key = field, errorCode = null) {
  if (serverMessage === undefined || serverMessage === null || serverMessage === '') return undefined;
  if (errorCode === '3002') {
    // "already exists": the value is valid but taken (a username or an e-mail).
    return i18n.t(`fieldErrors.taken.${key}`, { defaultValue: i18n.t('errors.codes.3002') });
  }
  const translated = i18n.t(`fieldErrors.${key}`, { defaultValue: '' });
  if (translated) return translated;
  if (i18n.language === 'en' && typeof serverMessage === 'string') return serverMessage;
  return i18n.t('validation.invalid');
}

/** Whether any of the fields the API complained about is one the form shows. */
export function hasShownFieldError(fields, shown) {
  return Object.keys(fields ?? {}).some((name) => shown.includes(name));
}

/** Which field a server message belongs to: "aliases.2" → aliases, "attributes.age" → attributes (the first message wins). */
export function groupServerFields(fields) {
  const out = {};
  Object.entries(fields ?? {}).forEach(([field, message]) => {
    const root = field.split('.')[0];
    if (!(root in out)) out[root] = message;
  });
  return out;
}
