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
      <section aria-labelledby="profile-language" className="card border border-base-300 bg-base-100">
        <div className="card-body gap-3">
          <h2 id="profile-language" className="card-title text-lg">{t('profile.language.title')}</h2>
          <p className="text-sm text-base-content/70">{t('profile.language.body')}</p>
          <LanguageSwitcher />
        </div>
      </section>
      <section aria-labelledby="profile-theme" className="card border border-base-300 bg-base-100">
        <div className="card-body gap-3">
          <h2 id="profile-theme" className="card-title text-lg">{t('profile.theme.title')}</h2>
          <p className="text-sm text-base-content/70">{t('profile.theme.body')}</p>
          <ThemeSwitcher />
        </div>
      </section>
      <section aria-labelledby="profile-password" className="card border border-base-300 bg-base-100">
        <div className="card-body">
          <h2 id="profile-password" className="card-title text-lg">{t('profile.password.title')}</h2>
          <ChangePasswordForm />
        </div>
      </section>
    </div>
  );
}
