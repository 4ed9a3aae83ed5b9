import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { useWorld } from '../../features/worlds/api/get-world';
import { WorldOverview } from '../../features/worlds/components/world-overview';
import { DeleteWorldButton } from '../../features/worlds/components/delete-world-button';
import { ExportMenu } from '../../features/worlds/components/export-menu';
import { LoadingState } from '../../components/ui/loading-state';
import { ErrorState } from '../../components/ui/error-state';
import { NotFoundState } from '../../components/ui/not-found-state';
import { RouteTabs, TabPanel } from '../../components/ui/route-tabs';
import { useToast } from '../../components/ui/toast';
import { useDocumentTitle } from '../../hooks/use-document-title';

/** The tabs of a world, each an address: stories (the overview), characters, places and the map. */
export function worldTabs(worldId, t) {
  const base = `/worlds/${worldId}`;
  const under = (path) => (pathname) => pathname === path || pathname.startsWith(`${path}/`);
  return [
    { id: 'stories', to: base, label: t('worldTabs.stories'), match: (p) => p === base || p === `${base}/` || under(`${base}/stories`)(p) },
    { id: 'characters', to: `${base}/characters`, label: t('worldTabs.characters'), match: under(`${base}/characters`) },
    { id: 'places', to: `${base}/places`, label: t('worldTabs.places'), match: under(`${base}/places`) },
    { id: 'map', to: `${base}/map`, label: t('worldTabs.map'), match: under(`${base}/map`) },
    { id: 'timeline', to: `${base}/timeline`, label: t('timeline.tab'), match: under(`${base}/timeline`) },
    { id: 'graph', to: `${base}/graph`, label: t('graph.tab'), match: under(`${base}/graph`) },
  ];
}

/** A world: its heading, then the tab the address names (nested routes render in the panel). */
export default function WorldPage() {
  const { t } = useTranslation();
  const { worldId } = useParams();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const { notify } = useToast();
  const query = useWorld(worldId);
  const world = query.data;
  // Once the world is here, each tab names the page itself.
  useDocumentTitle(world ? undefined : query.isError ? t('titles.notFound') : t('titles.world'));

  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    return query.error.isNotFound
      ? <NotFoundState title={t('worlds.notFound.title')} body={t('worlds.notFound.body')} backTo="/worlds" backLabel={t('worlds.backToList')} />
      : <ErrorState error={query.error} onRetry={query.refetch} />;
  }

  const permissions = world.permissions ?? {};
  const tabs = worldTabs(world.world_id, t);
  const onOverview = tabs[0].match(pathname);
  return (
    <div className="flex flex-col gap-6">
      <WorldOverview
        world={world}
        compact={!onOverview}
        actions={(
          <>
            <ExportMenu world={world} />
            {/* On the other tabs, "Edit" and "Delete" would read as the character's or the place's. */}
            {onOverview && permissions.edit && <Link to={`/worlds/${world.world_id}/edit`} className="btn btn-sm">{t('worlds.edit')}</Link>}
            {onOverview && permissions.delete && (
              <DeleteWorldButton
                world={world}
                onDeleted={() => {
                  notify(t('worlds.deleted'));
                  navigate('/worlds', { replace: true });
                }}
              />
            )}
          </>
        )}
      />
      <RouteTabs label={t('worldTabs.label')} tabs={tabs} idPrefix="world" />
      <TabPanel idPrefix="world" tabs={tabs}>
        <Suspense fallback={<LoadingState />}>
          <Outlet context={{ world }} />
        </Suspense>
      </TabPanel>
    </div>
  );
}
