import { describe, expect, it } from 'vitest';
import { http } from 'msw';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeAdminUser, makeUser, page } from '../../../test/fixtures';
import { renderApp, signIn } from '../../../test/render';
import { API, fail, ok, server } from '../../../test/server';

const admin = makeAdminUser({ user_id: 'u-admin', username: 'root', display_name: 'Root', role: 'admin' });
const moderator = makeAdminUser({ user_id: 'u-mod', username: 'mod', display_name: 'Mod', role: 'moderator' });
const writer = makeAdminUser({ user_id: 'u-lan', username: 'lan', display_name: 'Lan', role: 'user' });
const banned = makeAdminUser({ user_id: 'u-spam', username: 'spam', display_name: 'Spam', role: 'user', banned: true, ban_reason: 'quảng cáo' });
const otherAdmin = makeAdminUser({ user_id: 'u-boss', username: 'boss', display_name: 'Boss', role: 'admin' });

function setup(me) {
  const state = { users: [admin, moderator, writer, banned, otherAdmin].map((u) => ({ ...u })), requests: [] };
  server.use(
    http.get(`${API}/auth/me`, () => ok({ user: makeUser({ ...me }) })),
    http.get(`${API}/admin/users`, ({ request }) => {
      const url = new URL(request.url);
      const q = url.searchParams.get('q') ?? '';
      const role = url.searchParams.get('role');
      state.requests.push({ method: 'GET', q, role });
      const items = state.users.filter((u) => (!q || u.username.includes(q) || u.email.includes(q)) && (!role || u.role === role));
      return ok(page(items));
    }),
    http.put(`${API}/admin/users/:id/role`, async ({ params, request }) => {
      const body = await request.json();
      state.requests.push({ method: 'PUT', id: params.id, body });
      const user = state.users.find((u) => u.user_id === params.id);
      user.role = body.role;
      return ok({ user });
    }),
    http.post(`${API}/admin/users/:id/ban`, async ({ params, request }) => {
      const body = await request.json();
      state.requests.push({ method: 'POST', id: params.id, body });
      const user = state.users.find((u) => u.user_id === params.id);
      if (user.role === 'admin') return fail('1004', 403);
      Object.assign(user, { banned: body.banned, ban_reason: body.reason ?? '' });
      return ok({ user });
    }),
    http.get(`${API}/admin/roles`, () => ok({ roles: [
      { role: 'admin', permissions: ['read', 'change_roles'], quotas: { public_worlds: null, public_stories: null, ai_requests_per_day: null } },
      { role: 'user', permissions: ['read', 'write_own'], quotas: { public_worlds: 5, public_stories: 50, ai_requests_per_day: 50 } },
    ] })),
    http.get(`${API}/admin/stats`, () => ok({
      users: { total: 5, by_role: { admin: 2, moderator: 1, premium: 0, user: 2, guest: 0 }, banned: 1 },
      worlds: { total: 7, by_visibility: { draft: 1, private: 4, public: 2 } },
      stories: { total: 12, by_visibility: { draft: 2, private: 6, public: 4 } },
      entities: 30, locations: 9, events: 0,
    })),
  );
  signIn();
  return state;
}

const row = (username) => screen.getAllByTestId('admin-user').find((li) => li.textContent.includes(`@${username}`));

