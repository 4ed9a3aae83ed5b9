import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useIsSignedIn } from '../../lib/session';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useMe } from '../../features/auth/api/get-me';
import { Landing } from '../../features/dashboard/components/landing';
import { MyWorlds } from '../../features/dashboard/components/my-worlds';
import { SharedWorlds } from '../../features/dashboard/components/shared-worlds';
import { RecentStories } from '../../features/dashboard/components/recent-stories';
import { QuotasCard } from '../../features/dashboard/components/quotas-card';
import { PageHeader } from '../../components/ui/page-header';
import { useCanCreate } from '../use-can-create';

function Dashboard() {
  const { t } = useTranslation();
  const me = useMe();
  const user = me.data;
  const canCreate = useCanCreate();
  useDocumentTitle(t('titles.dashboard'));
  return (
    <>
      <PageHeader
        title={user ? t('dashboard.greeting', { name: user.display_name || user.username }) : t('dashboard.title')}
        subtitle={t('dashboard.subtitle')}
        actions={(
          <>
            {canCreate && <Link to="/worlds/new" className="btn btn-primary">{t('worlds.create')}</Link>}
            <Link to="/worlds" className="btn btn-ghost">{t('dashboard.browse')}</Link>
          </>
        )}
      />
      <div className="grid grid-cols-1 gap-8 lg:grid-cols-3">
        <div className="flex min-w-0 flex-col gap-8 lg:col-span-2">
          <MyWorlds canCreate={canCreate} />
          <SharedWorlds />
          <RecentStories />
        </div>
        <aside className="flex flex-col gap-6">
          <QuotasCard quotas={user?.quotas} />
        </aside>
      </div>
    </>
  );
}

function Welcome() {
  const { t } = useTranslation();
  useDocumentTitle(t('titles.home'));
  return <Landing />;
}

export default function HomePage() {
  return useIsSignedIn() ? <Dashboard /> : <Welcome />;
}
