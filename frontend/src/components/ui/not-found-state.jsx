import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** "Not found" — also what a resource the visitor may not see looks like (the API answers 3001 for both). */
export function NotFoundState({ title, body, backTo = '/', backLabel }) {
  const { t } = useTranslation();
  return (
    <div className="mx-auto flex max-w-lg flex-col items-center gap-3 py-16 text-center" data-testid="not-found">
      <p aria-hidden="true" className="font-serif text-6xl text-primary">404</p>
      <h1 className="text-2xl font-bold">{title ?? t('notFound.title')}</h1>
      <p className="text-base-content/70">{body ?? t('notFound.body')}</p>
      <Link to={backTo} className="btn btn-primary mt-2">{backLabel ?? t('notFound.home')}</Link>
    </div>
  );
}
