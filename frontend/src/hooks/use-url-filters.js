/**
 * A list's filters (search text, a type, the page...) kept in the URL's search string, so they
 * survive a reload and the back button. `defaults` names every filter and its default value;
 * numbers stay numbers, and a filter at its default is left out of the URL.
 */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export function parseUrlFilters(params, defaults, allowed = {}) {
  const out = {};
  Object.entries(defaults).forEach(([key, fallback]) => {
    const raw = params.get(key);
    if (raw === null) {
      out[key] = fallback;
    } else if (typeof fallback === 'number') {
      const value = Number.parseInt(raw, 10);
      out[key] = Number.isFinite(value) && value >= 1 ? value : fallback;
    } else if (allowed[key] && !allowed[key].includes(raw)) {
      out[key] = fallback;
    } else {
      out[key] = raw;
    }
  });
  return out;
}

export function useUrlFilters(defaults, allowed) {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const filters = useMemo(() => parseUrlFilters(params, defaults, allowed), [key]);

  const update = useCallback(
    (changes) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          Object.entries(changes).forEach(([name, value]) => {
            if (value === '' || value === null || value === undefined || value === defaults[name]) next.delete(name);
            else next.set(name, String(value));
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
