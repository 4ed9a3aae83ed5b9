import { useTranslation } from 'react-i18next';
import { useAiStatus } from '../../../lib/ai-tasks';
import { AnalysisPanel } from './analysis-panel';
import { ConsistencyPanel } from './consistency-panel';
import { EventsPanel } from './events-panel';

/**
 * The assistant on a story's page: analyze (link or create what it names), put its events on
 * the timeline (editors), and check it against the world (anyone who reads it). Hidden, with
 * the reason, when the server has no AI.
 */
export function StoryAssistant({ story, entities, locations, canEdit }) {
  const { t } = useTranslation();
  const { configured, isPending } = useAiStatus();
  if (isPending) return null;
  const factName = (fact) => {
    if (fact.kind === 'entity') return entities.find((e) => e.entity_id === fact.id)?.name ?? fact.id;
    if (fact.kind === 'location') return locations.find((l) => l.location_id === fact.id)?.name ?? fact.id;
    return t('assistant.check.event');
  };
  return (
    <section className="card border border-base-300 bg-base-100" aria-labelledby="assistant-heading">
      <div className="card-body gap-5 p-4">
        <h2 id="assistant-heading" className="text-lg font-semibold">{t('assistant.title')}</h2>
        {!configured ? <p className="text-sm text-base-content/70">{t('ai.notConfigured')}</p> : (
          <>
            {canEdit && <AnalysisPanel story={story} entities={entities} locations={locations} />}
            {canEdit && <EventsPanel story={story} />}
            <ConsistencyPanel story={story} entities={entities} locations={locations} factName={factName} />
          </>
        )}
      </div>
    </section>
  );
}
