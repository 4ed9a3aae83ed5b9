/** The search results page: works signed in or not; the world filter offers the worlds the caller can open. */
import { useTranslation } from 'react-i18next';
import { SearchResults } from '../../features/search/components/search-results';
import { useWorlds } from '../../features/worlds/api/get-worlds';
import { PageHeader } from '../../components/ui/page-header';
import { useDocumentTitle } from '../../hooks/use-document-title';

export default function SearchPage() {
  const { t } = useTranslation();
  const worlds = useWorlds({ page: 1, pageSize: 100 });
  useDocumentTitle(t('search.title'));
  return (
    <div className="mx-auto flex max-w-3xl flex-col">
      <PageHeader title={t('search.title')} />
      <SearchResults worlds={worlds.data?.items ?? []} />
    </div>
  );
}
