/** The world's calendar editor (world settings): who may edit the world changes its calendar. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useWorld } from '../../features/worlds/api/get-world';
import { useUpdateCalendar } from '../../features/calendar/api/update-calendar';
import { CalendarEditor } from '../../features/calendar/components/calendar-editor';
import { PageHeader } from '../../components/ui/page-header';
import { LoadingState } from '../../components/ui/loading-state';
import { ErrorState } from '../../components/ui/error-state';
import { NotFoundState } from '../../components/ui/not-found-state';
import { useToast } from '../../components/ui/toast';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { calendarOf } from '../../lib/calendar';

export default function WorldCalendarPage() {
  const { t } = useTranslation();
  const { worldId } = useParams();
  const navigate = useNavigate();
  const { notify } = useToast();
  const query = useWorld(worldId);
  const [version, setVersion] = useState(null);
  const [notice, setNotice] = useState(null);
  const save = useUpdateCalendar({
    onSuccess: () => {
      notify(t('calendar.saved'));
      navigate(`/worlds/${worldId}/timeline`);
    },
    onError: (error) => {
      if (error?.errorCode !== '3004') return;
      const current = error.data?.current ?? error.data?.world;
      if (current?.version !== undefined) setVersion(current.version);
      setNotice(t('calendar.changedMeanwhile'));
    },
  });
  useDocumentTitle(query.data ? t('calendar.pageTitle', { world: query.data.name }) : t('titles.world'));

  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    return query.error.isNotFound
      ? <NotFoundState title={t('worlds.notFound.title')} body={t('worlds.notFound.body')} backTo="/worlds" backLabel={t('worlds.backToList')} />
      : <ErrorState error={query.error} onRetry={query.refetch} />;
  }
  const world = query.data;
  if (!world.permissions?.edit) {
    return <NotFoundState title={t('worlds.noEdit.title')} body={t('worlds.noEdit.body')} backTo={`/worlds/${worldId}`} backLabel={t('worlds.backToWorld')} />;
  }
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title={t('calendar.title')}
        subtitle={world.name}
        actions={<Link to={`/worlds/${worldId}/timeline`} className="btn btn-ghost btn-sm">{t('calendar.toTimeline')}</Link>}
      />
      <div className="card border border-base-300 bg-base-100">
        <div className="card-body p-4 sm:p-6">
          <CalendarEditor
            calendar={calendarOf(world)}
            travelPerDay={world.travel_per_day ?? null}
            onSave={(calendar, travelPerDay) => {
              setNotice(null);
              // Sent only when changed: the calendar alone is what most saves carry.
              const travel = travelPerDay === (world.travel_per_day ?? null) ? undefined : travelPerDay;
              save.mutate({ worldId, calendar, travelPerDay: travel, version: version ?? world.version });
            }}
            onCancel={() => navigate(`/worlds/${worldId}/timeline`)}
            pending={save.isPending}
            error={save.error?.errorCode === '3004' ? null : save.error}
            notice={notice}
          />
        </div>
      </div>
    </div>
  );
}
