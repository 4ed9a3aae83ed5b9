import { useTranslation } from 'react-i18next';
import { StatsPanel } from '../../features/admin/components/stats-panel';
import { useDocumentTitle } from '../../hooks/use-document-title';

export default function AdminStatsTab() {
  const { t } = useTranslation();
  useDocumentTitle(t('titles.adminStats'));
  return <StatsPanel />;
}
