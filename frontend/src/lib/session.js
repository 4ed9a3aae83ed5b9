/** Shared session hooks: whether someone is signed in, and the signed-out notice. */
import { useSyncExternalStore } from 'react';
import { getToken, subscribeToken } from './auth-storage';

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

export function onSignedOut(handler) {
  const listener = (event) => handler(event.detail);
  window.addEventListener(SIGNED_OUT_EVENT, listener);
  return () => window.removeEventListener(SIGNED_OUT_EVENT, listener);
}
