import { Fragment, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useLocation } from 'react-router';
import { useTimeline } from '../api/get-timeline';
import { useDeleteEvent } from '../api/delete-event';
import { filterYears, useTimelineFilters } from '../hooks/use-timeline-filters';
import { EventCard, focusEvent } from './event-card';
import { EditEventEditor, NewEventEditor } from './event-editor';
import { ConflictSummary } from './conflict-summary';
import { ConnectEvent } from './connect-event';
import { EraNav } from './era-nav';
import { LoadingState } from '../../../components/ui/loading-state';
import { ErrorState, FormError } from '../../../components/ui/error-state';
import { EmptyState } from '../../../components/ui/empty-state';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { SelectField } from '../../../components/ui/fields';
import { useToast } from '../../../components/ui/toast';
import { calendarOf, yearText } from '../../../lib/calendar';
import { queryRoots } from '../../../lib/query-keys';
import { AiTaskButton } from '../../../components/ai/ai-task-button';

/** Lookups from ids to names for the cards, falling back to a placeholder while lists load. */
function useNames(entities, locations, stories, fallback) {
  return useMemo(() => {
    const people = new Map(entities.map((e) => [e.id, e.name]));
    const places = new Map(locations.map((l) => [l.id, l.name]));
    const titles = new Map(stories.map((s) => [s.story_id, s.title]));
    return {
      entity: (id) => people.get(id) ?? fallback,
      location: (id) => places.get(id) ?? fallback,
      story: (id) => titles.get(id) ?? fallback,
    };
  }, [entities, locations, stories, fallback]);
}

/** Connections and conflicts grouped by the events they touch. */
function byEvent(timeline) {
  const connections = new Map();
  const conflicts = new Map();
  const push = (map, id, item) => map.set(id, [...(map.get(id) ?? []), item]);
  timeline.connections.forEach((c) => {
    push(connections, c.from_event_id, c);
    push(connections, c.to_event_id, c);
  });
  timeline.conflicts.forEach((c) => (c.event_ids ?? []).forEach((id) => push(conflicts, id, c)));
  return { connections, conflicts };
}

/**
 * A world's timeline: eras and years down a vertical axis (earliest, negative years, first),
 * each year's events with characters, places, ages, connections and conflicts; filters by
 * character and place in the address; editors add, change and delete events in place.
 * `entities`/`locations` are [{ id, name, aliases }], `stories` [{ story_id, title }].
 */
