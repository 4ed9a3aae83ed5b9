/**
 * Writing a story: title and Markdown text autosave with the version they were based on; a
 * conflict shows both texts and keeps the writer's until they choose; unsaved text is kept in
 * this browser; the world's names are highlighted and can be linked as they appear.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUpdateStory } from '../api/update-story';
import { useLinkEntities } from '../api/link-entities';
import { useSetStoryLinks } from '../api/clear-links';
import { useAutosave } from '../hooks/use-autosave';
import { clearDraft, draftOutcome, mergeBoth, readDraft, writeDraft } from '../lib/drafts';
import { compareWithLinks, namesInText, termsOf } from '../lib/found-names';
import { SaveStatus } from './save-status';
import { FormatToolbar } from './format-toolbar';
import { ConflictPanel } from './conflict-panel';
import { NamesPanel } from './names-panel';
import { RewritePanel } from './rewrite-panel';
import MarkdownEditor from './markdown-editor';
import { countWords, formatDate, formatNumber } from '../../../lib/format';
import { errorMessage } from '../../../lib/api-client';
import { serverFieldMessage } from '../../../lib/field-errors';
import { useToast } from '../../../components/ui/toast';
import { FormError } from '../../../components/ui/error-state';

const VISIBILITIES = ['draft', 'private', 'public'];
const NONE = [];
const DRAFT_DELAY_MS = 400;
const NAMES_DELAY_MS = 500;
// Below this length the word count follows every key; above it, each pause in typing.
const INSTANT_COUNT_CHARS = 20_000;
const COUNT_DELAY_MS = 300;

/** Calls `run` once `delay` ms have passed without another call; `flush` runs it now. */
function useDebounced(run, delay) {
  const timer = useRef(null);
  const runRef = useRef(run);
  runRef.current = run;
  const schedule = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => runRef.current(), delay);
  }, [delay]);
  useEffect(() => () => clearTimeout(timer.current), []);
  return schedule;
}

