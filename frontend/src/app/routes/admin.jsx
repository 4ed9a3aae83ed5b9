import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useMe } from '../../features/auth/api/get-me';
import { ADMIN_AREA_ROLES } from '../../features/admin/constants';
import { PageHeader } from '../../components/ui/page-header';
import { LoadingState } from '../../components/ui/loading-state';
import { ErrorState } from '../../components/ui/error-state';
import { NoAccessState } from '../../components/ui/no-access-state';
import { RouteTabs, TabPanel } from '../../components/ui/route-tabs';
import { useDocumentTitle } from '../../hooks/use-document-title';

export function adminTabs(t) {
  return [
    { id: 'users', to: '/admin', label: t('admin.tabs.users'), match: (p) => p === '/admin' || p === '/admin/' || p.startsWith('/admin/users') },
    { id: 'roles', to: '/admin/roles', label: t('admin.tabs.roles'), match: (p) => p.startsWith('/admin/roles') },
    { id: 'stats', to: '/admin/stats', label: t('admin.tabs.stats'), match: (p) => p.startsWith('/admin/stats') },
    { id: 'prompts', to: '/admin/prompts', label: t('admin.tabs.prompts'), match: (p) => p.startsWith('/admin/prompts') },
  ];
}

/**
 * The admin area, for admins and moderators. Admins see users, roles and stats; moderators only
 * the users (to ban and unban). Anyone else is told the page is not for them.
 */
export default function AdminPage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const me = useMe();
  const user = me.data;
  const allowed = Boolean(user && ADMIN_AREA_ROLES.includes(user.role));
  useDocumentTitle(allowed ? undefined : t('titles.admin'));

  if (me.isPending) return <LoadingState />;
  if (me.isError) return <ErrorState error={me.error} onRetry={me.refetch} />;
  if (!allowed) return <NoAccessState title={t('desk.noAccess.admin.title')} body={t('desk.noAccess.admin.body')} backTo="/" backLabel={t('desk.noAccess.home')} />;

  const isAdmin = user.role === 'admin';
  const tabs = adminTabs(t);
  if (!isAdmin && !tabs[0].match(pathname)) return <Navigate to="/admin" replace />;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t('admin.title')} subtitle={isAdmin ? t('admin.subtitleAdmin') : t('admin.subtitleModerator')} />
      {isAdmin ? (
        <>
          <RouteTabs label={t('admin.tabs.label')} tabs={tabs} idPrefix="admin" />
          <TabPanel idPrefix="admin" tabs={tabs}>
            <Suspense fallback={<LoadingState />}><Outlet context={{ me: user }} /></Suspense>
          </TabPanel>
        </>
      ) : (
        <Suspense fallback={<LoadingState />}><Outlet context={{ me: user }} /></Suspense>
      )}
    </div>
  );
}
