/** GET /auth/me: the signed-in user, with role and quotas. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';
import { useToken } from '../../../lib/session';

export const meQueryKey = queryRoots.me;

export async function getMe() {
  const data = await api.get('/auth/me');
  return data.user;
}

export const meQueryOptions = { queryKey: meQueryKey, queryFn: getMe, staleTime: 60_000 };

export function useMe() {
  const token = useToken();
  return useQuery({ ...meQueryOptions, enabled: Boolean(token) });
}
