import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { SignInForm } from '../../features/auth/components/sign-in-form';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useIsSignedIn } from '../../lib/session';
import { safeNext } from '../../lib/safe-next';

export default function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const signedIn = useIsSignedIn();
  const next = safeNext(params.get('next'));
  useDocumentTitle(t('titles.signIn'));
  if (signedIn) return <Navigate to={next} replace />;
  return <SignInForm onSuccess={() => navigate(next, { replace: true })} />;
}
