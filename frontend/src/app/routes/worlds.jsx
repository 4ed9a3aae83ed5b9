import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { WorldsBrowser } from '../../features/worlds/components/worlds-browser';
import { ImportWorldButton } from '../../features/worlds/components/import-world-button';
import { PageHeader } from '../../components/ui/page-header';
import { useToast } from '../../components/ui/toast';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useIsSignedIn } from '../../lib/session';
import { useCanCreate } from '../use-can-create';

export default function WorldsPage() {
  const { t } = useTranslation();
  const signedIn = useIsSignedIn();
  const canCreate = useCanCreate();
  const navigate = useNavigate();
  const { notify } = useToast();
  useDocumentTitle(t('titles.worlds'));
  return (
    <>
      <PageHeader
        title={t('worlds.title')}
        subtitle={signedIn ? t('worlds.subtitle') : t('worlds.subtitlePublic')}
        actions={signedIn ? (canCreate && (
          <div className="flex flex-wrap items-start gap-2">
            <Link to="/worlds/new" className="btn btn-primary">{t('worlds.create')}</Link>
            <ImportWorldButton
              onImported={(world) => {
                notify(t('import.done', { name: world.name }));
                navigate(`/worlds/${world.world_id}`);
              }}
            />
          </div>
        )) : (
          <Link to="/sign-up" className="btn btn-primary">{t('landing.start')}</Link>
        )}
      />
      <WorldsBrowser signedIn={signedIn} canCreate={canCreate} />
    </>
  );
}
