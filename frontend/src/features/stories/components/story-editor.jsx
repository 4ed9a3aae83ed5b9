import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUpdateStory } from '../api/update-story';
import { useAutosave } from '../hooks/use-autosave';
import { SaveStatus } from './save-status';
import { countWords, formatNumber } from '../../../lib/format';
import { errorMessage } from '../../../lib/api-client';
import { serverFieldMessage } from '../../../lib/field-errors';

const VISIBILITIES = ['draft', 'private', 'public'];

/** Writing a story: title and text autosave while you type; visibility saves on change. */
export function StoryEditor({ story, actions }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const contentId = useId();
  const visibilityId = useId();
  const update = useUpdateStory();
  const { values, change, status, error, savedAt, saveNow } = useAutosave({
    initial: { title: story.title ?? '', content: story.content ?? '' },
    save: (changes) => {
      // A story needs a title: keep the old one on the server until a new one is typed.
      const body = { ...changes };
      if ('title' in body && !body.title.trim()) delete body.title;
      if (Object.keys(body).length === 0) return Promise.resolve(null);
      return update.mutateAsync({ storyId: story.story_id, changes: body });
    },
  });
  const [visibility, setVisibility] = useState(story.visibility);
  const visibilityUpdate = useUpdateStory();
  const visibilityError = visibilityUpdate.error
    ? serverFieldMessage('visibility', visibilityUpdate.error.fields?.visibility, 'storyVisibility') ?? errorMessage(visibilityUpdate.error)
    : null;

  const words = countWords(values.content);
  const titleMissing = !values.title.trim();

  const changeVisibility = (event) => {
    const next = event.target.value;
    const previous = visibility;
    setVisibility(next);
    visibilityUpdate.mutate(
      { storyId: story.story_id, changes: { visibility: next } },
      { onError: () => setVisibility(previous) },
    );
  };

  return (
    <div
      className="flex flex-col gap-4"
      onKeyDown={(event) => {
        if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
          event.preventDefault();
          saveNow();
        }
      }}
    >
      <div className="sticky top-16 z-10 -mx-4 flex flex-wrap items-center justify-between gap-2 border-b border-base-300 bg-base-200/95 px-4 py-2 backdrop-blur sm:mx-0 sm:rounded-box sm:border">
        <div className="flex min-w-0 items-center gap-3 text-sm">
          <Link to={`/worlds/${story.world_id}`} className="link link-hover truncate text-base-content/70">
            <span aria-hidden="true">← </span>{story.world_name ?? t('editor.backToWorld')}
          </Link>
          <span className="text-base-content/40" aria-hidden="true">·</span>
          <span data-testid="word-count" className="whitespace-nowrap text-base-content/70">
            {t('editor.words', { count: words, formatted: formatNumber(words, i18n.language) })}
          </span>
        </div>
        <div className="flex items-center gap-2">
          <SaveStatus status={status} error={error} savedAt={savedAt} onRetry={saveNow} />
          {actions}
        </div>
      </div>

      <div className="mx-auto flex w-full max-w-3xl flex-col gap-3">
        <label htmlFor={titleId} className="sr-only">{t('editor.title')}</label>
        <input
          id={titleId}
          className="w-full border-0 bg-transparent px-1 font-serif text-3xl font-bold leading-tight placeholder:text-base-content/60 focus:outline-none focus-visible:ring-2 focus-visible:ring-primary/40 sm:text-4xl rounded"
          value={values.title}
          onChange={(event) => change('title', event.target.value)}
          placeholder={t('editor.titlePlaceholder')}
          aria-invalid={titleMissing ? 'true' : undefined}
        />
        {titleMissing && <p className="px-1 text-sm text-warning">{t('editor.titleMissing')}</p>}

        <div className="flex flex-wrap items-center gap-2 px-1">
          <label htmlFor={visibilityId} className="text-sm text-base-content/70">{t('editor.visibility')}</label>
          <select id={visibilityId} className="select select-sm w-auto" value={visibility} onChange={changeVisibility} disabled={visibilityUpdate.isPending}>
            {VISIBILITIES.map((value) => <option key={value} value={value}>{t(`visibility.${value}`)}</option>)}
          </select>
          {visibilityError && <p role="alert" className="w-full text-sm text-error">{String(visibilityError)}</p>}
        </div>

        <label htmlFor={contentId} className="sr-only">{t('editor.content')}</label>
        <textarea
          id={contentId}
          className="min-h-[60vh] w-full resize-y rounded-box border border-base-300 bg-base-100 p-5 font-serif text-lg leading-8 shadow-inner placeholder:text-base-content/60 focus:outline-none focus-visible:border-primary focus-visible:ring-2 focus-visible:ring-primary/30 sm:p-8"
          value={values.content}
          onChange={(event) => change('content', event.target.value)}
          placeholder={t('editor.contentPlaceholder')}
          spellCheck="true"
        />
        <p className="px-1 text-xs text-base-content/60">{t('editor.hint')}</p>
      </div>
    </div>
  );
}
