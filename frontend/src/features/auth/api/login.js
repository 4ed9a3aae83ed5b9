/** POST /auth/login {username | email, password}: stores the token on success. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { setToken } from '../../../lib/auth-storage';
import { queryRoots } from '../../../lib/query-keys';

export function login({ identifier, password }) {
  const key = identifier.includes('@') ? 'email' : 'username';
  return api.post('/auth/login', { [key]: identifier.trim(), password });
}

export function useLogin(options = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    ...options,
    onSuccess: (data, ...rest) => {
      queryClient.removeQueries();
      setToken(data.token);
      queryClient.setQueryData(queryRoots.me, data.user);
      options.onSuccess?.(data, ...rest);
    },
  });
}
