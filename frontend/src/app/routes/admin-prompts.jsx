import { useTranslation } from 'react-i18next';
import { PromptTemplatesEditor } from '../../features/admin/components/prompt-templates-editor';
import { useDocumentTitle } from '../../hooks/use-document-title';

export default function AdminPromptsTab() {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.prompts.title'));
  return <PromptTemplatesEditor />;
}
