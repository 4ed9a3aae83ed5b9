import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoles } from '../api/get-roles';
import { LoadingState } from '../../../components/ui/loading-state';
import { ErrorState } from '../../../components/ui/error-state';
import { formatNumber } from '../../../lib/format';

const QUOTAS = ['public_worlds', 'public_stories', 'ai_requests_per_day'];

/** Every role: what it may do and its quotas (empty = unlimited). */
export function RolesTable() {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const query = useRoles();
  const limit = (value) => (value === null || value === undefined
    ? <><span aria-hidden="true">∞</span><span className="sr-only">{t('admin.roles.unlimited')}</span></>
    : formatNumber(value, i18n.language));

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-4">
      <h2 id={headingId} className="text-xl font-bold">{t('admin.roles.title')}</h2>
      {query.isPending ? <LoadingState /> : query.isError ? <ErrorState error={query.error} onRetry={query.refetch} /> : (
        <>
          <div className="overflow-x-auto rounded-box border border-base-300 bg-base-100" tabIndex={0} role="region" aria-label={t('admin.roles.caption')}>
            <table className="table table-sm sm:table-md" data-testid="roles-table">
              <caption className="sr-only">{t('admin.roles.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.roles.role')}</th>
                  {QUOTAS.map((quota) => <th key={quota} scope="col" className="text-right">{t(`admin.roles.quotas.${quota}`)}</th>)}
                </tr>
              </thead>
              <tbody>
                {query.data.map((role) => (
                  <tr key={role.role}>
                    <th scope="row" className="whitespace-nowrap">{t(`userRoles.${role.role}`, { defaultValue: role.role })}</th>
                    {QUOTAS.map((quota) => <td key={quota} className="text-right tabular-nums">{limit(role.quotas?.[quota])}</td>)}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="text-xs text-base-content/60">{t('admin.roles.unlimitedNote')}</p>
          <h3 className="text-lg font-bold">{t('admin.roles.permissionsTitle')}</h3>
          <ul className="grid gap-3 sm:grid-cols-2">
            {query.data.map((role) => (
              <li key={role.role} className="rounded-box border border-base-300 bg-base-100 p-4">
                <p className="font-semibold">{t(`userRoles.${role.role}`, { defaultValue: role.role })}</p>
                <ul className="mt-2 flex flex-wrap gap-1">
                  {role.permissions.map((permission) => (
                    <li key={permission} className="badge badge-soft badge-sm">{t(`admin.permissions.${permission}`, { defaultValue: permission })}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
