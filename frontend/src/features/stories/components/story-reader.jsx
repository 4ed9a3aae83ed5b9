import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { VisibilityBadge } from '../../../components/ui/visibility-badge';
import { countWords, formatDate, formatNumber } from '../../../lib/format';
import { highlightSegments } from '../../../lib/text';

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

function paragraphs(text) {
  return (text ?? '').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
}

const MARK_STYLES = {
  entity: 'bg-primary/15 decoration-primary/60 hover:bg-primary/25',
  location: 'bg-accent/20 decoration-accent/70 hover:bg-accent/30',
};

/** A paragraph with the names (and aliases) of linked characters and places as links to them. */
function Marked({ text, highlights }) {
  const segments = useMemo(() => (highlights.length ? highlightSegments(text, highlights) : null), [text, highlights]);
  if (!segments) return text;
  return segments.map((segment, index) => (segment.term ? (
    <Link
      key={index}
      to={segment.term.to}
      title={segment.term.title}
      data-testid="highlight"
      data-kind={segment.term.kind}
      className={`rounded-sm underline decoration-dotted decoration-2 underline-offset-4 ${MARK_STYLES[segment.term.kind] ?? MARK_STYLES.entity}`}
    >
      {segment.text}
    </Link>
  ) : segment.text));
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
  const parts = paragraphs(story.content);

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
        <button type="button" className="btn btn-sm join-item" onClick={() => setSize((s) => Math.max(0, s - 1))} disabled={size === 0} aria-label={t('reader.smaller')}>A−</button>
        <button type="button" className="btn btn-sm join-item" onClick={() => setSize((s) => Math.min(SIZES.length - 1, s + 1))} disabled={size === SIZES.length - 1} aria-label={t('reader.larger')}>A+</button>
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
      {parts.length ? (
        <div className={`font-serif ${SIZES[size]} leading-relaxed text-base-content/90 [&>p]:mb-6 [&>p]:whitespace-pre-line [&>p]:hyphens-auto`} data-testid="story-content">
          {parts.map((text, index) => <p key={index}><Marked text={text} highlights={highlights} /></p>)}
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
