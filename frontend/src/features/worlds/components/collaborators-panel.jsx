import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShareWorld } from '../api/share-world';
import { useUnshareWorld } from '../api/unshare-world';
import { FormError } from '../../../components/ui/error-state';
import { useToast } from '../../../components/ui/toast';
import { serverFieldMessage } from '../../../lib/field-errors';

function splitUsernames(text) {
  return text.split(/[\s,;]+/).map((name) => name.replace(/^@/, '').trim()).filter(Boolean);
}

/** Who the world is shared with; its manager can add people by username and remove them. */
export function CollaboratorsPanel({ world }) {
  const { t } = useTranslation();
  const { notify } = useToast();
  const usernameId = useId();
  const roleId = useId();
  const [usernames, setUsernames] = useState('');
  const [role, setRole] = useState('viewer');
  const [inputError, setInputError] = useState(null);
  const canManage = Boolean(world.permissions?.manage);
  const collaborators = world.collaborators ?? [];

  const share = useShareWorld({
    onSuccess: () => {
      notify(t('share.shared'));
      setUsernames('');
    },
  });
  const unshare = useUnshareWorld({ onSuccess: () => notify(t('share.removed')) });

  const submit = (event) => {
    event.preventDefault();
    const names = splitUsernames(usernames);
    if (!names.length) {
      setInputError(t('validation.required'));
      return;
    }
    setInputError(null);
    share.mutate({ worldId: world.world_id, usernames: names, role });
  };

  const missing = share.error?.data?.missing;
  const shareError = !share.error
    ? null
    : share.error.errorCode === '3001'
      ? (Array.isArray(missing) && missing.length ? t('share.userNotFoundNamed', { names: missing.join(', ') }) : t('share.userNotFound'))
      : serverFieldMessage('usernames', share.error.fields?.usernames) ?? null;

  return (
    <section aria-labelledby={`${usernameId}-title`} className="card border border-base-300 bg-base-100">
      <div className="card-body gap-4">
        <h2 id={`${usernameId}-title`} className="card-title text-lg">{t('share.title')}</h2>
        {collaborators.length === 0 ? (
          <p className="text-sm text-base-content/60">{t('share.none')}</p>
        ) : (
          <ul className="flex flex-col divide-y divide-base-200">
            {collaborators.map((person) => (
              <li key={person.user_id} className="flex items-center justify-between gap-2 py-2">
                <span className="min-w-0 truncate font-medium">@{person.username}</span>
                <span className="flex items-center gap-2">
                  <span className="badge badge-soft badge-sm">{t(`roles.${person.role}`)}</span>
                  {canManage && (
                    <button
                      type="button"
                      className="btn btn-ghost btn-xs text-error"
                      onClick={() => unshare.mutate({ worldId: world.world_id, userIds: [person.user_id] })}
                      disabled={unshare.isPending}
                      aria-label={t('share.removeNamed', { name: person.username })}
                    >
                      {t('share.remove')}
                    </button>
                  )}
                </span>
              </li>
            ))}
          </ul>
        )}
        {unshare.isError && <FormError error={unshare.error} />}
        {canManage && (
          <form onSubmit={submit} className="flex flex-col gap-3 border-t border-base-200 pt-4" noValidate>
            <div className="flex flex-col gap-1.5">
              <label htmlFor={usernameId} className="text-sm font-medium">{t('share.username')}</label>
              <input
                id={usernameId}
                className={`input w-full ${inputError || shareError ? 'input-error' : ''}`}
                value={usernames}
                onChange={(event) => { setUsernames(event.target.value); setInputError(null); }}
                placeholder={t('share.usernamePlaceholder')}
                autoComplete="off"
                aria-invalid={inputError || shareError ? 'true' : undefined}
                aria-describedby={inputError || shareError ? `${usernameId}-error` : undefined}
              />
              {(inputError || shareError) && <p id={`${usernameId}-error`} className="text-sm text-error">{inputError || shareError}</p>}
            </div>
            <div className="flex flex-wrap items-end gap-2">
              <div className="flex flex-1 flex-col gap-1.5">
                <label htmlFor={roleId} className="text-sm font-medium">{t('share.role')}</label>
                <select id={roleId} className="select w-full" value={role} onChange={(event) => setRole(event.target.value)}>
                  <option value="viewer">{t('roles.viewer')}</option>
                  <option value="editor">{t('roles.editor')}</option>
                </select>
              </div>
              <button type="submit" className="btn btn-primary" disabled={share.isPending}>
                {share.isPending && <span className="loading loading-spinner loading-sm" aria-hidden="true" />}
                {t('share.action')}
              </button>
            </div>
            <p className="text-xs text-base-content/60">{t(`share.roleHelp.${role}`)}</p>
            {share.isError && !shareError && <FormError error={share.error} />}
          </form>
        )}
      </div>
    </section>
  );
}
