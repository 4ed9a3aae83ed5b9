import { useState } from 'react';
import { useStartTask } from '../../../lib/ai-tasks';

/** A tool's task for one story: start it, remember its id, keep its result once completed. */
export function useStoryTask() {
  const [taskId, setTaskId] = useState(null);
  const [result, setResult] = useState(null);
  const start = useStartTask({ onSuccess: (started) => setTaskId(started.task_id) });
  return {
    taskId,
    result,
    start: (request) => { setResult(null); setTaskId(null); start.mutate(request); },
    starting: start.isPending,
    startError: start.isError ? start.error : null,
    completed: (value) => setResult(value),
  };
}
