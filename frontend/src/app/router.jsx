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
import { entitiesQueryOptions, ENTITIES_PAGE_SIZE } from '../features/entities/api/get-entities';
import { entityQueryOptions } from '../features/entities/api/get-entity';
import { parseEntityFilters } from '../features/entities/hooks/use-entity-filters';
import { locationsQueryOptions, allLocationsQueryOptions, LOCATIONS_PAGE_SIZE } from '../features/locations/api/get-locations';
import { locationQueryOptions } from '../features/locations/api/get-location';
import { timelineLanguage, timelineQueryOptions } from '../features/timeline/api/get-timeline';
import { graphQueryOptions } from '../features/graph/api/get-graph';
import i18n from '../lib/i18n';
import { parseLocationFilters } from '../features/locations/hooks/use-location-filters';

// One chunk per page keeps the first download small.
const HomePage = lazyPage(() => import('./routes/home'));
const SignInPage = lazyPage(() => import('./routes/sign-in'));
const SignUpPage = lazyPage(() => import('./routes/sign-up'));
const WorldsPage = lazyPage(() => import('./routes/worlds'));
const NewWorldPage = lazyPage(() => import('./routes/world-new'));
const WorldPage = lazyPage(() => import('./routes/world'));
const WorldStoriesTab = lazyPage(() => import('./routes/world-stories'));
const WorldCharactersTab = lazyPage(() => import('./routes/world-characters'));
const CharacterPage = lazyPage(() => import('./routes/character'));
const NewCharacterPage = lazyPage(() => import('./routes/character-new'));
const EditCharacterPage = lazyPage(() => import('./routes/character-edit'));
const WorldPlacesTab = lazyPage(() => import('./routes/world-places'));
const PlacePage = lazyPage(() => import('./routes/place'));
const NewPlacePage = lazyPage(() => import('./routes/place-new'));
const EditPlacePage = lazyPage(() => import('./routes/place-edit'));
const WorldMapTab = lazyPage(() => import('./routes/world-map'));
const AdminPage = lazyPage(() => import('./routes/admin'));
const AdminUsersTab = lazyPage(() => import('./routes/admin-users'));
const AdminRolesTab = lazyPage(() => import('./routes/admin-roles'));
const AdminStatsTab = lazyPage(() => import('./routes/admin-stats'));
const AdminPromptsTab = lazyPage(() => import('./routes/admin-prompts'));
const EditWorldPage = lazyPage(() => import('./routes/world-edit'));
const StoryPage = lazyPage(() => import('./routes/story'));
const EditStoryPage = lazyPage(() => import('./routes/story-edit'));
const ProfilePage = lazyPage(() => import('./routes/profile'));
const AiTasksPage = lazyPage(() => import('./routes/ai-tasks'));
const NotFoundPage = lazyPage(() => import('./routes/not-found'));
// The timeline, calendar, graph and search pages.
const WorldTimelineTab = lazyPage(() => import('./routes/world-timeline'));
const WorldGraphTab = lazyPage(() => import('./routes/world-graph'));
const WorldCalendarPage = lazyPage(() => import('./routes/world-calendar'));
const SearchPage = lazyPage(() => import('./routes/search'));

/**
 * A page's route. Its loader fetches the page's chunk and starts (without waiting for) the
 * page's first API call, so code and data travel in parallel instead of one after the other.
 * A change of the search string alone (typing in a search box) runs no loader: the page
 * fetches for itself, and the navigation bar does not flash.
 */
function pageRoute(path, Page, { prefetch, auth = false, children } = {}) {
  const element = auth ? <RequireAuth><Page /></RequireAuth> : <Page />;
  return {
    ...(path === null ? { index: true } : { path }),
    ...(children ? { children } : {}),
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
              prefetch: ({ params }) => prefetch(worldQueryOptions(params.worldId)),
              // The world's tabs, each an address, shown under the world's heading.
              children: [
                pageRoute(null, WorldStoriesTab, { prefetch: ({ params }) => prefetch(worldStoriesQueryOptions(params.worldId)) }),
                pageRoute('stories', WorldStoriesTab, { prefetch: ({ params }) => prefetch(worldStoriesQueryOptions(params.worldId)) }),
                pageRoute('characters', WorldCharactersTab, {
                  prefetch: ({ params, request }) => {
                    const filters = parseEntityFilters(new URL(request.url).searchParams);
                    prefetch(entitiesQueryOptions(params.worldId, { ...filters, pageSize: ENTITIES_PAGE_SIZE }));
                  },
                }),
                pageRoute('characters/new', NewCharacterPage, { auth: true }),
                pageRoute('characters/:entityId', CharacterPage, { prefetch: ({ params }) => prefetch(entityQueryOptions(params.worldId, params.entityId)) }),
                pageRoute('characters/:entityId/edit', EditCharacterPage, { auth: true }),
                pageRoute('places', WorldPlacesTab, {
                  prefetch: ({ params, request }) => {
                    const filters = parseLocationFilters(new URL(request.url).searchParams);
                    prefetch(locationsQueryOptions(params.worldId, { ...filters, pageSize: LOCATIONS_PAGE_SIZE }));
                  },
                }),
                pageRoute('places/new', NewPlacePage, { auth: true }),
                pageRoute('places/:locationId', PlacePage, { prefetch: ({ params }) => prefetch(locationQueryOptions(params.worldId, params.locationId)) }),
                pageRoute('places/:locationId/edit', EditPlacePage, { auth: true }),
                pageRoute('map', WorldMapTab, { prefetch: ({ params }) => prefetch(allLocationsQueryOptions(params.worldId)) }),
                pageRoute('timeline', WorldTimelineTab, { prefetch: ({ params }) => prefetch(timelineQueryOptions(params.worldId, timelineLanguage(i18n.language))) }),
                pageRoute('graph', WorldGraphTab, { prefetch: ({ params }) => prefetch(graphQueryOptions(params.worldId)) }),
              ],
            }),
            pageRoute('worlds/:worldId/edit', EditWorldPage, { auth: true }),
            pageRoute('worlds/:worldId/calendar', WorldCalendarPage, { auth: true }),
            pageRoute('search', SearchPage),
            pageRoute('stories/:storyId', StoryPage, { prefetch: ({ params }) => prefetch(storyQueryOptions(params.storyId)) }),
            pageRoute('stories/:storyId/edit', EditStoryPage, { auth: true }),
            pageRoute('profile', ProfilePage, { auth: true }),
            pageRoute('ai/tasks', AiTasksPage, { auth: true }),
            pageRoute('admin', AdminPage, {
              auth: true,
              children: [
                pageRoute(null, AdminUsersTab),
                pageRoute('users', AdminUsersTab),
                pageRoute('roles', AdminRolesTab),
                pageRoute('stats', AdminStatsTab),
                pageRoute('prompts', AdminPromptsTab),
              ],
            }),
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
