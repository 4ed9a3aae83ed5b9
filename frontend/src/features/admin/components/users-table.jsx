import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { USERS_PAGE_SIZE, useAdminUsers } from '../api/get-users';
import { useChangeRole } from '../api/change-role';
import { useBanUser } from '../api/ban-user';
import { USER_ROLES, adminAbilities } from '../constants';
import { BanDialog } from './ban-dialog';
import { useUrlFilters } from '../../../hooks/use-url-filters';
import { useDebouncedValue } from '../../../hooks/use-debounced-value';
import { SearchField } from '../../../components/ui/search-field';
import { LoadingState } from '../../../components/ui/loading-state';
import { ErrorState, FormError } from '../../../components/ui/error-state';
import { EmptyState } from '../../../components/ui/empty-state';
import { Pagination } from '../../../components/ui/pagination';
import { useToast } from '../../../components/ui/toast';
import { formatDate } from '../../../lib/format';

const DEFAULTS = { q: '', role: '', page: 1 };
const ALLOWED = { role: ['', ...USER_ROLES] };

function RoleControl({ user, onSave, pending }) {
  const { t } = useTranslation();
  const id = useId();
  const [role, setRole] = useState(user.role);
  useEffect(() => setRole(user.role), [user.role]);
  return (
    <div className="flex items-end gap-2">
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="text-xs text-base-content/70">{t('admin.users.roleFor', { name: user.username })}</label>
        <select id={id} className="select select-sm w-40" value={role} onChange={(event) => setRole(event.target.value)} disabled={pending}>
          {USER_ROLES.map((value) => <option key={value} value={value}>{t(`userRoles.${value}`)}</option>)}
        </select>
      </div>
      <button type="button" className="btn btn-sm" disabled={pending || role === user.role} onClick={() => onSave(role)}>
        {t('admin.users.changeRole')}
      </button>
    </div>
  );
}

/**
 * Accounts with search (username or email), a role filter and pages. Admins change roles
 * (not their own); admins and moderators ban and unban (never an admin, never themself).
 * Only what the signed-in user may do is offered.
 */
export function UsersTable({ me }) {
  const { t, i18n } = useTranslation();
  const { notify } = useToast();
  const headingId = useId();
  const roleId = useId();
  const [filters, setFilters] = useUrlFilters(DEFAULTS, ALLOWED);
  const [search, setSearch] = useState(filters.q);
  const debounced = useDebouncedValue(search, 300);
  const [banTarget, setBanTarget] = useState(null);

  useEffect(() => {
    if (debounced !== filters.q) setFilters({ q: debounced, page: 1 });
  }, [debounced, filters.q, setFilters]);

  const query = useAdminUsers({ page: filters.page, pageSize: USERS_PAGE_SIZE, q: filters.q, role: filters.role });
  const changeRole = useChangeRole({
    onSuccess: (user) => notify(t('admin.users.roleChanged', { name: user.username, role: t(`userRoles.${user.role}`) })),
  });
  const ban = useBanUser({
    onSuccess: (user) => {
      setBanTarget(null);
      notify(user.banned ? t('admin.ban.done', { name: user.username }) : t('admin.unban.done', { name: user.username }));
    },
  });
  const data = query.data;

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-5">
      <h2 id={headingId} className="text-xl font-bold">{t('admin.users.title')}</h2>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <SearchField
          label={t('admin.users.search')}
          placeholder={t('admin.users.searchPlaceholder')}
          value={search}
          onChange={setSearch}
          busy={search !== filters.q || (query.isFetching && query.isPlaceholderData)}
          className="sm:max-w-sm"
        />
        <div className="flex flex-col gap-1.5">
          <label htmlFor={roleId} className="text-sm font-medium">{t('admin.users.roleFilter')}</label>
          <select id={roleId} className="select w-full sm:w-48" value={filters.role} onChange={(event) => setFilters({ role: event.target.value, page: 1 })}>
            <option value="">{t('admin.users.allRoles')}</option>
            {USER_ROLES.map((value) => <option key={value} value={value}>{t(`userRoles.${value}`)}</option>)}
          </select>
        </div>
      </div>
      <div aria-live="polite" className="sr-only">{data && !query.isFetching ? t('admin.users.count', { count: data.total }) : ''}</div>
      {changeRole.isError && <FormError error={changeRole.error} />}

      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={query.refetch} />
      ) : data.items.length === 0 ? (
        <EmptyState title={t('admin.users.empty')} icon="⌕" />
      ) : (
        <>
          <ul className={`flex flex-col divide-y divide-base-200 rounded-box border border-base-300 bg-base-100 ${query.isPlaceholderData ? 'opacity-60' : ''}`} data-testid="admin-users">
            {data.items.map((user) => {
              const can = adminAbilities(me, user);
              const self = me?.user_id === user.user_id;
              return (
                <li key={user.user_id} className="flex flex-col gap-3 p-4 lg:flex-row lg:items-center lg:justify-between" data-testid="admin-user">
                  <div className="min-w-0">
                    <p className="flex flex-wrap items-center gap-2">
                      <span className="font-semibold">{user.display_name || user.username}</span>
                      <span className="text-sm text-base-content/60">@{user.username}</span>
                      {self && <span className="badge badge-outline badge-sm">{t('admin.users.you')}</span>}
                    </p>
                    <p className="break-all text-sm text-base-content/70">{user.email}</p>
                    <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-base-content/60">
                      <span className="badge badge-soft badge-primary badge-sm">{t(`userRoles.${user.role}`, { defaultValue: user.role })}</span>
                      {user.banned && (
                        <span className="badge badge-soft badge-error badge-sm">{t('admin.users.banned')}</span>
                      )}
                      <span>{t('admin.users.joined', { date: formatDate(user.created_at, i18n.language) })}</span>
                    </p>
                    {user.banned && user.ban_reason && (
                      <p className="mt-1 text-xs text-error">{t('admin.users.reason', { reason: user.ban_reason })}</p>
                    )}
                  </div>
                  {(can.changeRole || can.ban) && (
                    <div className="flex flex-wrap items-end gap-3">
                      {can.changeRole && (
                        <RoleControl
                          user={user}
                          pending={changeRole.isPending}
                          onSave={(role) => changeRole.mutate({ userId: user.user_id, role })}
                        />
                      )}
                      {can.ban && (
                        <button
                          type="button"
                          className={`btn btn-sm ${user.banned ? 'btn-outline' : 'btn-error btn-outline'}`}
                          onClick={() => { ban.reset(); setBanTarget(user); }}
                          aria-label={user.banned ? t('admin.unban.actionNamed', { name: user.username }) : t('admin.ban.actionNamed', { name: user.username })}
                        >
                          {user.banned ? t('admin.unban.action') : t('admin.ban.action')}
                        </button>
                      )}
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
          <Pagination page={filters.page} pageSize={USERS_PAGE_SIZE} total={data.total} onChange={(page) => setFilters({ page })} />
        </>
      )}
      <BanDialog
        key={banTarget?.user_id ?? 'none'}
        user={banTarget}
        open={Boolean(banTarget)}
        pending={ban.isPending}
        error={ban.error}
        onCancel={() => setBanTarget(null)}
        onConfirm={(reason) => ban.mutate({ userId: banTarget.user_id, banned: !banTarget.banned, reason })}
      />
    </section>
  );
}
