import { describe, expect, it } from 'vitest';
import { POLL_CAP_MS, pollDelay, taskState } from './ai-tasks';

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
    expect(taskState({ taskId: 't', error: { isNotFound: true }, elapsedMs: 0 })).toBe('vanished');
    expect(taskState({ taskId: 't', error: { isNotFound: false }, elapsedMs: 0 })).toBe('failed');
  });
});
