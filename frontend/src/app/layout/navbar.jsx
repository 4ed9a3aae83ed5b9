import { useTranslation } from 'react-i18next';
import { Link, NavLink, useNavigate } from 'react-router';
import { useIsSignedIn } from '../../lib/session';
import { useMe } from '../../features/auth/api/get-me';
import { useLogout } from '../../features/auth/api/logout';
import { LanguageSwitcher } from '../../components/ui/language-switcher';
import { ThemeSwitcher } from '../../components/ui/theme-switcher';
import { useToast } from '../../components/ui/toast';
import { Menu } from './menu';
import { HeaderSearch } from '../../features/search/components/header-search';
import { useCanCreate } from '../use-can-create';
import { ADMIN_AREA_ROLES } from '../../features/admin/constants';

function Logo() {
  return (
    <svg aria-hidden="true" viewBox="0 0 64 64" className="h-7 w-7">
      <rect width="64" height="64" rx="14" fill="currentColor" />
      <path d="M18 16h20a8 8 0 0 1 8 8v24H26a8 8 0 0 1-8-8z" fill="#f6efe3" />
      <path d="M24 26h16M24 33h16M24 40h10" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
      <circle cx="46" cy="46" r="6" fill="#e0a84c" />
    </svg>
  );
}

const linkClass = ({ isActive }) => `btn btn-ghost btn-sm justify-start ${isActive ? 'btn-active' : ''}`;

/** Brand, main links, the theme and language switches and the account menu; collapses below `md`. */
export function Navbar() {
  const { t } = useTranslation();
  const signedIn = useIsSignedIn();
  const me = useMe();
  const navigate = useNavigate();
  const { notify } = useToast();
  const logout = useLogout({
    onSettled: () => {
      notify(t('auth.signedOut'), 'info');
      navigate('/', { replace: true });
    },
  });
  const user = signedIn ? me.data : null;
  const canCreate = useCanCreate();
  const name = user?.display_name || user?.username || '';

  const links = (
    <>
      {signedIn && <li><NavLink to="/" end className={linkClass}>{t('nav.dashboard')}</NavLink></li>}
      <li><NavLink to="/worlds" className={linkClass}>{t('nav.worlds')}</NavLink></li>
      {user && ADMIN_AREA_ROLES.includes(user.role) && (
        <li><NavLink to="/admin" className={linkClass}>{t('nav.admin')}</NavLink></li>
      )}
    </>
  );

  return (
    <header className="sticky top-0 z-30 border-b border-base-300 bg-base-100/90 backdrop-blur">
      <nav aria-label={t('nav.label')} className="navbar mx-auto max-w-6xl gap-2 px-2 sm:px-4">
        <div className="navbar-start gap-1">
          <div className="md:hidden">
            <Menu
              label={t('nav.menu')}
              align="start"
              buttonClassName="btn btn-ghost btn-square btn-sm"
              buttonContent={(
                <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2"><path d="M4 6h16M4 12h16M4 18h16" /></svg>
              )}
            >
              {links}
              {!signedIn && (
                <>
                  <li><NavLink to="/sign-in" className={linkClass}>{t('auth.signIn.action')}</NavLink></li>
                  <li><NavLink to="/sign-up" className={linkClass}>{t('auth.signUp.action')}</NavLink></li>
                </>
              )}
            </Menu>
          </div>
          <Link to="/" className="flex items-center gap-2 rounded-field px-1 text-lg font-bold text-primary">
            <Logo />
            <span className="whitespace-nowrap max-[399px]:sr-only">Storyloom</span>
          </Link>
          <ul className="menu menu-horizontal hidden gap-1 px-2 md:flex">{links}</ul>
        </div>
        <div className="navbar-end gap-1 sm:gap-2">
          <HeaderSearch />
          <ThemeSwitcher compact />
          <LanguageSwitcher compact />
          {signedIn ? (
            <Menu
              buttonClassName="btn btn-ghost btn-sm gap-2"
              buttonContent={(
                <>
                  <span aria-hidden="true" className="flex h-7 w-7 items-center justify-center rounded-full bg-primary text-xs font-bold text-primary-content">
                    {(name || '?').slice(0, 1).toUpperCase()}
                  </span>
                  {/* The name shown is part of the button's name ("Tài khoản linh"), as WCAG 2.5.3 asks. */}
                  <span className="sr-only">{t('nav.accountWord')}</span>
                  {' '}
                  <span className="sr-only sm:not-sr-only sm:max-w-32 sm:truncate">{name}</span>
                </>
              )}
            >
              <li><Link to="/profile">{t('nav.profile')}</Link></li>
              <li><Link to="/ai/tasks">{t('nav.aiTasks')}</Link></li>
              {canCreate && <li><Link to="/worlds/new">{t('worlds.create')}</Link></li>}
              <li>
                <button type="button" onClick={() => logout.mutate()} disabled={logout.isPending}>
                  {t('auth.signOut')}
                </button>
              </li>
            </Menu>
          ) : (
            <div className="hidden gap-2 md:flex">
              <Link to="/sign-in" className="btn btn-ghost btn-sm">{t('auth.signIn.action')}</Link>
              <Link to="/sign-up" className="btn btn-primary btn-sm">{t('auth.signUp.action')}</Link>
            </div>
          )}
        </div>
      </nav>
    </header>
  );
}
