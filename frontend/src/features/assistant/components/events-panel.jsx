import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TaskProgress } from '../../../components/ai/task-progress';
import { startErrorMessage } from '../../../components/ai/start-error';
import { queryRoots } from '../../../lib/query-keys';
import { useStoryTask } from './use-story-task';

/** "Put its events on the timeline": the events the assistant placed, with their dates. */
export function EventsPanel({ story }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const task = useStoryTask();
  const completed = (result) => {
    queryClient.invalidateQueries({ queryKey: queryRoots.timeline(story.world_id) });
    task.completed(result);
  };
  const start = (force) => task.start({
    path: `/stories/${encodeURIComponent(story.story_id)}/events/extract`, params: force ? { force: 'true' } : undefined,
  });
  const result = task.result;
  return (
    <section className="flex flex-col gap-3" aria-labelledby="ai-events-heading">
      <div className="flex flex-wrap items-center gap-3">
        <h3 id="ai-events-heading" className="font-semibold">{t('assistant.events.title')}</h3>
        <button type="button" className="btn btn-outline btn-sm" disabled={task.starting} onClick={() => start(false)}>
          {t('assistant.events.start')}
        </button>
      </div>
      {task.startError && <p role="alert" className="text-sm text-error">{startErrorMessage(task.startError)}</p>}
      <TaskProgress taskId={result ? null : task.taskId} onCompleted={completed} label={t('assistant.events.running')} />
      {result && (
        <div className="flex flex-col gap-2">
          <p className="text-sm">
            {result.cached ? t('assistant.events.cached', { count: result.events.length }) : t('assistant.events.placed', { count: result.created })}{' '}
            <Link className="link" to={`/worlds/${story.world_id}/timeline`}>{t('assistant.events.open')}</Link>
          </p>
          <ul className="flex flex-col gap-1 text-sm">
            {result.events.map((event) => (
              <li key={event.event_id} className="break-words">
                <span className="font-medium">{event.title}</span>
                {' — '}{event.date_label || t('assistant.events.undated')}
                {event.quote && <span className="italic text-base-content/70">{' '}“{event.quote}”</span>}
              </li>
            ))}
          </ul>
          {(result.dropped > 0 || result.undated > 0) && (
            <p className="text-xs text-base-content/70">{t('assistant.events.leftOut', { dropped: result.dropped, undated: result.undated })}</p>
          )}
          {result.cached && (
            <div><button type="button" className="btn btn-ghost btn-xs" onClick={() => start(true)}>{t('assistant.events.again')}</button></div>
          )}
        </div>
      )}
    </section>
  );
}
