import { describe, expect, it } from 'vitest';
import { http } from 'msw';
import { screen, within } from '@testing-library/react';
import { API, ok, server } from '../../../test/server';
import { makeStory, makeUser, makeWorld, page } from '../../../test/fixtures';
import { renderApp, signIn } from '../../../test/render';

function dashboardApi(user, worlds = [], stories = [], shared = []) {
  const seen = [];
  server.use(
    http.get(`${API}/auth/me`, () => ok({ user })),
    http.get(`${API}/worlds`, ({ request }) => {
      const params = Object.fromEntries(new URL(request.url).searchParams);
      seen.push(params);
      return ok(page(params.scope === 'shared' ? shared : worlds));
    }),
    http.get(`${API}/stories`, ({ request }) => {
      seen.push(Object.fromEntries(new URL(request.url).searchParams));
      return ok(page(stories));
    }),
  );
  return seen;
}

describe('dashboard', () => {
  it('shows my worlds, my recent stories and my quotas', async () => {
    const seen = dashboardApi(
      makeUser(),
      [makeWorld({ world_id: 'w1', name: 'Avalon', counts: { stories: 2, entities: 0, locations: 0, events: 0 } })],
      [makeStory({ story_id: 's1', title: 'Chương một', world_name: 'Avalon' })],
    );
    signIn();
    renderApp('/');

    expect(await screen.findByRole('heading', { name: 'Xin chào, Lan' })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Avalon' })).toHaveAttribute('href', '/worlds/w1');
    expect(screen.getByText('Kỳ ảo · 2 truyện')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Chương một' })).toHaveAttribute('href', '/stories/s1');

    const quotas = screen.getByRole('region', { name: 'Hạn mức của tôi' });
    expect(within(quotas).getByText('1 / 3')).toBeInTheDocument();
    expect(within(quotas).getByRole('progressbar', { name: 'Thế giới công khai' })).toHaveAttribute('value', '1');
    expect(within(quotas).getByText('2 · không giới hạn')).toBeInTheDocument();
    expect(seen).toEqual(expect.arrayContaining([
      expect.objectContaining({ scope: 'mine' }),
      expect.objectContaining({ scope: 'mine', page_size: '5' }),
    ]));
  });

  it('shows the worlds shared with me beside my own, with their owner and my role', async () => {
    dashboardApi(
      makeUser(),
      [makeWorld({ world_id: 'w1', name: 'Avalon' })],
      [],
      [makeWorld({ world_id: 'w9', name: 'Lạc Việt', owner_username: 'minh', my_role: 'editor', owner_id: 'user_9' })],
    );
    signIn();
    renderApp('/');

    const shared = await screen.findByRole('region', { name: 'Được chia sẻ với bạn' });
    expect(within(shared).getByRole('link', { name: 'Lạc Việt' })).toHaveAttribute('href', '/worlds/w9');
    expect(within(shared).getByText('Chủ sở hữu: minh')).toBeInTheDocument();
    expect(within(shared).getByText('Biên tập')).toBeInTheDocument();
    expect(within(shared).queryByRole('link', { name: 'Avalon' })).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Thế giới của tôi' })).toHaveTextContent('Avalon');
  });

  it('invites a new user to create a first world', async () => {
    dashboardApi(makeUser());
    signIn();
    renderApp('/');
    expect(await screen.findByText('Bạn chưa có thế giới nào')).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: 'Tạo thế giới' }).length).toBeGreaterThan(0);
  });

  it('offers a guest (read-only role) nothing to create', async () => {
    dashboardApi(makeUser({ role: 'guest' }));
    signIn();
    renderApp('/');
    expect(await screen.findByText('Bạn chưa có thế giới nào')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Tạo thế giới' })).not.toBeInTheDocument();
  });
});
