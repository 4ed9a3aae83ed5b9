import { describe, expect, it } from 'vitest';
import { http } from 'msw';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { API, fail, ok, server } from '../../../test/server';
import { renderWithProviders, signIn } from '../../../test/render';
import { getToken } from '../../../lib/auth-storage';
import { ChangePasswordForm } from './change-password-form';

async function fill(user, { old = 'old-password', next = 'new-password-1', confirm = next } = {}) {
  await user.type(screen.getByLabelText('Mật khẩu hiện tại'), old);
  await user.type(screen.getByLabelText('Mật khẩu mới'), next);
  await user.type(screen.getByLabelText('Nhập lại mật khẩu mới'), confirm);
  await user.click(screen.getByRole('button', { name: 'Đổi mật khẩu' }));
}

describe('change password', () => {
  it('checks length and that both new passwords match', async () => {
    const user = userEvent.setup();
    renderWithProviders(<ChangePasswordForm />);
    await fill(user, { next: 'short', confirm: 'other' });
    expect(screen.getByLabelText('Mật khẩu mới')).toHaveAccessibleDescription('Mật khẩu cần ít nhất 8 ký tự.');
    expect(screen.getByLabelText('Nhập lại mật khẩu mới')).toHaveAccessibleDescription('Hai mật khẩu không khớp.');
  });

  it('says when the current password is wrong', async () => {
    server.use(http.post(`${API}/auth/change-password`, () => fail('1003', 401)));
    signIn('tok-1');
    const user = userEvent.setup();
    renderWithProviders(<ChangePasswordForm />);
    await fill(user);
    await waitFor(() => expect(screen.getByLabelText('Mật khẩu hiện tại')).toHaveAccessibleDescription('Mật khẩu hiện tại không đúng.'));
    expect(getToken()).toBe('tok-1');
  });

  it('keeps the new token and confirms the change', async () => {
    let body;
    server.use(http.post(`${API}/auth/change-password`, async ({ request }) => {
      body = await request.json();
      return ok({ token: 'tok-2' });
    }));
    signIn('tok-1');
    const user = userEvent.setup();
    renderWithProviders(<ChangePasswordForm />);
    await fill(user);
    expect(await screen.findByText('Đã đổi mật khẩu. Các phiên đăng nhập khác đã bị đăng xuất.')).toBeInTheDocument();
    expect(body).toEqual({ old_password: 'old-password', new_password: 'new-password-1' });
    expect(getToken()).toBe('tok-2');
    expect(screen.getByLabelText('Mật khẩu hiện tại')).toHaveValue('');
  });
});
