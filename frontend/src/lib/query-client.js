/** The TanStack Query client and its defaults. */
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client';

function shouldRetry(failureCount, error) {
  // A 4xx will not get better by asking again; a flaky network or a 5xx might.
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(overrides = {}) {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 15_000, refetchOnWindowFocus: false, ...overrides.queries },
      mutations: { retry: false, ...overrides.mutations },
    },
  });
}
