/** POST /auth/logout: ends the session here even if the server cannot be reached. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { clearToken } from '../../../lib/auth-storage';

export async function logout() {
  try {
    await api.post('/auth/logout', {});
  } catch {
    /* the token is dropped locally either way */
  }
}

export function useLogout(options = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    ...options,
    onSettled: (...args) => {
      clearToken();
      queryClient.removeQueries();
      options.onSettled?.(...args);
    },
  });
}
