import { useTranslation } from 'react-i18next';
import { TaskProgress } from '../../../components/ai/task-progress';
import { startErrorMessage } from '../../../components/ai/start-error';
import { useStoryTask } from './use-story-task';
import { SeenContext } from './seen-context';

const SEVERITY_CLASS = { error: 'border-error', warning: 'border-warning', info: 'border-info' };

/** The sentence around a finding's quote, the quote marked. */
export function sentenceOf(content, position, quote) {
  const text = content ?? '';
  const at = text.indexOf(quote, Math.max(0, position - 5));
  const start = at >= 0 ? at : Math.max(0, position);
  const before = Math.max(text.lastIndexOf('\n', start), Math.max(text.lastIndexOf('. ', start), text.lastIndexOf('! ', start), text.lastIndexOf('? ', start)) + 1, start - 160);
  const endOfQuote = at >= 0 ? at + quote.length : start;
  const stops = ['\n', '. ', '! ', '? '].map((s) => text.indexOf(s, endOfQuote)).filter((i) => i >= 0);
  const after = Math.min(text.length, stops.length ? Math.min(...stops) + 1 : text.length, endOfQuote + 160);
  return { before: text.slice(Math.max(0, before), at >= 0 ? at : start).trimStart(), quote: at >= 0 ? quote : '', after: text.slice(endOfQuote, after) };
}

/** "Check against the world": each finding beside the sentence it quotes, and the fact. */
export function ConsistencyPanel({ story, entities, locations, factName }) {
  const { t } = useTranslation();
  const task = useStoryTask();
  const result = task.result;
  return (
    <section className="flex flex-col gap-3" aria-labelledby="ai-check-heading">
      <div className="flex flex-wrap items-center gap-3">
        <h3 id="ai-check-heading" className="font-semibold">{t('assistant.check.title')}</h3>
        <button type="button" className="btn btn-outline btn-sm" disabled={task.starting}
          onClick={() => task.start({ path: '/gpt/consistency-check', body: { story_id: story.story_id } })}>
          {t('assistant.check.start')}
        </button>
      </div>
      {task.startError && <p role="alert" className="text-sm text-error">{startErrorMessage(task.startError)}</p>}
      <TaskProgress taskId={result ? null : task.taskId} onCompleted={task.completed} label={t('assistant.check.running')} />
      {result && (
        <>
          {result.issues.length === 0 && <p className="text-sm">{t('assistant.check.none')}</p>}
          <ol className="flex flex-col gap-3" aria-label={t('assistant.check.findings')}>
            {result.issues.map((issue, index) => {
              const sentence = sentenceOf(story.content, issue.story_position, issue.quote);
              return (
                <li key={`${issue.fact.id}-${index}`} className={`flex flex-col gap-1 border-s-4 ps-3 ${SEVERITY_CLASS[issue.severity] ?? ''}`} data-testid="consistency-finding">
                  <p className="text-sm break-words">
                    {sentence.before}
                    <mark>{sentence.quote || issue.quote}</mark>
                    {sentence.after}
                  </p>
                  <p className="text-sm">
                    <span className="font-medium">{t(`assistant.check.severity.${issue.severity}`)}:</span>{' '}{issue.explanation}
                  </p>
                  <p className="text-xs text-base-content/70">{t('assistant.check.fact', { name: factName(issue.fact) })}</p>
                </li>
              );
            })}
          </ol>
          {result.dropped > 0 && <p className="text-xs text-base-content/70">{t('assistant.check.dropped', { count: result.dropped })}</p>}
          <SeenContext context={result.context} entities={entities} locations={locations} />
        </>
      )}
    </section>
  );
}
