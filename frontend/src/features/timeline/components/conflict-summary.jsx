import { useTranslation } from 'react-i18next';
import { focusEvent } from './event-card';

/** Every conflict of the timeline at a glance, each with buttons that move to its events. */
export function ConflictSummary({ conflicts, eventsById }) {
  const { t } = useTranslation();
  if (!conflicts.length) return null;
  const definite = conflicts.filter((c) => c.certainty === 'definite').length;
  return (
    <section aria-labelledby="timeline-conflicts" className="rounded-box border border-error/40 bg-error/5 p-3 sm:p-4">
      <h3 id="timeline-conflicts" className="font-semibold">
        <span aria-hidden="true">⚠ </span>
        {t('timeline.conflictCount', { count: conflicts.length })}
        {definite < conflicts.length && <span className="font-normal text-base-content/70"> · {t('timeline.possibleCount', { count: conflicts.length - definite })}</span>}
      </h3>
      <ul className="mt-2 flex flex-col gap-2 text-sm">
        {conflicts.map((c, index) => (
          <li key={`${c.kind}-${c.entity_id}-${index}`} className="flex flex-col gap-1" data-certainty={c.certainty}>
            <span>
              <span className={`badge badge-sm me-1 ${c.certainty === 'definite' ? 'badge-error' : 'badge-warning badge-outline'}`}>
                {t(c.certainty === 'definite' ? 'timeline.conflict.definite' : 'timeline.conflict.possible')}
              </span>
              {c.explanation}
            </span>
            <span className="flex flex-wrap gap-2">
              {(c.event_ids ?? []).map((id) => (
                <button key={id} type="button" className="link link-primary text-start" onClick={() => focusEvent(id)}>
                  {t('timeline.goTo', { title: eventsById.get(id)?.title ?? t('timeline.unknownEvent') })}
                </button>
              ))}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