export function StoryEditor({ story, actions, entities = NONE, locations = NONE }) {
  const { t, i18n } = useTranslation();
  const { notify } = useToast();
  const titleId = useId();
  const contentLabelId = useId();
  const hintId = useId();
  const visibilityId = useId();
  const editorRef = useRef(null);

  // A kept draft decides where the editor starts: the server's text, the draft, or a conflict.
  const [opening] = useState(() => {
    const draft = readDraft(story.story_id);
    return { draft, outcome: draftOutcome(draft, story) };
  });
  const startDoc = opening.outcome === 'none' ? story.content ?? '' : opening.draft.content;
  const [title, setTitle] = useState(opening.outcome === 'none' ? story.title ?? '' : opening.draft.title);
  const doc = useRef(null);
  const readContent = useCallback(() => (doc.current ? doc.current.toString() : startDoc), [startDoc]);

  const update = useUpdateStory();
  const autosave = useAutosave({
    initial: { title: story.title ?? '', content: story.content ?? '' },
    version: story.version,
    save: (changes, version) => {
      // A story needs a title: keep the old one on the server until a new one is typed.
      const body = { ...changes };
      if ('title' in body && !body.title.trim()) delete body.title;
      if (Object.keys(body).length === 0) return Promise.resolve(null);
      return update.mutateAsync({ storyId: story.story_id, changes: { ...body, version } });
    },
    onSaved: () => clearDraft(story.story_id),
  });
  const { change, status, error, conflict, savedAt, saveNow, rebase, hold, adopt, current, baseVersion } = autosave;

  const keepDraft = useDebounced(() => {
    writeDraft(story.story_id, { title: current().title, content: readContent(), baseVersion: baseVersion.current });
  }, DRAFT_DELAY_MS);

  const [words, setWords] = useState(() => countWords(startDoc));
  const recount = useDebounced(() => setWords(countWords(readContent())), COUNT_DELAY_MS);

  const terms = useMemo(() => termsOf(entities, locations), [entities, locations]);
  const [found, setFound] = useState(() => new Set());
  const refind = useDebounced(() => setFound(namesInText(readContent(), terms)), NAMES_DELAY_MS);
  useEffect(() => { setFound(namesInText(readContent(), terms)); }, [terms, readContent]);
  const linkedKeys = useMemo(() => new Set([
    ...(story.entity_ids ?? []).map((id) => `entity:${id}`),
    ...(story.location_ids ?? []).map((id) => `location:${id}`),
  ]), [story.entity_ids, story.location_ids]);
  const highlightTerms = useMemo(
    () => terms.map((term) => ({ ...term, linked: linkedKeys.has(term.key) })),
    [terms, linkedKeys],
  );
  const { toLink, toUnlink } = compareWithLinks(found, terms, story);

  const onDocChange = useCallback((text) => {
    doc.current = text;
    change('content', readContent);
    keepDraft();
    refind();
    if (text.length < INSTANT_COUNT_CHARS) setWords(countWords(text.toString()));
    else recount();
  }, [change, readContent, keepDraft, refind, recount]);

  const changeTitle = (value) => {
    setTitle(value);
    change('title', value);
    keepDraft();
  };

  // What the kept draft asked for, once the editor is on screen.
  const [restoredAt, setRestoredAt] = useState(null);
  useEffect(() => {
    if (opening.outcome === 'restore') {
      change('title', opening.draft.title);
      change('content', readContent);
      setRestoredAt(opening.draft.at);
    } else if (opening.outcome === 'conflict') {
      hold(story, { title: opening.draft.title, content: readContent });
    }
    // Only the first render's story and draft matter here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Leaving the editor (another page, or the session ended) keeps what the server lacks.
  const statusRef = useRef(status);
  statusRef.current = status;
  useEffect(() => {
    const keepUnsaved = () => {
      if (statusRef.current !== 'saved') {
        writeDraft(story.story_id, { title: current().title, content: readContent(), baseVersion: baseVersion.current });
      }
    };
    // A reload or a closed tab does not unmount React: keep the text when the page goes away.
    window.addEventListener('pagehide', keepUnsaved);
    return () => {
      window.removeEventListener('pagehide', keepUnsaved);
      keepUnsaved();
    };
  }, [story.story_id, current, readContent, baseVersion]);

  const server = conflict ? { title: conflict.title ?? '', content: conflict.content ?? '' } : null;
  const resolve = (choice) => {
    const mine = current();
    if (choice === 'theirs') {
      editorRef.current?.setDoc(server.content);
      setTitle(server.title);
      rebase(server, conflict.version, { title: server.title, content: readContent });
    } else if (choice === 'both') {
      editorRef.current?.setDoc(mergeBoth(mine.content, server.content));
      rebase(server, conflict.version, { title: mine.title, content: readContent });
    } else {
      rebase(server, conflict.version, { title: mine.title, content: readContent });
    }
    if (choice !== 'mine') {
      setWords(countWords(readContent()));
      setFound(namesInText(readContent(), terms));
    }
  };

  const [visibility, setVisibility] = useState(story.visibility);
  const visibilityUpdate = useUpdateStory();
  const visibilityError = visibilityUpdate.error
    ? serverFieldMessage('visibility', visibilityUpdate.error.fields?.visibility, 'storyVisibility') ?? errorMessage(visibilityUpdate.error)
    : null;
  const changeVisibility = (event) => {
    const next = event.target.value;
    const previous = visibility;
    setVisibility(next);
    visibilityUpdate.mutate(
      { storyId: story.story_id, changes: { visibility: next } },
      { onSuccess: adopt, onError: () => setVisibility(previous) },
    );
  };

  const link = useLinkEntities();
  const relink = useSetStoryLinks();
  const linkTerms = (list) => link.mutate({
    storyId: story.story_id,
    entityIds: list.filter((term) => term.kind === 'entity').map((term) => term.id),
    locationIds: list.filter((term) => term.kind === 'location').map((term) => term.id),
  }, { onSuccess: (result) => { adopt(result.story); notify(t('editor.names.linked')); } });
  const unlinkTerms = (list) => {
    const gone = new Set(list.map((term) => term.key));
    relink.mutate({
      storyId: story.story_id,
      entityIds: (story.entity_ids ?? []).filter((id) => !gone.has(`entity:${id}`)),
      locationIds: (story.location_ids ?? []).filter((id) => !gone.has(`location:${id}`)),
    }, { onSuccess: (saved) => { adopt(saved); notify(t('editor.names.unlinked')); } });
  };

  const titleMissing = !title.trim();
  const canLink = Boolean(story.permissions?.edit) && terms.length > 0;

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
      <h1 className="sr-only">{t('editor.heading', { title: title || story.title })}</h1>
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
        {conflict && (
          <ConflictPanel
            mine={current()}
            theirs={conflict}
            onKeepMine={() => resolve('mine')}
            onKeepTheirs={() => resolve('theirs')}
            onKeepBoth={() => resolve('both')}
          />
        )}
        {restoredAt && !conflict && (
          <div role="status" className="alert alert-info text-sm" data-testid="draft-restored">
            <span>{t('editor.restored', { time: formatDate(restoredAt, i18n.language, { timeStyle: 'short', dateStyle: 'short' }) })}</span>
            <button type="button" className="btn btn-ghost btn-xs" onClick={() => setRestoredAt(null)} aria-label={t('common.dismiss')}>
              <span aria-hidden="true">✕</span>
            </button>
          </div>
        )}

        <label htmlFor={titleId} className="sr-only">{t('editor.title')}</label>
        <input
          id={titleId}
          className="w-full rounded border-0 bg-transparent px-1 font-serif text-3xl font-bold leading-tight placeholder:text-base-content/60 focus:outline-none focus-visible:ring-2 focus-visible:ring-primary/40 sm:text-4xl"
          value={title}
          maxLength={200}
          onChange={(event) => changeTitle(event.target.value)}
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

        <FormatToolbar onFormat={(id) => editorRef.current?.run(id)} />
        <span id={contentLabelId} className="sr-only">{t('editor.content')}</span>
        <div className="rounded-box border border-base-300 bg-base-100 p-5 shadow-inner focus-within:border-primary focus-within:ring-2 focus-within:ring-primary/30 sm:p-8">
          <MarkdownEditor
            initialDoc={startDoc}
            onDocChange={onDocChange}
            terms={highlightTerms}
            labelledBy={contentLabelId}
            describedBy={hintId}
            placeholder={t('editor.contentPlaceholder')}
            editorRef={editorRef}
          />
        </div>
        <p id={hintId} className="px-1 text-xs text-base-content/70">{t('editor.hint')}</p>
        <RewritePanel storyId={story.story_id} editorRef={editorRef} />

        {canLink && (
          <NamesPanel toLink={toLink} toUnlink={toUnlink} onLink={linkTerms} onUnlink={unlinkTerms} busy={link.isPending || relink.isPending} />
        )}
        {link.isError && <FormError error={link.error} />}
        {relink.isError && <FormError error={relink.error} />}
      </div>
    </div>
  );
}