export function WorldTimeline({ world, entities = [], locations = [], stories = [], canEdit = false }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const { notify } = useToast();
  const { hash } = useLocation();
  const worldId = world.world_id;
  const calendar = calendarOf(world);
  const language = i18n.language?.startsWith('en') ? 'en' : 'vi';
  const query = useTimeline(worldId);
  const [filters, setFilters] = useTimelineFilters();
  const [editing, setEditing] = useState(null); // 'new' or an event id
  const [deleting, setDeleting] = useState(null);
  const names = useNames(entities, locations, stories, t('timeline.loadingName'));
  const remove = useDeleteEvent(worldId, {
    onSuccess: () => {
      notify(t('timeline.deleted'));
      setDeleting(null);
    },
  });

  const timeline = query.data;
  const allEvents = useMemo(() => (timeline ? timeline.years.flatMap((y) => y.events) : []), [timeline]);
  const eventsById = useMemo(() => new Map(allEvents.map((e) => [e.event_id, e])), [allEvents]);
  const grouped = useMemo(() => (timeline ? byEvent(timeline) : null), [timeline]);

  // An address like …/timeline#event-<id> (from search) opens on that event.
  // After the layout's own scroll to the top on a new page.
  useEffect(() => {
    if (!timeline || !hash.startsWith('#event-')) return undefined;
    const timer = setTimeout(() => focusEvent(decodeURIComponent(hash.slice('#event-'.length))), 0);
    return () => clearTimeout(timer);
  }, [timeline, hash]);

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={query.refetch} />;

  const years = filterYears(timeline.years, filters);
  const eras = [...new Set(years.map((y) => y.era).filter(Boolean))];
  const involved = (key) => new Set(allEvents.flatMap((e) => e[key] ?? []));
  const inEvents = { entities: involved('entity_ids'), locations: involved('location_ids') };
  const formProps = {
    calendar,
    events: allEvents,
    entities,
    locations,
    stories,
  };
  let lastEra = null;

  return (
    <section className="flex flex-col gap-4" aria-labelledby="timeline-heading">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="timeline-heading" className="text-xl font-bold">{t('timeline.heading')}</h2>
        {canEdit && (
          <div className="flex flex-wrap gap-2">
            <Link to={`/worlds/${worldId}/calendar`} className="btn btn-ghost btn-sm">{t('timeline.editCalendar')}</Link>
            <button type="button" className="btn btn-primary btn-sm" onClick={() => setEditing('new')} disabled={editing === 'new'}>{t('timeline.newEvent')}</button>
          </div>
        )}
      </div>
      {canEdit && stories.length > 0 && (
        <AiTaskButton
          label={t('timeline.ai.extract')}
          runningLabel={t('timeline.ai.running')}
          request={() => ({ path: `/worlds/${encodeURIComponent(worldId)}/events/extract` })}
          onCompleted={() => queryClient.invalidateQueries({ queryKey: queryRoots.timeline(worldId) })}
          summary={(result) => t('timeline.ai.done', { count: result.created, stories: result.stories.length })}
        />
      )}

      <div className="grid gap-3 sm:grid-cols-2" role="group" aria-label={t('timeline.filters')}>
        <SelectField
          label={t('timeline.filterCharacter')}
          value={filters.character}
          onChange={(e) => setFilters({ character: e.target.value })}
          options={[{ value: '', label: t('timeline.everyone') }, ...entities.filter((e) => inEvents.entities.has(e.id) || e.id === filters.character).map((e) => ({ value: e.id, label: e.name }))]}
        />
        <SelectField
          label={t('timeline.filterPlace')}
          value={filters.place}
          onChange={(e) => setFilters({ place: e.target.value })}
          options={[{ value: '', label: t('timeline.everywhere') }, ...locations.filter((l) => inEvents.locations.has(l.id) || l.id === filters.place).map((l) => ({ value: l.id, label: l.name }))]}
        />
      </div>

      {editing === 'new' && (
        <div className="card border border-primary/40 bg-base-100">
          <div className="card-body p-3 sm:p-4">
            <h3 className="font-semibold">{t('timeline.newEvent')}</h3>
            <NewEventEditor worldId={worldId} onDone={() => setEditing(null)} {...formProps} />
          </div>
        </div>
      )}

      <ConflictSummary conflicts={timeline.conflicts} eventsById={eventsById} />

      <EraNav eras={eras} />

      {years.length === 0 ? (
        <EmptyState
          title={allEvents.length ? t('timeline.noMatch') : t('timeline.empty')}
          description={allEvents.length ? t('timeline.noMatchHint') : canEdit ? t('timeline.emptyHint') : undefined}
        />
      ) : (
        <ol className="ms-2 flex flex-col gap-4 border-s-2 border-base-300 ps-4" aria-label={t('timeline.axis')} data-testid="timeline-axis">
          {years.map((year) => {
            const showEra = year.era && year.era !== lastEra;
            lastEra = year.era || lastEra;
            return (
              <Fragment key={year.year ?? 'undated'}>
                {showEra && (
                  <li id={`era-${eras.indexOf(year.era)}`} tabIndex={-1} className="-ms-4 rounded-e-box bg-secondary/10 px-4 py-1 text-sm font-semibold uppercase tracking-wide text-secondary focus:outline-2 focus:outline-primary" data-testid="timeline-era">
                    {year.era}
                  </li>
                )}
                <li className="relative flex flex-col gap-2" data-testid="timeline-year">
                  <span aria-hidden="true" className="absolute -start-[1.4rem] top-1.5 h-3 w-3 rounded-full bg-primary" />
                  <h3 className="font-bold">{year.year === null || year.year === undefined ? t('timeline.undated') : yearText(calendar, year.year, language)}</h3>
                  <ul className="flex flex-col gap-2">
                    {year.events.map((event) => (
                      <li key={event.event_id}>
                        {editing === event.event_id ? (
                          <div className="card border border-primary/40 bg-base-100">
                            <div className="card-body p-3 sm:p-4">
                              <EditEventEditor worldId={worldId} event={event} onDone={() => setEditing(null)} {...formProps} />
                            </div>
                          </div>
                        ) : (
                          <EventCard
                            event={event}
                            worldId={worldId}
                            names={names}
                            eventsById={eventsById}
                            connections={grouped.connections.get(event.event_id)}
                            conflicts={grouped.conflicts.get(event.event_id)}
                            canEdit={canEdit && event.permissions?.edit !== false}
                            onEdit={() => setEditing(event.event_id)}
                            onDelete={() => setDeleting(event)}
                          >
                            {canEdit && event.permissions?.edit !== false && <ConnectEvent worldId={worldId} event={event} events={allEvents} />}
                          </EventCard>
                        )}
                      </li>
                    ))}
                  </ul>
                </li>
              </Fragment>
            );
          })}
        </ol>
      )}

      <ConfirmDialog
        open={Boolean(deleting)}
        title={t('timeline.deleteTitle')}
        confirmLabel={t('timeline.delete')}
        pending={remove.isPending}
        onCancel={() => { setDeleting(null); remove.reset(); }}
        onConfirm={() => remove.mutate({ eventId: deleting.event_id })}
      >
        <p>{t('timeline.deleteBody', { title: deleting?.title ?? '' })}</p>
        {remove.isError && <FormError error={remove.error} />}
      </ConfirmDialog>
    </section>
  );
}
