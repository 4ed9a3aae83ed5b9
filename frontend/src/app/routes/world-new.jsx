import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCreateWorld } from '../../features/worlds/api/create-world';
import { WorldForm } from '../../features/worlds/components/world-form';
import { PageHeader } from '../../components/ui/page-header';
import { useToast } from '../../components/ui/toast';
import { useDocumentTitle } from '../../hooks/use-document-title';

export default function NewWorldPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { notify } = useToast();
  const create = useCreateWorld({
    onSuccess: (world) => {
      notify(t('worlds.created'));
      navigate(`/worlds/${world.world_id}`);
    },
  });
  useDocumentTitle(t('titles.newWorld'));
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t('worlds.newTitle')} subtitle={t('worlds.newSubtitle')} />
      <div className="card border border-base-300 bg-base-100">
        <div className="card-body">
          <WorldForm onSubmit={(body) => create.mutate(body)} onCancel={() => navigate(-1)} pending={create.isPending} error={create.error} />
        </div>
      </div>
    </div>
  );
}
