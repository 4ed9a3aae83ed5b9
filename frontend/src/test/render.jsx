/** Render helpers: a component with every provider, or the whole app at a URL. */
import { render } from '@testing-library/react';
import { MemoryRouter, RouterProvider } from 'react-router';
import { AppProvider } from '../app/provider';
import { createTestRouter } from '../app/router';
import { createQueryClient } from '../lib/query-client';
import { setToken } from '../lib/auth-storage';

function testQueryClient() {
  return createQueryClient({ queries: { retry: false, staleTime: 0, gcTime: Infinity } });
}

export function renderWithProviders(ui, { route = '/' } = {}) {
  const queryClient = testQueryClient();
  const result = render(
    <AppProvider queryClient={queryClient}>
      <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
    </AppProvider>,
  );
  return { ...result, queryClient };
}

export function renderApp(route = '/') {
  const queryClient = testQueryClient();
  const router = createTestRouter(queryClient, [route]);
  const result = render(
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { ...result, router, queryClient };
}

export function signIn(token = 'token-abc') {
  setToken(token);
}
