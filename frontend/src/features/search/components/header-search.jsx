import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';

function Magnifier({ className = 'h-4 w-4' }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className={className} fill="none" stroke="currentColor" strokeWidth="2">
      <circle cx="11" cy="11" r="7" /><path d="m20 20-3.5-3.5" />
    </svg>
  );
}

/**
 * The search box of the header: Enter opens /search?q=… . On narrow screens it is a button
 * that opens the results page, whose own box takes the words.
 */
export function HeaderSearch() {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const onResults = pathname === '/search';
  const current = onResults ? new URLSearchParams(search).get('q') ?? '' : '';
  const [text, setText] = useState(current);
  useEffect(() => setText(current), [current]);

  const submit = (event) => {
    event.preventDefault();
    const q = text.trim();
    navigate(q ? `/search?q=${encodeURIComponent(q)}` : '/search');
  };

  return (
    <>
      <form role="search" aria-label={t('search.label')} onSubmit={submit} className="hidden sm:block">
        <label htmlFor={id} className="sr-only">{t('search.label')}</label>
        <div className="input input-sm w-40 lg:w-56">
          <Magnifier />
          <input id={id} type="search" className="grow" value={text} onChange={(e) => setText(e.target.value)} placeholder={t('search.placeholder')} autoComplete="off" />
        </div>
      </form>
      <Link to="/search" className="btn btn-ghost btn-square btn-sm sm:hidden" aria-label={t('search.open')}>
        <Magnifier className="h-5 w-5" />
      </Link>
    </>
  );
}
