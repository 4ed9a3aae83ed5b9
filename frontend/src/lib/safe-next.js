/**
 * Where to go after signing in: the `next` of the sign-in address, kept only when it is a path
 * of this app. Anything else (another host as `//host` or `/\host`, a scheme, a malformed escape,
 * control characters) is ignored and the dashboard (`/`) is used.
 */
const ORIGIN = 'http://storyloom.invalid';
const MAX_DECODES = 5;

/** Decode percent-escapes until nothing changes (so `%255C` cannot hide a backslash); null if malformed. */
function fullyDecoded(value) {
  let current = value;
  for (let i = 0; i < MAX_DECODES; i += 1) {
    let next;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return null;
}

/** True when `value` names a page of this app: `/…`, not `//…`, no backslash, no control character. */
export function isAppPath(value) {
  if (typeof value !== 'string' || !value.startsWith('/') || value.length > 2000) return false;
  const decoded = fullyDecoded(value);
  if (decoded === null || !decoded.startsWith('/')) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(decoded) || decoded.startsWith('//')) return false;
  try {
    return new URL(decoded, ORIGIN).origin === ORIGIN && new URL(value, ORIGIN).origin === ORIGIN;
  } catch {
    return false;
  }
}

/** `value` if it is a path of this app, else `/`. */
export function safeNext(value) {
  return isAppPath(value) ? value : '/';
}

/** The sign-in address that brings the user back to `path` (pathname + search) afterwards. */
export function signInPath(path) {
  if (!isAppPath(path) || path.startsWith('/sign-in') || path.startsWith('/sign-up')) return '/sign-in';
  return `/sign-in?next=${encodeURIComponent(path)}`;
}
