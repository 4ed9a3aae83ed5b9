import { lazy } from 'react';

/**
 * React.lazy for a page, plus `preload()`. The router's loader calls preload() so the chunk
 * arrives before the page renders; once it is in, the lazy component resolves synchronously,
 * so React never shows (and then throttles away) a Suspense fallback for it.
 */
export function lazyPage(load) {
  let loaded = null;
  let pending = null;
  const preload = () => {
    if (!pending) {
      pending = load().then(
        (module) => {
          loaded = module;
          return module;
        },
        (error) => {
          pending = null; // a failed chunk may load on the next try
          throw error;
        },
      );
    }
    return pending;
  };
  const Page = lazy(() => (loaded ? { then: (resolve) => resolve(loaded) } : preload()));
  Page.preload = preload;
  return Page;
}
