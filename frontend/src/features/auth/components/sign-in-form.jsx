import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLogin } from '../api/login';
import { checkRequired } from '../validation';
import { useCheckedForm } from '../hooks/use-checked-form';
import { hasShownFieldError, serverFieldMessage } from '../../../lib/field-errors';
import { TextField } from '../../../components/ui/fields';
import { LIMITS } from '../../../lib/limits';
import { FormError } from '../../../components/ui/error-state';
import { AuthCard } from './auth-card';

/** Username-or-email and password; calls onSuccess(user) once signed in. */
export function SignInForm({ onSuccess }) {
  const { t } = useTranslation();
  const loginMutation = useLogin({ onSuccess: (data) => onSuccess?.(data.user) });
  const serverFields = loginMutation.error?.fields ?? {};
  const { values, clientErrors, update, submit } = useCheckedForm(
    { identifier: '', password: '' },
    (v) => ({ identifier: checkRequired(v.identifier), password: checkRequired(v.password) }),
    (v) => loginMutation.mutate(v),
  );

  const identifierError = clientErrors.identifier
    ? t(clientErrors.identifier)
    : serverFieldMessage('username', serverFields.username) ?? serverFieldMessage('email', serverFields.email);
  const passwordError = clientErrors.password ? t(clientErrors.password) : serverFieldMessage('password', serverFields.password);
  const hasFieldErrors = hasShownFieldError(serverFields, ['username', 'email', 'password']);

  return (
    <AuthCard
      title={t('auth.signIn.title')}
      subtitle={t('auth.signIn.subtitle')}
      footer={<>{t('auth.signIn.noAccount')} <Link className="link link-primary" to="/sign-up">{t('auth.signUp.action')}</Link></>}
    >
      <form className="flex flex-col gap-4" onSubmit={submit} noValidate>
        {loginMutation.isError && !hasFieldErrors && <FormError error={loginMutation.error} />}
        <TextField
          label={t('auth.fields.identifier')}
          name="identifier"
          autoComplete="username"
          value={values.identifier}
          onChange={update('identifier')}
          error={identifierError}
          maxLength={LIMITS.email}
          autoFocus
        />
        <TextField
          label={t('auth.fields.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          value={values.password}
          onChange={update('password')}
          error={passwordError}
          maxLength={LIMITS.password}
        />
        <button type="submit" className="btn btn-primary mt-2" disabled={loginMutation.isPending}>
          {loginMutation.isPending && <span className="loading loading-spinner loading-sm" aria-hidden="true" />}
          {loginMutation.isPending ? t('auth.signIn.pending') : t('auth.signIn.action')}
        </button>
      </form>
    </AuthCard>
  );
}
