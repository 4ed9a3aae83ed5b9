import { useTranslation } from 'react-i18next';
import { TaskList } from '../../features/tasks/components/task-list';
import { PageHeader } from '../../components/ui/page-header';
import { useDocumentTitle } from '../../hooks/use-document-title';

export default function AiTasksPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('tasks.title'));
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <PageHeader title={t('tasks.title')} subtitle={t('tasks.description')} />
      <TaskList />
    </div>
  );
}
