import { describe, expect, it } from 'vitest';
import { POLL_CAP_MS, pollDelay, taskState, transient } from './ai-tasks';

describe('following an AI task', () => {
  it('polls often at first, then less', () => {
    expect(pollDelay(0)).toBe(700);
    expect(pollDelay(15_000)).toBe(1500);
    expect(pollDelay(120_000)).toBe(3000);
  });

  it('names every way a task can end, and never spins past the cap', () => {
    const task = (status) => ({ status });
    expect(taskState({ taskId: null })).toBe('idle');
    expect(taskState({ taskId: 't', task: null, elapsedMs: 0 })).toBe('running');
    expect(taskState({ taskId: 't', task: task('processing'), elapsedMs: 1000 })).toBe('running');
    expect(taskState({ taskId: 't', task: task('processing'), elapsedMs: POLL_CAP_MS })).toBe('stalled');
    expect(taskState({ taskId: 't', task: task('completed'), elapsedMs: 0 })).toBe('completed');
    expect(taskState({ taskId: 't', task: task('error'), elapsedMs: 0 })).toBe('failed');
    expect(taskState({ taskId: 't', task: task('cancelled'), elapsedMs: 0 })).toBe('cancelled');
    expect(taskState({ taskId: 't', task: task('interrupted'), elapsedMs: 0 })).toBe('interrupted');
    expect(taskState({ taskId: 't', error: { isNotFound: true, status: 404 }, elapsedMs: 0 })).toBe('vanished');
    expect(taskState({ taskId: 't', error: { isNotFound: false, status: 403 }, elapsedMs: 0 })).toBe('failed');
  });

  it('keeps polling through a server error or a lost connection', () => {
    expect(transient({ status: 503 })).toBe(true);
    expect(transient({ status: undefined })).toBe(true);
    expect(transient({ status: 404 })).toBe(false);
    expect(taskState({ taskId: 't', task: { status: 'processing' }, error: { status: 502 }, elapsedMs: 1000 })).toBe('running');
    expect(taskState({ taskId: 't', error: { status: 502 }, elapsedMs: POLL_CAP_MS })).toBe('stalled');
  });
});
