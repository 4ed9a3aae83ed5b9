import { describe, expect, it } from 'vitest';
import { http } from 'msw';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { API, fail, ok, server } from '../../../test/server';
import { makeUser, page } from '../../../test/fixtures';
import { renderApp } from '../../../test/render';
import { getToken } from '../../../lib/auth-storage';

function signedInHandlers(user = makeUser()) {
  return [
    http.get(`${API}/auth/me`, () => ok({ user })),
    http.get(`${API}/worlds`, () => ok(page([]))),
    http.get(`${API}/stories`, () => ok(page([]))),
  ];
}

describe('sign in', () => {
  it('checks the fields before calling the API', async () => {
    let called = false;
    server.use(http.post(`${API}/auth/login`, () => { called = true; return ok({}); }));
    const user = userEvent.setup();
    renderApp('/sign-in');

    await user.click(await screen.findByRole('button', { name: 'Đăng nhập' }));

    expect(screen.getByLabelText('Tên đăng nhập hoặc email')).toHaveAccessibleDescription('Vui lòng điền mục này.');
    expect(screen.getByLabelText('Mật khẩu')).toHaveAccessibleDescription('Vui lòng điền mục này.');
    expect(called).toBe(false);
  });

  it('shows the API field errors next to each field', async () => {
    server.use(http.post(`${API}/auth/login`, () => fail('2001', 400, { fields: { password: 'String should have at least 1 character' } })));
    const user = userEvent.setup();
    renderApp('/sign-in');

    await user.type(await screen.findByLabelText('Tên đăng nhập hoặc email'), 'lan');
    await user.type(screen.getByLabelText('Mật khẩu'), 'x');
    await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));

    const password = screen.getByLabelText('Mật khẩu');
    await waitFor(() => expect(password).toHaveAttribute('aria-invalid', 'true'));
    expect(password).toHaveAccessibleDescription('Mật khẩu cần ít nhất 8 ký tự.');
    expect(screen.getByLabelText('Tên đăng nhập hoặc email')).not.toHaveAttribute('aria-invalid');
  });

  it('says the credentials are wrong on 1003 and stays signed out', async () => {
    server.use(http.post(`${API}/auth/login`, () => fail('1003', 401)));
    const user = userEvent.setup();
    renderApp('/sign-in');

    await user.type(await screen.findByLabelText('Tên đăng nhập hoặc email'), 'lan');
    await user.type(screen.getByLabelText('Mật khẩu'), 'wrong-password');
    await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Tên đăng nhập/email hoặc mật khẩu không đúng.');
    expect(getToken()).toBeNull();
  });

  it('stores the token and goes where the user was heading', async () => {
    let body;
    server.use(
      http.post(`${API}/auth/login`, async ({ request }) => {
        body = await request.json();
        return ok({ user: makeUser(), token: 'fresh-token', expires_at: '2030-01-01T00:00:00Z' });
      }),
      ...signedInHandlers(),
    );
    const user = userEvent.setup();
    const { router } = renderApp('/profile');

    // /profile needs an account: the visitor is sent to sign in first.
    await user.type(await screen.findByLabelText('Tên đăng nhập hoặc email'), 'lan@example.com');
    await user.type(screen.getByLabelText('Mật khẩu'), 'password123');
    await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));

    expect(await screen.findByRole('heading', { name: 'Hồ sơ', level: 1 })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/profile');
    expect(window.localStorage.getItem('storyloom.token')).toBe('fresh-token');
    expect(body).toEqual({ email: 'lan@example.com', password: 'password123' });
    await waitFor(() => expect(document.title).toBe('Hồ sơ · Storyloom'));
  });
});

