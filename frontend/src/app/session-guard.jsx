/**
 * When the API ends the session (1001/1002 for a token sent, or 1005), the user is told why once
 * and brought to sign in with `next` set to where they were, through the router (no reload, so
 * whatever a page keeps locally survives). The cached data of the old session is dropped after.
 */
import { useEffect, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { onSignedOut, takeSignedOutNotice } from '../lib/session';
import { signInPath } from '../lib/safe-next';
import { useToast } from '../components/ui/toast';

export function SessionGuard() {
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { notify } = useToast();
  const { t } = useTranslation();
  const here = useRef('');
  here.current = `${location.pathname}${location.search}`;

  useEffect(() => {
    const handle = () => {
      const notice = takeSignedOutNotice();
      if (!notice) return;
      notify(t(notice.errorCode === '1005' ? 'session.banned' : 'session.expired'), 'info');
      const leaving = here.current.startsWith('/sign-in') ? null : navigate(signInPath(here.current), { replace: true });
      Promise.resolve(leaving).finally(() => {
        // Only now: dropping the cache earlier would refetch the old page anonymously ("not found").
        queryClient.removeQueries({ type: 'inactive' });
        queryClient.resetQueries();
      });
    };
    handle();
    return onSignedOut(handle);
  }, [navigate, notify, queryClient, t]);
  return null;
}
