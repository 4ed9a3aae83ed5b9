import { useTranslation } from 'react-i18next';
import { useOutletContext } from 'react-router';
import { UsersTable } from '../../features/admin/components/users-table';
import { useDocumentTitle } from '../../hooks/use-document-title';

export default function AdminUsersTab() {
  const { t } = useTranslation();
  const { me } = useOutletContext();
  useDocumentTitle(t('titles.adminUsers'));
  return <UsersTable me={me} />;
}
