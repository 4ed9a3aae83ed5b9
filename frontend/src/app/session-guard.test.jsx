import { describe, expect, it } from 'vitest';
import { delay, http } from 'msw';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { API, fail, ok, server } from '../test/server';
import { makeUser, makeWorld, page } from '../test/fixtures';
import { renderApp, signIn } from '../test/render';
import { getToken } from '../lib/auth-storage';

/** Every location the router settles on, in order (one entry per navigation). */
function trackLocations(router) {
  const seen = [];
  router.subscribe((state) => {
    if (state.navigation.state !== 'idle') return;
    const here = `${state.location.pathname}${state.location.search}`;
    if (seen[seen.length - 1] !== here) seen.push(here);
  });
  return seen;
}

describe('a session the API ends', () => {
  it('two requests failing with 1002 together: one toast, one trip to sign-in with next, no 404', async () => {
    let answered = 0;
    server.use(
      http.get(`${API}/auth/me`, async () => { await delay(30); answered += 1; return fail('1002', 401); }),
      http.get(`${API}/worlds/w1`, async () => { await delay(30); answered += 1; return fail('1002', 401); }),
      http.get(`${API}/worlds/w1/stories`, async () => { await delay(30); answered += 1; return fail('1002', 401); }),
    );
    signIn('revoked');
    const { router } = renderApp('/worlds/w1?tab=x');
    const locations = trackLocations(router);

    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'));
    await waitFor(() => expect(answered).toBeGreaterThanOrEqual(2));
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent('/worlds/w1?tab=x')}`);
    expect(await screen.findByText('Phiên đăng nhập đã kết thúc — vui lòng đăng nhập lại')).toBeInTheDocument();
    await screen.findByRole('heading', { name: 'Đăng nhập' });
    expect(screen.getAllByTestId('toast')).toHaveLength(1);
    expect(locations.filter((l) => l.startsWith('/sign-in'))).toHaveLength(1);
    expect(screen.queryByTestId('not-found')).not.toBeInTheDocument();
    expect(getToken()).toBeNull();
  });

  it('a ban (1005) says so, and signing in again leads back to the page', async () => {
    const world = makeWorld({ world_id: 'w2', name: 'Avalon' });
    let banned = true;
    server.use(
      http.get(`${API}/auth/me`, () => (banned ? fail('1005', 403) : ok({ user: makeUser() }))),
      http.get(`${API}/worlds/w2`, () => (banned ? fail('1005', 403) : ok({ world }))),
      http.get(`${API}/worlds/w2/stories`, () => ok(page([]))),
      http.post(`${API}/auth/login`, () => ok({ user: makeUser(), token: 'fresh', expires_at: '2030-01-01T00:00:00Z' })),
    );
    signIn('old');
    const user = userEvent.setup();
    const { router } = renderApp('/worlds/w2');

    expect(await screen.findByText('Tài khoản của bạn đã bị cấm nên bạn đã bị đăng xuất.')).toBeInTheDocument();
    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'));
    expect(screen.getAllByTestId('toast')).toHaveLength(1);

    banned = false;
    await user.type(await screen.findByLabelText('Tên đăng nhập hoặc email'), 'lan');
    await user.type(screen.getByLabelText('Mật khẩu'), 'correct-horse');
    await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect(await screen.findByRole('heading', { name: 'Avalon', level: 1 })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/worlds/w2');
  });

  it('an answer for an old token that arrives after signing in again changes nothing', async () => {
    server.use(http.get(`${API}/auth/me`, () => fail('1002', 401)));
    signIn('new-token');
    const { endSession } = await import('../lib/session');
    expect(endSession('old-token', '1002')).toBe(false);
    expect(getToken()).toBe('new-token');
  });
});

describe('sign-in with a next that is not a page of the app', () => {
  it('ignores /%5Cevil.example/ and opens the dashboard', async () => {
    server.use(
      http.post(`${API}/auth/login`, () => ok({ user: makeUser({ display_name: 'Lan' }), token: 't', expires_at: '2030-01-01T00:00:00Z' })),
      http.get(`${API}/auth/me`, () => ok({ user: makeUser({ display_name: 'Lan' }) })),
      http.get(`${API}/worlds`, () => ok(page([]))),
      http.get(`${API}/stories`, () => ok(page([]))),
    );
    const user = userEvent.setup();
    const { router } = renderApp('/sign-in?next=/%5Cevil.example/');
    await user.type(await screen.findByLabelText('Tên đăng nhập hoặc email'), 'lan');
    await user.type(screen.getByLabelText('Mật khẩu'), 'correct-horse');
    await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect(await screen.findByRole('heading', { name: 'Xin chào, Lan' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
  });
});
