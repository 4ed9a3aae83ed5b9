/** Shared session hooks: whether someone is signed in, and ending a session the server refused once. */
import { useSyncExternalStore } from 'react';
import { clearToken, getToken, subscribeToken } from './auth-storage';

export function useToken() {
  return useSyncExternalStore(subscribeToken, getToken, getToken);
}

export function useIsSignedIn() {
  return Boolean(useToken());
}

const SIGNED_OUT_EVENT = 'storyloom:signed-out';

/** Announce that the server ended the session (expired token, ban...). */
export function announceSignedOut(errorCode) {
  window.dispatchEvent(new CustomEvent(SIGNED_OUT_EVENT, { detail: { errorCode } }));
}

/**
 * The server refused `token` (1001/1002/1005): forget it and announce it, but only if it is still
 * the current token. Requests sent together fail together; the first one signs out, the others
 * (and answers arriving after the user signed in again) find another token or none and do nothing.
 */
export function endSession(token, errorCode) {
  if (!token || getToken() !== token) return false;
  clearToken();
  pendingNotice = { errorCode };
  announceSignedOut(errorCode);
  return true;
}

// The session may end before anything listens (a page's data is fetched while its code loads):
// the notice waits here until the app takes it, exactly once.
let pendingNotice = null;

/** The unhandled "your session ended" notice, if any; taking it clears it. None once signed in again. */
export function takeSignedOutNotice() {
  const notice = pendingNotice;
  pendingNotice = null;
  return notice && !getToken() ? notice : null;
}

/** Test helper: forget any notice left by an earlier test. */
export function __resetSessionForTests() {
  pendingNotice = null;
}

export function onSignedOut(handler) {
  const listener = (event) => handler(event.detail);
  window.addEventListener(SIGNED_OUT_EVENT, listener);
  return () => window.removeEventListener(SIGNED_OUT_EVENT, listener);
}
