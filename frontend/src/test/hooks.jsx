/** renderHook with a fresh query client, for the api hooks. */
import { renderHook } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient } from '../lib/query-client';

export function renderApiHook(hook) {
  const queryClient = createQueryClient({ queries: { retry: false, staleTime: Infinity, gcTime: Infinity } });
  const wrapper = ({ children }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
  return { ...renderHook(hook, { wrapper }), queryClient };
}
