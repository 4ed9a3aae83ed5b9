/** POST /auth/register {username, email, password, display_name?}: signs the new user in. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { setToken } from '../../../lib/auth-storage';
import { queryRoots } from '../../../lib/query-keys';

export function register({ username, email, password, displayName }) {
  const body = { username: username.trim(), email: email.trim(), password };
  if (displayName?.trim()) body.display_name = displayName.trim();
  return api.post('/auth/register', body);
}

export function useRegister(options = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: register,
    ...options,
    onSuccess: (data, ...rest) => {
      queryClient.removeQueries();
      setToken(data.token);
      queryClient.setQueryData(queryRoots.me, data.user);
      options.onSuccess?.(data, ...rest);
    },
  });
}