describe('sign up', () => {
  it('checks username, email and password on the client', async () => {
    let called = false;
    server.use(http.post(`${API}/auth/register`, () => { called = true; return ok({}); }));
    const user = userEvent.setup();
    renderApp('/sign-up');

    await user.type(await screen.findByLabelText('Tên đăng nhập'), 'lan nguyen');
    await user.type(screen.getByLabelText('Email'), 'not-an-email');
    await user.type(screen.getByLabelText('Mật khẩu'), 'short');
    await user.click(screen.getByRole('button', { name: 'Đăng ký' }));

    expect(screen.getByLabelText('Tên đăng nhập')).toHaveAccessibleDescription('Chỉ dùng chữ cái không dấu, chữ số và các dấu _ . -');
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Email không hợp lệ.');
    expect(screen.getByLabelText('Mật khẩu')).toHaveAccessibleDescription('Mật khẩu cần ít nhất 8 ký tự.');
    expect(called).toBe(false);
  });

  it('shows a taken username on the username field', async () => {
    server.use(http.post(`${API}/auth/register`, () => fail('3002', 409, { fields: { username: 'already taken' } })));
    const user = userEvent.setup();
    renderApp('/sign-up');

    await user.type(await screen.findByLabelText('Tên đăng nhập'), 'lan');
    await user.type(screen.getByLabelText('Email'), 'lan@example.com');
    await user.type(screen.getByLabelText('Mật khẩu'), 'password123');
    await user.click(screen.getByRole('button', { name: 'Đăng ký' }));

    await waitFor(() => expect(screen.getByLabelText('Tên đăng nhập')).toHaveAccessibleDescription('Tên đăng nhập này đã có người dùng.'));
    expect(screen.getByLabelText('Email')).not.toHaveAttribute('aria-invalid');
  });

  it('signs the new user in and opens the dashboard', async () => {
    server.use(
      http.post(`${API}/auth/register`, () => ok({ user: makeUser({ display_name: 'Minh Anh' }), token: 't-new' }, 201)),
      ...signedInHandlers(makeUser({ display_name: 'Minh Anh' })),
    );
    const user = userEvent.setup();
    renderApp('/sign-up');

    await user.type(await screen.findByLabelText('Tên đăng nhập'), 'minh_anh');
    await user.type(screen.getByLabelText('Email'), 'minh@example.com');
    await user.type(screen.getByLabelText('Mật khẩu'), 'password123');
    await user.click(screen.getByRole('button', { name: 'Đăng ký' }));

    expect(await screen.findByRole('heading', { name: 'Xin chào, Minh Anh' })).toBeInTheDocument();
    expect(getToken()).toBe('t-new');
  });
});

describe('session', () => {
  it('signs out when the API says the token expired, and tells the user', async () => {
    server.use(
      http.get(`${API}/auth/me`, () => fail('1002', 401)),
      http.get(`${API}/worlds`, () => fail('1002', 401)),
      http.get(`${API}/stories`, () => fail('1002', 401)),
    );
    window.localStorage.setItem('storyloom.token', 'expired');
    const { __resetTokenForTests } = await import('../../../lib/auth-storage');
    __resetTokenForTests();
    const { router } = renderApp('/');

    expect(await screen.findByText('Phiên đăng nhập đã kết thúc — vui lòng đăng nhập lại')).toBeInTheDocument();
    expect(getToken()).toBeNull();
    // Signed out, they are asked to sign in again, and come back here afterwards.
    expect(await screen.findByRole('heading', { name: 'Đăng nhập' })).toBeInTheDocument();
    expect(`${router.state.location.pathname}${router.state.location.search}`).toBe('/sign-in?next=%2F');
  });

  it('signs out from the account menu', async () => {
    let loggedOut = false;
    server.use(...signedInHandlers(), http.post(`${API}/auth/logout`, () => { loggedOut = true; return ok({}); }));
    window.localStorage.setItem('storyloom.token', 'tok');
    const { __resetTokenForTests } = await import('../../../lib/auth-storage');
    __resetTokenForTests();
    const user = userEvent.setup();
    renderApp('/');

    await user.click(await screen.findByRole('button', { name: 'Tài khoản Lan' }));
    await user.click(screen.getByRole('button', { name: 'Đăng xuất' }));

    expect(await screen.findByText('Bạn đã đăng xuất.')).toBeInTheDocument();
    expect(loggedOut).toBe(true);
    expect(getToken()).toBeNull();
    expect(screen.getAllByRole('link', { name: 'Đăng nhập' }).length).toBeGreaterThan(0);
  });
});
