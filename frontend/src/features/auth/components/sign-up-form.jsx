import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRegister } from '../api/register';
import { checkEmail, checkPassword, checkUsername } from '../validation';
import { useCheckedForm } from '../hooks/use-checked-form';
import { hasShownFieldError, serverFieldMessage } from '../../../lib/field-errors';
import { TextField } from '../../../components/ui/fields';
import { LIMITS } from '../../../lib/limits';
import { FormError } from '../../../components/ui/error-state';
import { AuthCard } from './auth-card';

const FIELD_NAMES = { displayName: 'display_name' };

/** Creates an account and signs in; calls onSuccess(user). */
export function SignUpForm({ onSuccess }) {
  const { t } = useTranslation();
  const registerMutation = useRegister({ onSuccess: (data) => onSuccess?.(data.user) });
  const serverFields = registerMutation.error?.fields ?? {};
  const hasFieldErrors = hasShownFieldError(serverFields, ['username', 'email', 'password', 'display_name']);
  const { values, clientErrors, update, submit } = useCheckedForm(
    { username: '', email: '', password: '', displayName: '' },
    (v) => ({ username: checkUsername(v.username), email: checkEmail(v.email),
      password: checkPassword(v.password) }),
    (v) => registerMutation.mutate(v),
  );

  const errorFor = (name) => {
    if (clientErrors[name]) return t(clientErrors[name]);
    const apiName = FIELD_NAMES[name] ?? name;
    const code = registerMutation.error?.errorCode;
    const message = serverFieldMessage(apiName, serverFields[apiName], apiName, code);
    if (message) return message;
    // A 3002 that names no field still belongs next to the username.
    if (code === '3002' && !hasFieldErrors && name === 'username') return t('auth.signUp.taken');
    return undefined;
  };

  return (
    <AuthCard
      title={t('auth.signUp.title')}
      subtitle={t('auth.signUp.subtitle')}
      footer={<>{t('auth.signUp.haveAccount')} <Link className="link link-primary" to="/sign-in">{t('auth.signIn.action')}</Link></>}
    >
      <form className="flex flex-col gap-4" onSubmit={submit} noValidate>
        {registerMutation.isError && !hasFieldErrors && registerMutation.error?.errorCode !== '3002' && (
          <FormError error={registerMutation.error} />
        )}
        <TextField
          label={t('auth.fields.username')}
          name="username"
          autoComplete="username"
          value={values.username}
          onChange={update('username')}
          hint={t('auth.hints.username')}
          error={errorFor('username')}
          maxLength={LIMITS.username}
          autoFocus
        />
        <TextField
          label={t('auth.fields.email')}
          name="email"
          type="email"
          autoComplete="email"
          value={values.email}
          onChange={update('email')}
          error={errorFor('email')}
          maxLength={LIMITS.email}
        />
        <TextField
          label={t('auth.fields.displayName')}
          name="displayName"
          autoComplete="nickname"
          value={values.displayName}
          onChange={update('displayName')}
          hint={t('auth.hints.displayName')}
          error={errorFor('displayName')}
          maxLength={LIMITS.displayName}
        />
        <TextField
          label={t('auth.fields.password')}
          name="password"
          type="password"
          autoComplete="new-password"
          value={values.password}
          onChange={update('password')}
          hint={t('auth.hints.password')}
          error={errorFor('password')}
          maxLength={LIMITS.password}
        />
        <button type="submit" className="btn btn-primary mt-2" disabled={registerMutation.isPending}>
          {registerMutation.isPending && <span className="loading loading-spinner loading-sm" aria-hidden="true" />}
          {registerMutation.isPending ? t('auth.signUp.pending') : t('auth.signUp.action')}
        </button>
      </form>
    </AuthCard>
  );
}
