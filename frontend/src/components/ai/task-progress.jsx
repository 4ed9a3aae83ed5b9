import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { messageForCode } from '../../lib/api-client';
import { useCancelTask, useTask } from '../../lib/ai-tasks';

/**
 * Follows one task: a live status line with its progress and a Cancel button while it runs,
 * then what happened. `onCompleted(result, task)` is called once when it completes.
 */
export function TaskProgress({ taskId, onCompleted, label }) {
  const { t } = useTranslation();
  const { task, error, state } = useTask(taskId);
  const cancel = useCancelTask();
  const reported = useRef(null);

  useEffect(() => {
    if (state === 'completed' && task && reported.current !== taskId) {
      reported.current = taskId;
      onCompleted?.(task.result, task);
    }
  }, [state, task, taskId, onCompleted]);

  if (!taskId || state === 'completed') return null;
  const progress = task?.progress;
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm" role="status" aria-live="polite">
      {state === 'running' && (
        <>
          <span className="loading loading-spinner loading-sm" aria-hidden="true" />
          <span>
            {label ?? t('ai.task.running')}
            {progress?.total ? ` ${t('ai.task.progress', { done: progress.done, total: progress.total })}` : ''}
          </span>
          <button
            type="button"
            className="btn btn-ghost btn-xs"
            onClick={() => cancel.mutate(taskId)}
            disabled={cancel.isPending}
          >
            {t('ai.task.cancel')}
          </button>
        </>
      )}
      {state === 'failed' && (
        <span className="text-error">
          {task?.error ? messageForCode(task.error.errorCode) : error?.message ?? t('errors.unknown')}
        </span>
      )}
      {state === 'cancelled' && <span>{t('ai.task.cancelled')}</span>}
      {state === 'interrupted' && <span className="text-warning">{t('ai.task.interrupted')}</span>}
      {state === 'vanished' && <span className="text-warning">{t('ai.task.vanished')}</span>}
      {state === 'stalled' && <span className="text-warning">{t('ai.task.stalled')}</span>}
    </div>
  );
}
