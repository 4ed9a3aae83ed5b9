/** Client-side checks that mirror the API's rules; each returns an i18n key or null. */
export const USERNAME_PATTERN = /^[A-Za-z0-9_.-]{3,32}$/;
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const MIN_PASSWORD = 8;

export function checkUsername(value) {
  if (!value.trim()) return 'validation.required';
  if (value.length < 3 || value.length > 32) return 'validation.usernameLength';
  if (!USERNAME_PATTERN.test(value)) return 'validation.usernameChars';
  return null;
}

export function checkEmail(value) {
  if (!value.trim()) return 'validation.required';
  if (!EMAIL_PATTERN.test(value.trim())) return 'validation.email';
  return null;
}

export function checkPassword(value) {
  if (!value) return 'validation.required';
  if (value.length < MIN_PASSWORD) return 'validation.passwordLength';
  return null;
}

export function checkRequired(value) {
  return value && String(value).trim() ? null : 'validation.required';
}

/** Keeps only the checks that failed: {field: key}. */
export function collectErrors(checks) {
  return Object.fromEntries(Object.entries(checks).filter(([, key]) => key));
}
