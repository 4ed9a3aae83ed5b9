/** POST /auth/change-password {old_password, new_password}: old tokens stop working, so keep the new one. */
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { setToken } from '../../../lib/auth-storage';

export function changePassword({ oldPassword, newPassword }) {
  return api.post('/auth/change-password', { old_password: oldPassword, new_password: newPassword });
}

export function useChangePassword(options = {}) {
  return useMutation({
    mutationFn: changePassword,
    ...options,
    onSuccess: (data, ...rest) => {
      if (data?.token) setToken(data.token);
      options.onSuccess?.(data, ...rest);
    },
  });
}
