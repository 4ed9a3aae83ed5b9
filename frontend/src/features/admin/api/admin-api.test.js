import { describe, expect, it } from 'vitest';
import { http } from 'msw';
import { API, ok, server } from '../../../test/server';
import { makeAdminUser, page } from '../../../test/fixtures';
import { getUsers } from './get-users';
import { banUser } from './ban-user';
import { changeRole } from './change-role';
import { adminAbilities } from '../constants';

describe('admin api', () => {
  it('lists users with q and role, and sends bans and role changes as the API expects', async () => {
    const seen = [];
    server.use(
      http.get(`${API}/admin/users`, ({ request }) => { seen.push(Object.fromEntries(new URL(request.url).searchParams)); return ok(page([])); }),
      http.post(`${API}/admin/users/u1/ban`, async ({ request }) => { seen.push(await request.json()); return ok({ user: makeAdminUser() }); }),
      http.put(`${API}/admin/users/u1/role`, async ({ request }) => { seen.push(await request.json()); return ok({ user: makeAdminUser() }); }),
    );
    await getUsers({ q: ' lan ', role: 'user', page: 3 });
    await banUser({ userId: 'u1', banned: true, reason: '  spam ' });
    await banUser({ userId: 'u1', banned: false, reason: 'ignored' });
    await changeRole({ userId: 'u1', role: 'premium' });
    expect(seen).toEqual([
      { page: '3', page_size: '20', q: 'lan', role: 'user' },
      { banned: true, reason: 'spam' },
      { banned: false },
      { role: 'premium' },
    ]);
  });

  it('knows who may do what', () => {
    const admin = { user_id: 'a', role: 'admin' };
    const mod = { user_id: 'm', role: 'moderator' };
    const user = { user_id: 'u', role: 'user' };
    expect(adminAbilities(admin, user)).toEqual({ changeRole: true, ban: true });
    expect(adminAbilities(admin, admin)).toEqual({ changeRole: false, ban: false });
    expect(adminAbilities(admin, { user_id: 'b', role: 'admin' })).toEqual({ changeRole: true, ban: false });
    expect(adminAbilities(mod, user)).toEqual({ changeRole: false, ban: true });
    expect(adminAbilities(mod, { user_id: 'm2', role: 'moderator' })).toEqual({ changeRole: false, ban: true });
    expect(adminAbilities(mod, admin)).toEqual({ changeRole: false, ban: false });
    expect(adminAbilities(user, { user_id: 'x', role: 'user' })).toEqual({ changeRole: false, ban: false });
  });
});
