import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { KIND_ICONS } from '../constants';

/** Moves to an event's card on the same page and gives it focus. */
export function focusEvent(eventId) {
  const card = document.getElementById(`event-${eventId}`);
  if (!card) return;
  card.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  card.focus({ preventScroll: true });
}

function ConflictNote({ conflict }) {
  const { t } = useTranslation();
  const definite = conflict.certainty === 'definite';
  return (
    <li className={`flex flex-col gap-1 rounded-field p-2 text-sm ${definite ? 'bg-error/10' : 'bg-warning/10'}`} data-certainty={conflict.certainty}>
      <span className={`badge badge-sm ${definite ? 'badge-error' : 'badge-warning badge-outline'}`}>
        <span aria-hidden="true">{definite ? '⚠' : '?'}</span>
        {t(definite ? 'timeline.conflict.definite' : 'timeline.conflict.possible')} · {t(`timeline.conflictKinds.${conflict.kind}`, { defaultValue: conflict.kind })}
      </span>
      <span>{conflict.explanation}</span>
    </li>
  );
}

function Connections({ connections, eventId, eventsById }) {
  const { t } = useTranslation();
  const explicit = connections.filter((c) => !c.implicit);
  const implicit = connections.filter((c) => c.implicit);
  const other = (c) => (c.from_event_id === eventId ? c.to_event_id : c.from_event_id);
  const name = (id) => eventsById.get(id)?.title ?? t('timeline.unknownEvent');
  const jump = (id) => (
    <button type="button" className="link link-hover text-start" onClick={() => focusEvent(id)}>{name(id)}</button>
  );
  if (!explicit.length && !implicit.length) return null;
  return (
    <div className="flex flex-col gap-1 text-sm">
      {explicit.length > 0 && (
        <ul className="flex flex-col gap-0.5" aria-label={t('timeline.connections')}>
          {explicit.map((c) => (
            <li key={`${c.from_event_id}-${c.to_event_id}-${c.relation_type}`} className="flex flex-wrap items-baseline gap-1">
              <span aria-hidden="true">{c.from_event_id === eventId ? '→' : '←'}</span>
              <span className="sr-only">{t(c.from_event_id === eventId ? 'timeline.leadsTo' : 'timeline.comesFrom')}</span>
              {jump(other(c))}
              <span className="text-base-content/60">({t(`timeline.relations.${c.relation_type}`, { defaultValue: c.relation_type })}{c.label ? `: ${c.label}` : ''})</span>
            </li>
          ))}
        </ul>
      )}
      {implicit.length > 0 && (
        <details>
          <summary className="cursor-pointer text-base-content/70">{t('timeline.implicit', { count: implicit.length })}</summary>
          <ul className="mt-1 flex flex-col gap-0.5 ps-4">
            {implicit.map((c) => <li key={`${c.from_event_id}-${c.to_event_id}`}>{jump(other(c))}{c.label ? <span className="text-base-content/60"> · {c.label}</span> : null}</li>)}
          </ul>
        </details>
      )}
    </div>
  );
}

/**
 * One event on the timeline: kind, title, date, characters (with their ages) and places as links,
 * its story, its connections, and any conflict on it with the explanation. `children` go last
 * (the editor's "connect" control).
 */
export function EventCard({ event, worldId, names, eventsById, connections = [], conflicts = [], canEdit = false, onEdit, onDelete, children }) {
  const { t } = useTranslation();
  const base = `/worlds/${worldId}`;
  const ages = new Map((event.ages ?? []).map((a) => [a.entity_id, a.age]));
  const worst = conflicts.some((c) => c.certainty === 'definite') ? 'definite' : conflicts.length ? 'possible' : null;
  const frame = worst === 'definite'
    ? 'border-2 border-error'
    : worst === 'possible' ? 'border-2 border-dashed border-warning' : 'border border-base-300';
  return (
    <article
      id={`event-${event.event_id}`}
      tabIndex={-1}
      className={`card bg-base-100 focus:outline-2 focus:outline-primary ${frame}`}
      aria-labelledby={`event-${event.event_id}-title`}
      data-conflict={worst ?? undefined}
    >
      <div className="card-body gap-2 p-3 sm:p-4">
        <div className="flex flex-wrap items-start gap-2">
          <span aria-hidden="true" className="text-lg leading-6 text-primary">{KIND_ICONS[event.kind] ?? KIND_ICONS.other}</span>
          <div className="min-w-0 flex-1">
            <h4 id={`event-${event.event_id}-title`} className="break-words font-semibold">
              <span className="sr-only">{t(`timeline.kinds.${event.kind ?? 'other'}`, { defaultValue: event.kind })}: </span>
              {event.title}
            </h4>
            <p className="text-sm text-base-content/70">
              {event.date_label}
              {event.relative_to && <span className="ms-1 badge badge-ghost badge-sm">{t('timeline.relative')}</span>}
            </p>
          </div>
          {canEdit && (
            <div className="flex gap-1">
              <button type="button" className="btn btn-ghost btn-xs" onClick={onEdit} aria-label={t('timeline.editEvent', { title: event.title })}>{t('timeline.edit')}</button>
              <button type="button" className="btn btn-ghost btn-xs text-error" onClick={onDelete} aria-label={t('timeline.deleteEvent', { title: event.title })}>{t('timeline.delete')}</button>
            </div>
          )}
        </div>
        {event.description && <p className="whitespace-pre-line break-words text-sm">{event.description}</p>}
        {(event.entity_ids ?? []).length > 0 && (
          <p className="flex flex-wrap gap-x-2 gap-y-1 text-sm">
            <span className="text-base-content/60">{t('timeline.characters')}:</span>
            {event.entity_ids.map((id) => (
              <span key={id}>
                <Link to={`${base}/characters/${id}`} className="link link-hover">{names.entity(id)}</Link>
                {ages.has(id) && <span className="text-base-content/60"> ({t('timeline.age', { age: ages.get(id) })})</span>}
              </span>
            ))}
          </p>
        )}
        {(event.location_ids ?? []).length > 0 && (
          <p className="flex flex-wrap gap-x-2 gap-y-1 text-sm">
            <span className="text-base-content/60">{t('timeline.places')}:</span>
            {event.location_ids.map((id) => <Link key={id} to={`${base}/places/${id}`} className="link link-hover">{names.location(id)}</Link>)}
          </p>
        )}
        {event.story_id && (
          <p className="text-sm">
            <span className="text-base-content/60">{t('timeline.story')}: </span>
            <Link to={`/stories/${event.story_id}`} className="link link-hover">{names.story(event.story_id)}</Link>
          </p>
        )}
        <Connections connections={connections} eventId={event.event_id} eventsById={eventsById} />
        {conflicts.length > 0 && (
          <ul className="flex flex-col gap-1" aria-label={t('timeline.conflictsOnEvent')}>
            {conflicts.map((c, index) => <ConflictNote key={`${c.kind}-${c.entity_id}-${index}`} conflict={c} />)}
          </ul>
        )}
        {children}
      </div>
    </article>
  );
}
