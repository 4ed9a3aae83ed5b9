import { useCallback, useState } from 'react';
import { useAiStatus, useStartTask } from '../../lib/ai-tasks';
import { startErrorMessage } from './start-error';
import { TaskProgress } from './task-progress';

/**
 * A button that starts one AI task (`request()` gives {path, body, params}), follows it, and
 * shows `summary(result)` when it completes. On a server without AI it shows `offNote` (or
 * nothing).
 */
export function AiTaskButton({ label, runningLabel, request, onCompleted, summary, offNote = null, disabled = false }) {
  const { configured, isPending } = useAiStatus();
  const [taskId, setTaskId] = useState(null);
  const [result, setResult] = useState(null);
  const start = useStartTask({ onSuccess: (started) => setTaskId(started.task_id) });
  const completed = useCallback((value) => {
    setTaskId(null);
    setResult(value);
    onCompleted?.(value);
  }, [onCompleted]);
  if (isPending) return null;
  if (!configured) return offNote ? <p className="text-xs text-base-content/70">{offNote}</p> : null;
  return (
    <div className="flex flex-col gap-2">
      <div>
        <button type="button" className="btn btn-outline btn-sm" disabled={disabled || start.isPending || Boolean(taskId)}
          onClick={() => { setResult(null); start.mutate(request()); }}>
          {label}
        </button>
      </div>
      {start.isError && <p role="alert" className="text-sm text-error">{startErrorMessage(start.error)}</p>}
      {taskId && <TaskProgress taskId={taskId} onCompleted={completed} label={runningLabel} />}
      {result && summary && <p role="status" className="text-sm">{summary(result)}</p>}
    </div>
  );
}
