/** Every provider the app needs: errors, i18n, queries, toasts and the theme. (The session guard lives in the layout: it needs the router.) */
import { useEffect, useState } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import i18n from '../lib/i18n';
import { createQueryClient } from '../lib/query-client';
import { watchTheme } from '../lib/theme';
import { ToastProvider } from '../components/ui/toast';
import { ErrorBoundary } from '../components/ui/error-boundary';

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
            <ThemeWatcher />
            {children}
          </ToastProvider>
        </QueryClientProvider>
      </I18nextProvider>
    </ErrorBoundary>
  );
}