describe('admin users', () => {
  it('an admin changes roles and bans, but never themself or another admin', async () => {
    const state = setup(admin);
    const user = userEvent.setup();
    renderApp('/admin');

    await screen.findByTestId('admin-users');
    expect(screen.getByRole('tab', { name: 'Vai trò và hạn mức' })).toBeInTheDocument();
    expect(within(row('root')).queryAllByRole('button')).toHaveLength(0);
    expect(within(row('root')).queryByRole('combobox')).not.toBeInTheDocument();
    expect(within(row('boss')).queryByRole('button', { name: /Cấm/ })).not.toBeInTheDocument();
    expect(within(row('boss')).getByLabelText('Vai trò của @boss')).toBeInTheDocument();

    await user.selectOptions(within(row('lan')).getByLabelText('Vai trò của @lan'), 'premium');
    await user.click(within(row('lan')).getByRole('button', { name: 'Đổi vai trò' }));
    expect(await screen.findByText('@lan giờ là Thành viên cao cấp.')).toBeInTheDocument();
    expect(state.requests.find((r) => r.method === 'PUT')).toEqual({ method: 'PUT', id: 'u-lan', body: { role: 'premium' } });

    await user.click(within(row('lan')).getByRole('button', { name: 'Cấm @lan' }));
    const dialog = screen.getByRole('dialog', { name: 'Cấm @lan?' });
    await user.type(within(dialog).getByLabelText('Lý do (không bắt buộc)'), 'Spam');
    await user.click(within(dialog).getByRole('button', { name: 'Cấm tài khoản' }));
    expect(await screen.findByText('Đã cấm @lan.')).toBeInTheDocument();
    expect(state.requests.at(-2)).toEqual({ method: 'POST', id: 'u-lan', body: { banned: true, reason: 'Spam' } });
    await waitFor(() => expect(within(row('lan')).getByText('Lý do: Spam')).toBeInTheDocument());
    expect(within(row('lan')).getByRole('button', { name: 'Bỏ cấm @lan' })).toBeInTheDocument();
  });

  it('a moderator bans and unbans, and is offered nothing else', async () => {
    const state = setup(moderator);
    const user = userEvent.setup();
    renderApp('/admin');

    await screen.findByTestId('admin-users');
    expect(screen.queryByRole('tab')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Đổi vai trò' })).not.toBeInTheDocument();
    expect(within(row('root')).queryByRole('button')).not.toBeInTheDocument();
    expect(within(row('mod')).queryByRole('button')).not.toBeInTheDocument();

    await user.click(within(row('spam')).getByRole('button', { name: 'Bỏ cấm @spam' }));
    expect(screen.getByRole('dialog', { name: 'Bỏ cấm @spam?' })).toHaveTextContent('Lý do đã ghi: “quảng cáo”.');
    await user.click(screen.getByRole('button', { name: 'Bỏ cấm' }));
    expect(await screen.findByText('Đã bỏ cấm @spam.')).toBeInTheDocument();
    expect(state.requests.find((r) => r.method === 'POST')).toEqual({ method: 'POST', id: 'u-spam', body: { banned: false } });
  });

  it('searches by username or email and filters by role, in the URL', async () => {
    const state = setup(admin);
    const user = userEvent.setup();
    const { router } = renderApp('/admin');
    await screen.findByTestId('admin-users');
    await user.type(screen.getByLabelText('Tìm theo tên đăng nhập hoặc email'), 'sp');
    await waitFor(() => expect(screen.getAllByTestId('admin-user')).toHaveLength(1));
    await user.selectOptions(screen.getByLabelText('Vai trò'), 'user');
    await waitFor(() => expect(router.state.location.search).toBe('?q=sp&role=user'));
    expect(state.requests.at(-1)).toEqual({ method: 'GET', q: 'sp', role: 'user' });
  });

  it('shows admins the roles and quotas and the statistics', async () => {
    setup(admin);
    const user = userEvent.setup();
    renderApp('/admin');
    await user.click(await screen.findByRole('tab', { name: 'Vai trò và hạn mức' }));
    const table = await screen.findByTestId('roles-table');
    expect(within(table).getByRole('row', { name: /Thành viên 5 50 50/ })).toBeInTheDocument();
    expect(within(table).getAllByText('Không giới hạn')).toHaveLength(3);
    await user.click(screen.getByRole('tab', { name: 'Thống kê' }));
    expect(await screen.findByTestId('admin-stats')).toHaveTextContent('Thế giới7');
  });

  it('keeps everyone else out, and shows the admin link only to staff', async () => {
    setup(writer);
    renderApp('/admin');
    expect(await screen.findByRole('heading', { name: 'Bạn không được vào khu vực quản trị', level: 1 })).toBeInTheDocument();
    // Not a "404": the page exists, the account may not use it; a way back is offered.
    expect(screen.queryByText('404')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Về bảng điều khiển' })).toHaveAttribute('href', '/');
    expect(screen.queryByRole('link', { name: 'Quản trị' })).not.toBeInTheDocument();
  });

  it('puts the admin link in the navigation for a moderator', async () => {
    setup(moderator);
    server.use(http.get(`${API}/worlds`, () => ok(page([]))));
    renderApp('/worlds');
    expect(await screen.findByRole('link', { name: 'Quản trị' })).toHaveAttribute('href', '/admin');
  });
});
