import { useTranslation } from 'react-i18next';
import { NotFoundState } from '../../components/ui/not-found-state';
import { useDocumentTitle } from '../../hooks/use-document-title';

export default function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('titles.notFound'));
  return <NotFoundState />;
}
