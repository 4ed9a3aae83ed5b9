/** The session token in localStorage, with a tiny subscription so React can follow it. */
const TOKEN_KEY = 'storyloom.token';
const listeners = new Set();

function read() {
  try {
    return window.localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

let current = read();

function emit() {
  listeners.forEach((listener) => listener());
}

export function getToken() {
  return current;
}

export function setToken(token) {
  current = token || null;
  try {
    if (current) window.localStorage.setItem(TOKEN_KEY, current);
    else window.localStorage.removeItem(TOKEN_KEY);
  } catch {
    /* storage may be unavailable (private mode); the in-memory token still works */
  }
  emit();
}

export function clearToken() {
  if (current === null) return;
  setToken(null);
}

export function subscribeToken(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// Another tab signing in or out changes this tab's session too.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== TOKEN_KEY) return;
    current = read();
    emit();
  });
}

/** Test helper: reload the token from storage. */
export function __resetTokenForTests() {
  current = read();
  emit();
}
