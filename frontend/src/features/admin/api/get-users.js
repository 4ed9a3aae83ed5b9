/** GET /admin/users?page&page_size&q&role: accounts for admins and moderators, with ban state. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export const USERS_PAGE_SIZE = 20;

export function usersQueryKey({ page = 1, pageSize = USERS_PAGE_SIZE, q = '', role = '' } = {}) {
  return [...queryRoots.admin, 'users', { page, pageSize, q, role }];
}

export function getUsers({ page = 1, pageSize = USERS_PAGE_SIZE, q = '', role = '' } = {}, signal) {
  return api.get('/admin/users', {
    params: { page, page_size: pageSize, q: q.trim() || undefined, role: role || undefined },
    signal,
  });
}

export function useAdminUsers(params) {
  return useQuery({ queryKey: usersQueryKey(params), queryFn: ({ signal }) => getUsers(params, signal), placeholderData: keepPreviousData });
}
