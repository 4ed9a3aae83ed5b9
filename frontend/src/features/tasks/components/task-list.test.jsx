import { describe, expect, it } from 'vitest';
import { http } from 'msw';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp, signIn } from '../../../test/render';
import { API, ok, server } from '../../../test/server';
import { makeUser } from '../../../test/fixtures';

const base = { progress: null, result: null, error: null, usage: { prompt_tokens: 120, completion_tokens: 30 },
  created_at: '2026-12-05T01:00:00Z', updated_at: '2026-12-05T01:00:00Z' };

describe('my AI tasks', () => {
  it('lists status, tokens and errors, and cancels a running task', async () => {
    let cancelled = null;
    const items = [
      { ...base, task_id: 'a', kind: 'extract_events', status: 'processing' },
      { ...base, task_id: 'b', kind: 'analyze', status: 'error', error: { errorCode: '4003', errorDetail: 'timeout' } },
      { ...base, task_id: 'c', kind: 'rewrite', status: 'interrupted' },
    ];
    server.use(
      http.get(`${API}/auth/me`, () => ok({ user: makeUser() })),
      http.get(`${API}/gpt/tasks`, () => ok({ items, total: 3, page: 1, page_size: 20 })),
      http.delete(`${API}/gpt/tasks/:id`, ({ params }) => {
        cancelled = params.id;
        items[0] = { ...items[0], status: 'cancelled' };
        return ok(items[0]);
      }),
    );
    signIn();
    const user = userEvent.setup();
    renderApp('/ai/tasks');
    const rows = await screen.findAllByTestId('ai-task');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent('Trích sự kiện');
    expect(rows[0]).toHaveTextContent('120 token vào, 30 token ra');
    expect(within(rows[1]).getByText('Lỗi')).toBeInTheDocument();
    expect(rows[2]).toHaveTextContent('Máy chủ đã dừng');
    await user.click(within(rows[0]).getByRole('button', { name: 'Huỷ việc Trích sự kiện' }));
    await waitFor(() => expect(cancelled).toBe('a'));
  });
});
