/** PUT /admin/users/<user_id>/role {role} (admins only; never one's own): quotas follow at once. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export async function changeRole({ userId, role }) {
  const data = await api.put(`/admin/users/${encodeURIComponent(userId)}/role`, { role });
  return data.user;
}

export function useChangeRole(options = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeRole,
    ...options,
    onSuccess: (user, ...rest) => {
      queryClient.invalidateQueries({ queryKey: queryRoots.admin });
      options.onSuccess?.(user, ...rest);
    },
  });
}
