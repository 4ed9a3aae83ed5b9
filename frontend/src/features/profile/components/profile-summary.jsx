import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';

/** Who is signed in: names, e-mail, role and since when. */
export function ProfileSummary({ user }) {
  const { t, i18n } = useTranslation();
  const initial = (user.display_name || user.username || '?').slice(0, 1).toUpperCase();
  return (
    <div className="flex items-center gap-4">
      <div className="avatar avatar-placeholder">
        <div className="w-16 rounded-full bg-primary text-primary-content">
          <span className="text-2xl" aria-hidden="true">{initial}</span>
        </div>
      </div>
      <dl className="grid min-w-0 grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-base-content/60">{t('profile.username')}</dt>
        <dd className="truncate font-medium">@{user.username}</dd>
        {user.display_name && (<><dt className="text-base-content/60">{t('profile.displayName')}</dt><dd className="truncate">{user.display_name}</dd></>)}
        <dt className="text-base-content/60">{t('profile.email')}</dt>
        <dd className="truncate">{user.email}</dd>
        <dt className="text-base-content/60">{t('profile.role')}</dt>
        <dd>{t(`userRoles.${user.role}`, { defaultValue: user.role })}</dd>
        {user.created_at && (<><dt className="text-base-content/60">{t('profile.memberSince')}</dt><dd>{formatDate(user.created_at, i18n.language)}</dd></>)}
      </dl>
    </div>
  );
}
