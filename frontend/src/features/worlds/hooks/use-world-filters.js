/** The worlds list's search, scope and page, kept in the URL so they survive reload and back. */
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { WORLD_SCOPES, WORLDS_PAGE_SIZE } from '../api/get-worlds';

/** Reads q, scope and page from URL search params, with safe defaults. */
export function parseWorldFilters(params) {
  const scopeParam = params.get('scope');
  return {
    q: params.get('q') ?? '',
    scope: WORLD_SCOPES.includes(scopeParam) ? scopeParam : 'all',
    page: Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1),
  };
}

/** The list query for these filters: anonymous visitors only ever see public worlds. */
export function worldsListParams(filters, signedIn) {
  return { page: filters.page, pageSize: WORLDS_PAGE_SIZE, q: filters.q, scope: signedIn ? filters.scope : 'public' };
}

export function useWorldFilters() {
  const [params, setParams] = useSearchParams();
  const filters = parseWorldFilters(params);

  const update = useCallback(
    (changes) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          Object.entries(changes).forEach(([key, value]) => {
            const isDefault = value === '' || value === null || (key === 'scope' && value === 'all') || (key === 'page' && value === 1);
            if (isDefault) next.delete(key);
            else next.set(key, String(value));
          });
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  return [filters, update];
}
