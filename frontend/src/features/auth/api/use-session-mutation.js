/** A mutation that starts a session: on success it keeps the token and the signed-in user. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { setToken } from '../../../lib/auth-storage';
import { queryRoots } from '../../../lib/query-keys';

export function useSessionMutation(mutationFn, options = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    ...options,
    onSuccess: (data, ...rest) => {
      queryClient.removeQueries();
      setToken(data.token);
      queryClient.setQueryData(queryRoots.me, data.user);
      options.onSuccess?.(data, ...rest);
    },
  });
}
