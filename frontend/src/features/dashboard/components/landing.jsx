import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The front page for visitors who are not signed in. */
export function Landing() {
  const { t } = useTranslation();
  return (
    <div className="flex flex-col gap-12 py-6 sm:py-12">
      <section className="hero rounded-box bg-gradient-to-br from-primary/15 via-base-100 to-secondary/20 px-4 py-14 sm:py-20">
        <div className="hero-content max-w-2xl flex-col text-center">
          <p className="badge badge-primary badge-soft">{t('landing.badge')}</p>
          <h1 className="font-serif text-4xl font-bold leading-tight sm:text-5xl">{t('landing.title')}</h1>
          <p className="text-lg text-base-content/75">{t('landing.body')}</p>
          <div className="mt-2 flex flex-wrap justify-center gap-3">
            <Link to="/sign-up" className="btn btn-primary">{t('landing.start')}</Link>
            <Link to="/worlds" className="btn btn-ghost">{t('landing.browse')}</Link>
          </div>
        </div>
      </section>
      <section aria-label={t('landing.featuresLabel')} className="grid gap-4 sm:grid-cols-3">
        {['worlds', 'stories', 'share'].map((key) => (
          <div key={key} className="card border border-base-300 bg-base-100">
            <div className="card-body">
              <h2 className="card-title text-lg">{t(`landing.features.${key}.title`)}</h2>
              <p className="text-base-content/70">{t(`landing.features.${key}.body`)}</p>
            </div>
          </div>
        ))}
      </section>
    </div>
  );
}
