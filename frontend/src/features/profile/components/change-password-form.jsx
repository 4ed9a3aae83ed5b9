import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangePassword } from '../api/change-password';
import { TextField } from '../../../components/ui/fields';
import { LIMITS } from '../../../lib/limits';
import { FormError } from '../../../components/ui/error-state';
import { useToast } from '../../../components/ui/toast';
import { hasShownFieldError, serverFieldMessage } from '../../../lib/field-errors';

const MIN_PASSWORD = 8;
const EMPTY = { oldPassword: '', newPassword: '', confirm: '' };

/** Current password, new password twice. */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const { notify } = useToast();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState({});
  const mutation = useChangePassword({
    onSuccess: () => {
      setValues(EMPTY);
      notify(t('profile.password.changed'));
    },
  });
  const server = mutation.error?.fields ?? {};
  const wrongOld = mutation.error?.errorCode === '1003';

  const set = (name) => (event) => {
    setValues((v) => ({ ...v, [name]: event.target.value }));
    setErrors((e) => ({ ...e, [name]: null }));
  };

  const submit = (event) => {
    event.preventDefault();
    const next = {};
    if (!values.oldPassword) next.oldPassword = t('validation.required');
    if (values.newPassword.length < MIN_PASSWORD) next.newPassword = t('validation.passwordLength');
    if (values.confirm !== values.newPassword) next.confirm = t('validation.passwordMismatch');
    setErrors(next);
    if (Object.values(next).some(Boolean)) return;
    mutation.mutate({ oldPassword: values.oldPassword, newPassword: values.newPassword });
  };

  return (
    <form className="flex flex-col gap-4" onSubmit={submit} noValidate>
      {mutation.isError && !wrongOld && !hasShownFieldError(server, ['old_password', 'new_password']) && <FormError error={mutation.error} />}
      <TextField
        label={t('profile.password.old')}
        type="password"
        maxLength={LIMITS.password}
        autoComplete="current-password"
        value={values.oldPassword}
        onChange={set('oldPassword')}
        error={errors.oldPassword ?? (wrongOld ? t('profile.password.wrongOld') : serverFieldMessage('old_password', server.old_password))}
      />
      <TextField
        label={t('profile.password.new')}
        type="password"
        maxLength={LIMITS.password}
        autoComplete="new-password"
        value={values.newPassword}
        onChange={set('newPassword')}
        hint={t('auth.hints.password')}
        error={errors.newPassword ?? serverFieldMessage('new_password', server.new_password)}
      />
      <TextField
        label={t('profile.password.confirm')}
        type="password"
        maxLength={LIMITS.password}
        autoComplete="new-password"
        value={values.confirm}
        onChange={set('confirm')}
        error={errors.confirm}
      />
      <div className="flex justify-end">
        <button type="submit" className="btn btn-primary" disabled={mutation.isPending}>
          {mutation.isPending && <span className="loading loading-spinner loading-sm" aria-hidden="true" />}
          {t('profile.password.action')}
        </button>
      </div>
    </form>
  );
}
