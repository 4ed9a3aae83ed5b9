/** Pages that need an account send visitors to sign in, then back here. */
import { Navigate, useLocation } from 'react-router';
import { useIsSignedIn } from '../lib/session';
import { signInPath } from '../lib/safe-next';

export function RequireAuth({ children }) {
  const signedIn = useIsSignedIn();
  const location = useLocation();
  if (!signedIn) return <Navigate to={signInPath(`${location.pathname}${location.search}`)} replace />;
  return children;
}
