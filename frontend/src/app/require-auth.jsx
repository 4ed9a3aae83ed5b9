import { Navigate, useLocation } from 'react-router';
import { useIsSignedIn } from '../lib/session';

/** Pages that need an account send visitors to sign in, then back here. */
export function RequireAuth({ children }) {
  const signedIn = useIsSignedIn();
  const location = useLocation();
  if (!signedIn) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return children;
}

/** A safe place to go after signing in: only paths inside this app. */
export function safeNext(value) {
  if (!value || !value.startsWith('/') || value.startsWith('//')) return '/';
  return value;
}
