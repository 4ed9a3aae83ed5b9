import { createBrowserRouter, createMemoryRouter } from 'react-router';
import { AppLayout } from './layout/app-layout';
import { RouteError } from './layout/route-error';
import { RequireAuth } from './require-auth';
import { lazyPage } from './lazy-page';
import { LoadingState } from '../components/ui/loading-state';
import { getToken } from '../lib/auth-storage';
import { worldsQueryOptions } from '../features/worlds/api/get-worlds';
import { worldQueryOptions } from '../features/worlds/api/get-world';
import { parseWorldFilters, worldsListParams } from '../features/worlds/hooks/use-world-filters';
import { worldStoriesQueryOptions } from '../features/stories/api/get-world-stories';
import { storyQueryOptions } from '../features/stories/api/get-story';

// One chunk per page keeps the first download small.
const HomePage = lazyPage(() => import('./routes/home'));
const SignInPage = lazyPage(() => import('./routes/sign-in'));
const SignUpPage = lazyPage(() => import('./routes/sign-up'));
const WorldsPage = lazyPage(() => import('./routes/worlds'));
const NewWorldPage = lazyPage(() => import('./routes/world-new'));
const WorldPage = lazyPage(() => import('./routes/world'));
const EditWorldPage = lazyPage(() => import('./routes/world-edit'));
const StoryPage = lazyPage(() => import('./routes/story'));
const EditStoryPage = lazyPage(() => import('./routes/story-edit'));
const ProfilePage = lazyPage(() => import('./routes/profile'));
const NotFoundPage = lazyPage(() => import('./routes/not-found'));

/**
 * A page's route. Its loader fetches the page's chunk and starts (without waiting for) the
 * page's first API call, so code and data travel in parallel instead of one after the other.
 * A change of the search string alone (typing in a search box) runs no loader: the page
 * fetches for itself, and the navigation bar does not flash.
 */
function pageRoute(path, Page, { prefetch, auth = false } = {}) {
  const element = auth ? <RequireAuth><Page /></RequireAuth> : <Page />;
  return {
    ...(path === null ? { index: true } : { path }),
    element,
    loader: async (args) => {
      try {
        prefetch?.(args);
      } catch {
        /* a prefetch is only a head start */
      }
      await Page.preload();
      return null;
    },
    shouldRevalidate: ({ currentUrl, nextUrl, defaultShouldRevalidate }) =>
      currentUrl.pathname !== nextUrl.pathname && defaultShouldRevalidate,
  };
}

export function createRoutes(queryClient) {
  const prefetch = (options) => {
    queryClient.prefetchQuery(options);
  };
  return [
    {
      element: <AppLayout />,
      errorElement: <RouteError />,
      hydrateFallbackElement: <LoadingState />,
      children: [
        {
          errorElement: <RouteError />,
          children: [
            pageRoute(null, HomePage),
            pageRoute('sign-in', SignInPage),
            pageRoute('sign-up', SignUpPage),
            pageRoute('worlds', WorldsPage, {
              prefetch: ({ request }) => {
                const filters = parseWorldFilters(new URL(request.url).searchParams);
                prefetch(worldsQueryOptions(worldsListParams(filters, Boolean(getToken()))));
              },
            }),
            pageRoute('worlds/new', NewWorldPage, { auth: true }),
            pageRoute('worlds/:worldId', WorldPage, {
              prefetch: ({ params }) => {
                prefetch(worldQueryOptions(params.worldId));
                prefetch(worldStoriesQueryOptions(params.worldId));
              },
            }),
            pageRoute('worlds/:worldId/edit', EditWorldPage, { auth: true }),
            pageRoute('stories/:storyId', StoryPage, { prefetch: ({ params }) => prefetch(storyQueryOptions(params.storyId)) }),
            pageRoute('stories/:storyId/edit', EditStoryPage, { auth: true }),
            pageRoute('profile', ProfilePage, { auth: true }),
            pageRoute('*', NotFoundPage),
          ],
        },
      ],
    },
  ];
}

export function createAppRouter(queryClient) {
  return createBrowserRouter(createRoutes(queryClient));
}

/** For tests: the same routes in memory. */
export function createTestRouter(queryClient, initialEntries = ['/']) {
  return createMemoryRouter(createRoutes(queryClient), { initialEntries });
}
