import { useEffect, useState } from 'react';
import { QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { I18nextProvider, useTranslation } from 'react-i18next';
import i18n from '../lib/i18n';
import { createQueryClient } from '../lib/query-client';
import { onSignedOut } from '../lib/session';
import { watchTheme } from '../lib/theme';
import { ToastProvider, useToast } from '../components/ui/toast';
import { ErrorBoundary } from '../components/ui/error-boundary';

/** When the API ends the session (1001/1002/1005), drop cached data and say why. */
function SessionWatcher() {
  const queryClient = useQueryClient();
  const { notify } = useToast();
  const { t } = useTranslation();
  useEffect(
    () => onSignedOut(({ errorCode }) => {
      queryClient.removeQueries({ type: 'inactive' });
      queryClient.resetQueries();
      notify(t(errorCode === '1005' ? 'session.banned' : 'session.expired'), 'info');
    }),
    [queryClient, notify, t],
  );
  return null;
}

/** Keeps `data-theme` in step with the choice, the OS setting and other tabs. */
function ThemeWatcher() {
  useEffect(() => watchTheme(), []);
  return null;
}

export function AppProvider({ children, queryClient: given }) {
  const [queryClient] = useState(() => given ?? createQueryClient());
  return (
    <ErrorBoundary>
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={queryClient}>
          <ToastProvider>
            <SessionWatcher />
            <ThemeWatcher />
            {children}
          </ToastProvider>
        </QueryClientProvider>
      </I18nextProvider>
    </ErrorBoundary>
  );
}
