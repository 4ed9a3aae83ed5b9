/** GET /admin/roles (admins): every role with its permissions and quotas. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export const rolesQueryKey = [...queryRoots.admin, 'roles'];

export async function getRoles(signal) {
  const data = await api.get('/admin/roles', { signal });
  return data.roles;
}

export function useRoles() {
  return useQuery({ queryKey: rolesQueryKey, queryFn: ({ signal }) => getRoles(signal), staleTime: 5 * 60_000 });
}
