import { useTranslation } from 'react-i18next';
import { RolesTable } from '../../features/admin/components/roles-table';
import { useDocumentTitle } from '../../hooks/use-document-title';

export default function AdminRolesTab() {
  const { t } = useTranslation();
  useDocumentTitle(t('titles.adminRoles'));
  return <RolesTable />;
}
