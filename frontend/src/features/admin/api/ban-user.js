/**
 * POST /admin/users/<user_id>/ban {banned, reason?} (moderators and admins; admins cannot be
 * banned, nobody bans themself). A banned user's next request answers 1005 and signs them out.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export async function banUser({ userId, banned, reason }) {
  const body = { banned };
  if (banned && reason?.trim()) body.reason = reason.trim();
  const data = await api.post(`/admin/users/${encodeURIComponent(userId)}/ban`, body);
  return data.user;
}

export function useBanUser(options = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: banUser,
    ...options,
    onSuccess: (user, ...rest) => {
      queryClient.invalidateQueries({ queryKey: queryRoots.admin });
      options.onSuccess?.(user, ...rest);
    },
  });
}
