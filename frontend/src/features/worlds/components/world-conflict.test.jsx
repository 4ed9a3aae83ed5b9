import { describe, expect, it } from 'vitest';
import { http } from 'msw';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { API, fail, ok, server } from '../../../test/server';
import { makeUser, makeWorld, page } from '../../../test/fixtures';
import { renderApp, signIn } from '../../../test/render';

describe('editing a world someone else changed meanwhile (3004)', () => {
  it('says so, and Reload keeps what was typed while taking their other fields; the next save is on their version', async () => {
    const mine = makeWorld({ world_id: 'w1', name: 'Avalon', description: 'Mists.', version: 3 });
    const theirs = { ...mine, name: 'Avalon Reborn', world_type: 'sci-fi', version: 4 };
    const bodies = [];
    server.use(
      http.get(`${API}/auth/me`, () => ok({ user: makeUser() })),
      http.get(`${API}/worlds/w1`, () => ok({ world: mine })),
      http.get(`${API}/worlds/w1/stories`, () => ok(page([]))),
      http.put(`${API}/worlds/w1`, async ({ request }) => {
        const body = await request.json();
        bodies.push(body);
        if (body.version !== 4) return fail('3004', 409, { current: theirs });
        return ok({ world: { ...theirs, ...body, version: 5 } });
      }),
    );
    signIn();
    const user = userEvent.setup();
    renderApp('/worlds/w1/edit');

    const description = await screen.findByLabelText('Mô tả');
    await user.clear(description);
    await user.type(description, 'Mists and apples.');
    await user.click(screen.getByRole('button', { name: 'Lưu thay đổi' }));

    const notice = await screen.findByTestId('conflict');
    expect(notice).toHaveTextContent('Người khác đã sửa thế giới này từ lúc bạn mở nó');
    expect(bodies[0]).toEqual({ description: 'Mists and apples.', version: 3 });
    // Nothing was lost while the notice shows.
    expect(screen.getByLabelText('Mô tả')).toHaveValue('Mists and apples.');

    await user.click(screen.getByRole('button', { name: 'Tải lại' }));
    expect(screen.getByLabelText('Mô tả')).toHaveValue('Mists and apples.');
    expect(screen.getByLabelText('Tên thế giới')).toHaveValue('Avalon Reborn');
    expect(screen.getByLabelText('Thể loại')).toHaveValue('sci-fi');
    expect(screen.queryByTestId('conflict')).not.toBeInTheDocument();
    expect(screen.getByText('Đã tải bản mới nhất, các thay đổi của bạn vẫn còn. Hãy xem lại rồi lưu.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Lưu thay đổi' }));
    await waitFor(() => expect(bodies).toHaveLength(2));
    expect(bodies[1]).toEqual({ description: 'Mists and apples.', version: 4 });
  });
});
