import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TaskProgress } from '../../../components/ai/task-progress';
import { startErrorMessage } from '../../../components/ai/start-error';
import { errorMessage } from '../../../lib/api-client';
import { useAcceptProposal } from '../api/accept-proposal';
import { useStoryTask } from './use-story-task';
import { SeenContext } from './seen-context';

/**
 * "Analyze with AI": the characters and places the assistant found in the story, each with
 * the words that name it; the world's own can be linked, new ones created and linked, one by
 * one or all at once; a rejected one leaves the list.
 */
export function AnalysisPanel({ story, entities, locations }) {
  const { t } = useTranslation();
  const task = useStoryTask();
  const [decided, setDecided] = useState({});
  const accept = useAcceptProposal();
  const linked = new Set([...(story.entity_ids ?? []), ...(story.location_ids ?? [])]);
  const proposals = task.result ? [
    ...task.result.characters.map((item) => ({ kind: 'character', item, key: `c:${item.entity_id ?? item.name}`, id: item.entity_id })),
    ...task.result.locations.map((item) => ({ kind: 'place', item, key: `p:${item.location_id ?? item.name}`, id: item.location_id })),
  ].filter((p) => !decided[p.key] && !(p.id && linked.has(p.id))) : [];

  // A refused one stays in the list; the error shows below it (accept.error).
  const acceptOne = async (proposal) => {
    try {
      await accept.mutateAsync({ story, kind: proposal.kind, item: proposal.item });
      setDecided((d) => ({ ...d, [proposal.key]: 'accepted' }));
      return true;
    } catch {
      return false;
    }
  };
  const acceptAll = async () => {
    for (const proposal of proposals) {
      // One after another: two new names must not race for the story's version.
      // eslint-disable-next-line no-await-in-loop
      if (!(await acceptOne(proposal))) return;
    }
  };

  return (
    <section className="flex flex-col gap-3" aria-labelledby="ai-analysis-heading">
      <div className="flex flex-wrap items-center gap-3">
        <h3 id="ai-analysis-heading" className="font-semibold">{t('assistant.analysis.title')}</h3>
        <button type="button" className="btn btn-outline btn-sm" disabled={task.starting}
          onClick={() => task.start({ path: '/gpt/analyze', body: { story_id: story.story_id } })}>
          {t('assistant.analysis.start')}
        </button>
      </div>
      {task.startError && <p role="alert" className="text-sm text-error">{startErrorMessage(task.startError)}</p>}
      <TaskProgress taskId={task.result ? null : task.taskId} onCompleted={task.completed} label={t('assistant.analysis.running')} />
      {task.result && (
        <>
          {proposals.length === 0 && <p className="text-sm">{t('assistant.analysis.nothingLeft')}</p>}
          {proposals.length > 1 && (
            <div><button type="button" className="btn btn-primary btn-sm" onClick={acceptAll} disabled={accept.isPending}>{t('assistant.analysis.acceptAll')}</button></div>
          )}
          <ul className="flex flex-col gap-2" aria-label={t('assistant.analysis.found')}>
            {proposals.map((proposal) => (
              <li key={proposal.key} className="flex flex-wrap items-start justify-between gap-2 rounded-box border border-base-300 p-3">
                <div className="min-w-0 flex-1 break-words">
                  <p className="font-medium">
                    {proposal.item.name}{' '}
                    <span className="badge badge-ghost badge-sm">{t(`assistant.analysis.${proposal.kind}`)}</span>{' '}
                    <span className="text-xs text-base-content/70">{proposal.id ? t('assistant.analysis.known') : t('assistant.analysis.new')}</span>
                  </p>
                  {proposal.item.quote && <p className="text-sm italic">“{proposal.item.quote}”</p>}
                  {proposal.item.description && <p className="text-sm text-base-content/80">{proposal.item.description}</p>}
                </div>
                <div className="flex gap-2">
                  <button type="button" className="btn btn-primary btn-xs" onClick={() => acceptOne(proposal)} disabled={accept.isPending}
                    aria-label={t('assistant.analysis.acceptName', { name: proposal.item.name })}>
                    {proposal.id ? t('assistant.analysis.link') : t('assistant.analysis.create')}
                  </button>
                  <button type="button" className="btn btn-ghost btn-xs" onClick={() => setDecided((d) => ({ ...d, [proposal.key]: 'rejected' }))}
                    aria-label={t('assistant.analysis.rejectName', { name: proposal.item.name })}>
                    {t('assistant.analysis.reject')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
          {accept.isError && <p role="alert" className="text-sm text-error">{errorMessage(accept.error)}</p>}
          {task.result.dropped > 0 && <p className="text-xs text-base-content/70">{t('assistant.dropped', { count: task.result.dropped })}</p>}
          <SeenContext context={task.result.context} entities={entities} locations={locations} />
        </>
      )}
    </section>
  );
}
