import { Suspense, useEffect, useRef } from 'react';
import { Outlet, useLocation, useNavigation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Navbar } from './navbar';
import { SessionGuard } from '../session-guard';
import { LoadingState } from '../../components/ui/loading-state';

/** Navbar, the page and a footer; focus moves to the page on navigation. */
export function AppLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigation = useNavigation();
  const main = useRef(null);
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // Announce the new page to screen readers, unless the page already focused a field itself.
    if (main.current && !main.current.contains(document.activeElement)) main.current.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [location.pathname]);

  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="skip-link">{t('nav.skip')}</a>
      {navigation.state === 'loading' && (
        <div className="fixed inset-x-0 top-0 z-50 h-1 overflow-hidden bg-primary/20" role="progressbar" aria-label={t('common.loading')}>
          <div className="h-full w-1/3 animate-[loading-bar_1s_ease-in-out_infinite] bg-primary" />
        </div>
      )}
      <SessionGuard />
      <Navbar />
      <main id="main" ref={main} tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 focus:outline-none sm:px-6 sm:py-8">
        <Suspense fallback={<LoadingState />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="border-t border-base-300 py-6 text-center text-sm text-base-content/60">
        {t('footer.tagline')}
      </footer>
    </div>
  );
}
