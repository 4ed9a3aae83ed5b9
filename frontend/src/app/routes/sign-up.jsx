import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { SignUpForm } from '../../features/auth/components/sign-up-form';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useIsSignedIn } from '../../lib/session';

export default function SignUpPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const signedIn = useIsSignedIn();
  useDocumentTitle(t('titles.signUp'));
  if (signedIn) return <Navigate to="/" replace />;
  return <SignUpForm onSuccess={() => navigate('/', { replace: true })} />;
}
