import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAiStatus, useStartTask } from '../../lib/ai-tasks';
import { startErrorMessage } from './start-error';
import { TaskProgress } from './task-progress';

/**
 * "Write it with AI" for a description field: starts generate-description with `body()` and
 * hands the text to `onResult` when the task completes. Without AI on the server it shows why
 * instead of a button.
 */
export function AiDescribeButton({ body, onResult, label }) {
  const { t } = useTranslation();
  const { configured, isPending } = useAiStatus();
  const [taskId, setTaskId] = useState(null);
  const start = useStartTask({ onSuccess: (started) => setTaskId(started.task_id) });
  const completed = useCallback((result) => {
    setTaskId(null);
    onResult(result.description);
  }, [onResult]);

  if (isPending) return null;
  if (!configured) return <p className="text-xs text-base-content/70">{t('ai.notConfigured')}</p>;
  return (
    <div className="flex flex-col gap-2">
      <div>
        <button
          type="button"
          className="btn btn-outline btn-sm"
          disabled={start.isPending || Boolean(taskId)}
          onClick={() => { setTaskId(null); start.mutate({ path: '/gpt/generate-description', body: body() }); }}
        >
          {label ?? t('ai.describe')}
        </button>
      </div>
      {start.isError && <p role="alert" className="text-sm text-error">{startErrorMessage(start.error)}</p>}
      {taskId && <TaskProgress taskId={taskId} onCompleted={completed} label={t('ai.writing')} />}
    </div>
  );
}
