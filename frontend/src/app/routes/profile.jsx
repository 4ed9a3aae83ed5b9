import { useTranslation } from 'react-i18next';
import { useMe } from '../../features/auth/api/get-me';
import { ProfileSummary } from '../../features/profile/components/profile-summary';
import { ChangePasswordForm } from '../../features/profile/components/change-password-form';
import { LanguageSwitcher } from '../../components/ui/language-switcher';
import { ThemeSwitcher } from '../../components/ui/theme-switcher';
import { PageHeader } from '../../components/ui/page-header';
import { LoadingState } from '../../components/ui/loading-state';
import { ErrorState } from '../../components/ui/error-state';
import { useDocumentTitle } from '../../hooks/use-document-title';

export default function ProfilePage() {
  const { t } = useTranslation();
  const me = useMe();
  useDocumentTitle(t('titles.profile'));
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <PageHeader title={t('profile.title')} />
      <section aria-labelledby="profile-account" className="card border border-base-300 bg-base-100">
        <div className="card-body">
          <h2 id="profile-account" className="card-title text-lg">{t('profile.account')}</h2>
          {me.isPending ? <LoadingState /> : me.isError ? <ErrorState error={me.error} onRetry={me.refetch} /> : <ProfileSummary user={me.data} />}
        </div>
      </section>
      <PreferenceCard id="profile-language" title={t('profile.language.title')} body={t('profile.language.body')}>
        <LanguageSwitcher />
      </PreferenceCard>
      <PreferenceCard id="profile-theme" title={t('profile.theme.title')} body={t('profile.theme.body')}>
        <ThemeSwitcher />
      </PreferenceCard>
      <section aria-labelledby="profile-password" className="card border border-base-300 bg-base-100">
        <div className="card-body">
          <h2 id="profile-password" className="card-title text-lg">{t('profile.password.title')}</h2>
          <ChangePasswordForm />
        </div>
      </section>
    </div>
  );
}

/** A card holding one setting of the profile: a heading, a line of help and its control. */
function PreferenceCard({ id, title, body, children }) {
  return (
    <section aria-labelledby={id} className="card border border-base-300 bg-base-100">
      <div className="card-body gap-3">
        <h2 id={id} className="card-title text-lg">{title}</h2>
        <p className="text-sm text-base-content/70">{body}</p>
        {children}
      </div>
    </section>
  );
}
