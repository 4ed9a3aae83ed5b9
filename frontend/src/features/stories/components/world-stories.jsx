import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useWorldStories } from '../api/get-world-stories';
import { useReorderStories } from '../api/reorder-stories';
import { NewStoryForm } from './new-story-form';
import { BatchAnalysis } from './batch-analysis';
import { VisibilityBadge } from '../../../components/ui/visibility-badge';
import { LoadingState } from '../../../components/ui/loading-state';
import { ErrorState, FormError } from '../../../components/ui/error-state';
import { EmptyState } from '../../../components/ui/empty-state';
import { formatNumber } from '../../../lib/format';

function move(list, from, to) {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

/**
 * A world's stories in reading order. Whoever may edit can reorder them by dragging,
 * with the ↑/↓ buttons, or with the arrow keys on an item's handle; each move is saved.
 */
export function WorldStories({ worldId, canEdit, onCreated }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const query = useWorldStories(worldId);
  const reorder = useReorderStories();
  const [dragId, setDragId] = useState(null);
  const [overIndex, setOverIndex] = useState(null);
  const [announcement, setAnnouncement] = useState('');
  const [creating, setCreating] = useState(false);
  const handles = useRef(new Map());

  const stories = query.data ?? [];

  const commit = (from, to, { focus = false } = {}) => {
    if (from === to || to < 0 || to >= stories.length) return;
    const next = move(stories, from, to);
    reorder.mutate({ worldId, storyIds: next.map((story) => story.story_id) });
    setAnnouncement(t('stories.reorder.moved', { title: stories[from].title, position: to + 1, total: stories.length }));
    if (focus) {
      const id = stories[from].story_id;
      requestAnimationFrame(() => handles.current.get(id)?.focus());
    }
  };

  const onHandleKey = (event, index) => {
    if (event.key === 'ArrowUp') {
      event.preventDefault();
      commit(index, index - 1, { focus: true });
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      commit(index, index + 1, { focus: true });
    } else if (event.key === 'Home') {
      event.preventDefault();
      commit(index, 0, { focus: true });
    } else if (event.key === 'End') {
      event.preventDefault();
      commit(index, stories.length - 1, { focus: true });
    }
  };

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={headingId} className="text-xl font-bold">{t('stories.title')}</h2>
        {canEdit && !creating && (
          <button type="button" className="btn btn-primary btn-sm" onClick={() => setCreating(true)}>
            <span aria-hidden="true">+</span> {t('stories.new')}
          </button>
        )}
      </div>

      {creating && (
        <NewStoryForm worldId={worldId} onCancel={() => setCreating(false)} onCreated={(story) => { setCreating(false); onCreated?.(story); }} />
      )}

      {canEdit && stories.length > 0 && <BatchAnalysis worldId={worldId} stories={stories} />}

      <p aria-live="assertive" className="sr-only">{announcement}</p>
      {reorder.isError && <FormError error={reorder.error} />}

      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={query.refetch} />
      ) : stories.length === 0 ? (
        <EmptyState
          title={t('stories.empty.title')}
          description={canEdit ? t('stories.empty.editable') : t('stories.empty.readonly')}
          icon="✎"
        />
      ) : (
        <>
          {canEdit && stories.length > 1 && <p id={`${headingId}-help`} className="text-xs text-base-content/60">{t('stories.reorder.help')}</p>}
          <ol className="flex flex-col gap-2" aria-describedby={canEdit ? `${headingId}-help` : undefined}>
            {stories.map((story, index) => (
              <li
                key={story.story_id}
                data-testid="story-item"
                draggable={canEdit}
                onDragStart={(event) => {
                  setDragId(story.story_id);
                  event.dataTransfer.effectAllowed = 'move';
                  event.dataTransfer.setData('text/plain', story.story_id);
                }}
                onDragOver={(event) => {
                  if (!dragId) return;
                  event.preventDefault();
                  setOverIndex(index);
                }}
                onDrop={(event) => {
                  event.preventDefault();
                  const from = stories.findIndex((s) => s.story_id === dragId);
                  setDragId(null);
                  setOverIndex(null);
                  if (from >= 0) commit(from, index);
                }}
                onDragEnd={() => { setDragId(null); setOverIndex(null); }}
                className={`group flex items-start gap-3 rounded-box border bg-base-100 p-3 transition sm:p-4 ${
                  overIndex === index && dragId && dragId !== story.story_id ? 'border-primary ring-2 ring-primary/30' : 'border-base-300'
                } ${dragId === story.story_id ? 'opacity-50' : ''}`}
              >
                {canEdit ? (
                  <button
                    type="button"
                    ref={(node) => { if (node) handles.current.set(story.story_id, node); else handles.current.delete(story.story_id); }}
                    className="btn btn-ghost btn-sm btn-square mt-0.5 cursor-grab text-base-content/60"
                    aria-label={t('stories.reorder.handle', { title: story.title, position: index + 1, total: stories.length })}
                    onKeyDown={(event) => onHandleKey(event, index)}
                  >
                    <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
                      <circle cx="7" cy="5" r="1.5" /><circle cx="13" cy="5" r="1.5" /><circle cx="7" cy="10" r="1.5" /><circle cx="13" cy="10" r="1.5" /><circle cx="7" cy="15" r="1.5" /><circle cx="13" cy="15" r="1.5" />
                    </svg>
                  </button>
                ) : null}
                <span className="mt-1 w-6 shrink-0 text-right font-mono text-sm text-base-content/60" aria-hidden="true">{index + 1}.</span>
                <div className="min-w-0 flex-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <Link to={`/stories/${story.story_id}`} className="link link-hover font-semibold">{story.title || t('stories.untitled')}</Link>
                    <VisibilityBadge visibility={story.visibility} />
                  </div>
                  {story.excerpt && <p className="mt-1 line-clamp-2 text-sm text-base-content/70">{story.excerpt}</p>}
                  <p className="mt-1 text-xs text-base-content/60">
                    {t('editor.words', { count: story.word_count ?? 0, formatted: formatNumber(story.word_count ?? 0, i18n.language) })}
                  </p>
                </div>
                {canEdit && (
                  <div className="flex shrink-0 flex-col gap-1 sm:flex-row">
                    <button
                      type="button"
                      className="btn btn-ghost btn-xs btn-square"
                      onClick={() => commit(index, index - 1)}
                      disabled={index === 0 || reorder.isPending}
                      aria-label={t('stories.reorder.up', { title: story.title })}
                    >
                      <span aria-hidden="true">↑</span>
                    </button>
                    <button
                      type="button"
                      className="btn btn-ghost btn-xs btn-square"
                      onClick={() => commit(index, index + 1)}
                      disabled={index === stories.length - 1 || reorder.isPending}
                      aria-label={t('stories.reorder.down', { title: story.title })}
                    >
                      <span aria-hidden="true">↓</span>
                    </button>
                    <Link to={`/stories/${story.story_id}/edit`} className="btn btn-ghost btn-xs" aria-label={t('stories.editNamed', { title: story.title })}>
                      {t('stories.edit')}
                    </Link>
                  </div>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
