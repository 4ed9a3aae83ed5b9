import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { WorldsBrowser } from '../../features/worlds/components/worlds-browser';
import { PageHeader } from '../../components/ui/page-header';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useIsSignedIn } from '../../lib/session';
import { useCanCreate } from '../use-can-create';

export default function WorldsPage() {
  const { t } = useTranslation();
  const signedIn = useIsSignedIn();
  const canCreate = useCanCreate();
  useDocumentTitle(t('titles.worlds'));
  return (
    <>
      <PageHeader
        title={t('worlds.title')}
        subtitle={signedIn ? t('worlds.subtitle') : t('worlds.subtitlePublic')}
        actions={signedIn ? (canCreate && <Link to="/worlds/new" className="btn btn-primary">{t('worlds.create')}</Link>) : (
          <Link to="/sign-up" className="btn btn-primary">{t('landing.start')}</Link>
        )}
      />
      <WorldsBrowser signedIn={signedIn} canCreate={canCreate} />
    </>
  );
}
