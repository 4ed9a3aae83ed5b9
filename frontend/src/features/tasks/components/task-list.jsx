import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageForCode } from '../../../lib/api-client';
import { TERMINAL, useCancelTask, useTaskList } from '../../../lib/ai-tasks';
import { LoadingState } from '../../../components/ui/loading-state';
import { ErrorState } from '../../../components/ui/error-state';
import { EmptyState } from '../../../components/ui/empty-state';
import { Pagination } from '../../../components/ui/pagination';

const STATUS_CLASS = {
  completed: 'badge-success', error: 'badge-error', cancelled: 'badge-ghost', interrupted: 'badge-warning',
  pending: 'badge-info', processing: 'badge-info',
};

/** "My AI tasks": what each did, its status and tokens; running ones can be cancelled. */
export function TaskList() {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const query = useTaskList(page);
  const cancel = useCancelTask();
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={query.refetch} />;
  const { items, total } = query.data;
  if (!items.length) return <EmptyState title={t('tasks.empty')} description={t('tasks.emptyHint')} level={2} />;
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <div className="flex flex-col gap-4">
      <ul className="flex flex-col gap-2">
        {items.map((task) => (
          <li key={task.task_id} className="flex flex-wrap items-start justify-between gap-3 rounded-box border border-base-300 p-3" data-testid="ai-task">
            <div className="flex min-w-0 flex-col gap-1">
              <p className="font-medium">{t(`tasks.kinds.${task.kind}`, { defaultValue: task.kind })}</p>
              <p className="text-xs text-base-content/70">
                {when.format(new Date(task.created_at))}
                {' · '}
                {t('tasks.tokens', { prompt: task.usage.prompt_tokens, completion: task.usage.completion_tokens })}
              </p>
              {task.status === 'error' && task.error && <p className="text-sm text-error">{messageForCode(task.error.errorCode)}</p>}
              {task.status === 'interrupted' && <p className="text-sm text-warning">{t('ai.task.interrupted')}</p>}
            </div>
            <div className="flex items-center gap-2">
              <span className={`badge ${STATUS_CLASS[task.status] ?? ''}`}>{t(`tasks.status.${task.status}`)}</span>
              {!TERMINAL.includes(task.status) && (
                <button type="button" className="btn btn-ghost btn-xs" onClick={() => cancel.mutate(task.task_id)} disabled={cancel.isPending}
                  aria-label={t('tasks.cancelOne', { kind: t(`tasks.kinds.${task.kind}`, { defaultValue: task.kind }) })}>
                  {t('ai.task.cancel')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
      <Pagination page={page} pageSize={20} total={total} onChange={setPage} />
    </div>
  );
}
