import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { VisibilityBadge } from '../../../components/ui/visibility-badge';
import { countWords, formatDate, formatNumber } from '../../../lib/format';
import { MarkdownView } from './markdown-view';

const SIZES = ['text-lg', 'text-xl', 'text-2xl'];
const SIZE_KEY = 'storyloom.readerSize';
const WORDS_PER_MINUTE = 220;

function storedSize() {
  try {
    const value = Number(window.localStorage.getItem(SIZE_KEY));
    return Number.isInteger(value) && value >= 0 && value < SIZES.length ? value : 0;
  } catch {
    return 0;
  }
}

/**
 * A story set for reading; "Reading mode" hides everything else. `highlights` are the linked
 * characters and places [{ key, names, to, kind: 'entity'|'location', title }]: their names and
 * aliases become links in the text, matched without case or diacritics. `footer` goes under it.
 */
export function StoryReader({ story, actions, highlights = [], footer = null }) {
  const { t, i18n } = useTranslation();
  const [focus, setFocus] = useState(false);
  const [size, setSize] = useState(storedSize);
  const toggle = useRef(null);
  const toggled = useRef(false);
  const words = story.word_count ?? countWords(story.content);
  const minutes = Math.max(1, Math.round(words / WORDS_PER_MINUTE));
  const hasText = Boolean(story.content?.trim());

  useEffect(() => {
    try {
      window.localStorage.setItem(SIZE_KEY, String(size));
    } catch {
      /* not remembered, still applied */
    }
  }, [size]);

  // The toggle moves between the page and the overlay: keep keyboard focus on it.
  useEffect(() => {
    if (toggled.current) toggle.current?.focus();
  }, [focus]);

  useEffect(() => {
    if (!focus) return undefined;
    const onKey = (event) => {
      if (event.key === 'Escape') {
        toggled.current = true;
        setFocus(false);
      }
    };
    window.addEventListener('keydown', onKey);
    document.body.style.overflow = 'hidden';
    return () => {
      window.removeEventListener('keydown', onKey);
      document.body.style.overflow = '';
    };
  }, [focus]);

  const toolbar = (
    <div className="flex flex-wrap items-center gap-2">
      <div className="join" role="group" aria-label={t('reader.textSize')}>
        <button type="button" className="btn btn-sm join-item" onClick={() => setSize((s) => Math.max(0, s - 1))} disabled={size === 0}>A−{' '}<span className="sr-only">{t('reader.smaller')}</span></button>
        <button type="button" className="btn btn-sm join-item" onClick={() => setSize((s) => Math.min(SIZES.length - 1, s + 1))} disabled={size === SIZES.length - 1}>A+{' '}<span className="sr-only">{t('reader.larger')}</span></button>
      </div>
      <button
        ref={toggle}
        type="button"
        className="btn btn-sm"
        onClick={() => {
          toggled.current = true;
          setFocus((f) => !f);
        }}
        aria-pressed={focus}
      >
        {focus ? t('reader.exitFocus') : t('reader.focus')}
      </button>
      {!focus && actions}
    </div>
  );

  const article = (
    <article className="mx-auto w-full max-w-2xl">
      <header className="mb-8 flex flex-col gap-3">
        {!focus && (
          <Link to={`/worlds/${story.world_id}`} className="link link-hover text-sm text-base-content/60">
            <span aria-hidden="true">← </span>{story.world_name ?? t('editor.backToWorld')}
          </Link>
        )}
        <h1 className="font-serif text-3xl font-bold leading-tight sm:text-5xl">{story.title || t('stories.untitled')}</h1>
        <p className="flex flex-wrap items-center gap-2 text-sm text-base-content/60">
          <VisibilityBadge visibility={story.visibility} />
          <span>{t('editor.words', { count: words, formatted: formatNumber(words, i18n.language) })}</span>
          <span aria-hidden="true">·</span>
          <span>{t('reader.minutes', { count: minutes })}</span>
          {story.updated_at && <><span aria-hidden="true">·</span><span>{formatDate(story.updated_at, i18n.language)}</span></>}
        </p>
        {story.summary && <p className="border-l-4 border-primary/40 pl-4 italic text-base-content/75">{story.summary}</p>}
      </header>
      {hasText ? (
        <div className={`story-prose font-serif ${SIZES[size]} leading-relaxed text-base-content/90`} data-testid="story-content">
          <MarkdownView text={story.content} highlights={highlights} />
        </div>
      ) : (
        <p className="italic text-base-content/60">{t('reader.empty')}</p>
      )}
    </article>
  );

  if (focus) {
    return (
      <div role="dialog" aria-modal="true" aria-label={t('reader.focus')} className="fixed inset-0 z-50 overflow-y-auto bg-base-100 px-5 py-8 sm:px-8">
        <div className="mx-auto mb-8 flex max-w-2xl justify-end">{toolbar}</div>
        {article}
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-6">
      <div className="flex justify-end">{toolbar}</div>
      {article}
      {footer && <div className="mx-auto w-full max-w-2xl">{footer}</div>}
    </div>
  );
}
