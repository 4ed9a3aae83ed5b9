import { useIsSignedIn } from '../lib/session';
import { useMe } from '../features/auth/api/get-me';

/** Whether to offer "create": signed in, and not a guest (guests only read). */
export function useCanCreate() {
  const signedIn = useIsSignedIn();
  const me = useMe();
  return Boolean(signedIn && me.data && me.data.role !== 'guest');
}
