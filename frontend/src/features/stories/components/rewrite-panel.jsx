import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAiStatus, useStartTask } from '../../../lib/ai-tasks';
import { TaskProgress } from '../../../components/ai/task-progress';
import { startErrorMessage } from '../../../components/ai/start-error';

const MODES = ['paraphrase', 'expand', 'continue'];

/**
 * "Rewrite the selected passage with AI": three suggestions to pick from. Paraphrase and expand
 * replace the passage; continue adds after it. Nothing changes until one is picked, and a
 * passage edited meanwhile is not overwritten.
 */
export function RewritePanel({ storyId, editorRef }) {
  const { t } = useTranslation();
  const { configured, isPending } = useAiStatus();
  const [mode, setMode] = useState('paraphrase');
  const [taskId, setTaskId] = useState(null);
  const [passage, setPassage] = useState(null);
  const [suggestions, setSuggestions] = useState(null);
  const [notice, setNotice] = useState(null);
  const start = useStartTask({ onSuccess: (started) => setTaskId(started.task_id) });
  const completed = useCallback((result) => { setTaskId(null); setSuggestions(result.suggestions); }, []);

  if (isPending || !configured) return null;
  const ask = () => {
    const selected = editorRef.current?.selection();
    setSuggestions(null);
    if (!selected?.text.trim()) {
      setNotice(t('rewrite.selectFirst'));
      return;
    }
    setNotice(null);
    setPassage({ ...selected, mode });
    start.mutate({ path: '/gpt/rewrite', body: { text: selected.text, mode, story_id: storyId } });
  };
  const use = (text) => {
    const { from, to, text: expected } = passage;
    const done = passage.mode === 'continue'
      ? editorRef.current?.replaceRange(to, to, '', `${expected.endsWith(' ') ? '' : ' '}${text}`)
      : editorRef.current?.replaceRange(from, to, expected, text);
    if (done) setSuggestions(null);
    else setNotice(t('rewrite.changed'));
  };
  return (
    <section className="flex flex-col gap-2 px-1" aria-labelledby="rewrite-heading">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="rewrite-heading" className="text-sm font-medium">{t('rewrite.title')}</h2>
        <label className="sr-only" htmlFor="rewrite-mode">{t('rewrite.mode')}</label>
        <select id="rewrite-mode" className="select select-sm w-auto" value={mode} onChange={(e) => setMode(e.target.value)}>
          {MODES.map((value) => <option key={value} value={value}>{t(`rewrite.modes.${value}`)}</option>)}
        </select>
        <button type="button" className="btn btn-outline btn-sm" onClick={ask} disabled={start.isPending || Boolean(taskId)}>{t('rewrite.start')}</button>
      </div>
      {notice && <p role="status" className="text-sm text-warning">{notice}</p>}
      {start.isError && <p role="alert" className="text-sm text-error">{startErrorMessage(start.error)}</p>}
      {taskId && <TaskProgress taskId={taskId} onCompleted={completed} label={t('rewrite.running')} />}
      {suggestions && (
        <ol className="flex flex-col gap-2" aria-label={t('rewrite.suggestions')}>
          {suggestions.map((text, index) => (
            <li key={index} className="flex flex-col gap-2 rounded-box border border-base-300 p-3">
              <p className="whitespace-pre-wrap break-words text-sm">{text}</p>
              <div><button type="button" className="btn btn-primary btn-xs" onClick={() => use(text)}
                aria-label={t('rewrite.useNumber', { number: index + 1 })}>{t('rewrite.use')}</button></div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
