/**
 * The AI tasks of API.md §5: starting one answers {task_id, poll_url} at once; the task is then
 * followed by id (useTask, the one polling hook), listed, or cancelled. Shared by every feature
 * that starts AI work, like the API client itself.
 */
import { useEffect, useRef } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './api-client';

export const TERMINAL = ['completed', 'error', 'cancelled', 'interrupted'];
export const taskKey = (taskId) => ['ai', 'task', taskId];
export const taskListKey = (page) => ['ai', 'tasks', page];

/** Start a task: POST to the route (under /api) with the body; answers {task_id, status}. */
export async function startTask({ path, body, params }) {
  return api.post(path, body ?? {}, { params });
}

export async function getTask(taskId, signal) {
  return api.get(`/gpt/results/${encodeURIComponent(taskId)}`, { signal });
}

export async function cancelTask(taskId) {
  return api.delete(`/gpt/tasks/${encodeURIComponent(taskId)}`);
}

export function useStartTask(options = {}) {
  return useMutation({ mutationFn: startTask, ...options });
}

export function useCancelTask(options = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelTask,
    ...options,
    onSuccess: (task, ...rest) => {
      queryClient.setQueryData(taskKey(task.task_id), task);
      queryClient.invalidateQueries({ queryKey: ['ai', 'tasks'] });
      options.onSuccess?.(task, ...rest);
    },
  });
}

export function useTaskList(page) {
  return useQuery({
    queryKey: taskListKey(page),
    queryFn: ({ signal }) => api.get('/gpt/tasks', { params: { page, page_size: 20 }, signal }),
    refetchInterval: (query) => (query.state.data?.items?.some((t) => !TERMINAL.includes(t.status)) ? 2000 : false),
  });
}

/** Whether this server has an AI provider (GET /api/health, ai.configured). */
export function useAiStatus() {
  const query = useQuery({
    queryKey: ['ai', 'status'],
    queryFn: ({ signal }) => api.get('/health', { signal }),
    staleTime: 60_000,
  });
  return { configured: Boolean(query.data?.ai?.configured), model: query.data?.ai?.model ?? null, isPending: query.isPending };
}

// Following one task: useTask(taskId) polls GET /gpt/results/<id> (often at first, then
// less), stops on a terminal status, gives up after a cap with a "stalled" state, and turns a
// vanished task (3003) or an interrupted one into a state the UI explains: never an endless
// spinner. Unmounting stops the polling.

export const POLL_CAP_MS = 10 * 60 * 1000;

/** How long to wait before the next poll, by how long the task has been followed. */
export function pollDelay(elapsedMs) {
  if (elapsedMs < 10_000) return 700;
  if (elapsedMs < 60_000) return 1500;
  return 3000;
}

/**
 * The state of a followed task: idle (no id), running, completed, failed, cancelled,
 * interrupted, vanished (the server no longer has it, or it is not yours) or stalled (still
 * running when the cap was reached).
 */
/** A poll that failed for a reason that may pass (a 5xx, a lost connection): keep polling. */
export function transient(error) {
  return Boolean(error) && !(error.status >= 400 && error.status < 500);
}

export function taskState({ taskId, task, error, elapsedMs }) {
  if (!taskId) return 'idle';
  if (error && !transient(error)) return error.isNotFound ? 'vanished' : 'failed';
  if (error && elapsedMs >= POLL_CAP_MS) return 'stalled';
  if (!task) return 'running';
  if (task.status === 'completed') return 'completed';
  if (task.status === 'error') return 'failed';
  if (task.status === 'cancelled' || task.status === 'interrupted') return task.status;
  return elapsedMs >= POLL_CAP_MS ? 'stalled' : 'running';
}

export function useTask(taskId, { now = Date.now } = {}) {
  const started = useRef({ id: null, at: 0 });
  if (started.current.id !== taskId) started.current = { id: taskId, at: now() };
  const elapsed = () => now() - started.current.at;
  const query = useQuery({
    queryKey: taskKey(taskId),
    queryFn: ({ signal }) => getTask(taskId, signal),
    enabled: Boolean(taskId),
    retry: (count, error) => !error?.isNotFound && count < 2,
    refetchInterval: (q) => {
      const task = q.state.data;
      if ((q.state.error && !transient(q.state.error)) || (task && TERMINAL.includes(task.status))) return false;
      const spent = elapsed();
      return spent >= POLL_CAP_MS ? false : pollDelay(spent);
    },
    refetchIntervalInBackground: true,
  });
  const state = taskState({ taskId, task: query.data, error: query.error, elapsedMs: elapsed() });
  // A cap reached while nothing re-renders still has to show: one timer at the cap.
  const { refetch } = query;
  useEffect(() => {
    if (!taskId) return undefined;
    const timer = setTimeout(() => refetch(), Math.max(0, POLL_CAP_MS - elapsed() + 50));
    return () => clearTimeout(timer);
  }, [taskId, refetch]); // eslint-disable-line react-hooks/exhaustive-deps
  return { task: query.data ?? null, error: query.error ?? null, state, refetch };
}
