/** Someone else saved the story first: both texts side by side and the writer's three choices. */
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';

function TextBox({ heading, title, content }) {
  return (
    <div className="flex min-w-0 flex-1 flex-col gap-1">
      <h3 className="text-sm font-semibold">{heading}</h3>
      <div className="max-h-72 overflow-auto rounded-box border border-base-300 bg-base-100 p-3 text-sm" tabIndex={0} role="region" aria-label={heading}>
        <p className="font-semibold [overflow-wrap:anywhere]">{title}</p>
        <p className="whitespace-pre-wrap font-serif [overflow-wrap:anywhere]">{content}</p>
      </div>
    </div>
  );
}

export function ConflictPanel({ mine, theirs, onKeepMine, onKeepTheirs, onKeepBoth }) {
  const { t, i18n } = useTranslation();
  const time = theirs.updated_at ? formatDate(theirs.updated_at, i18n.language, { timeStyle: 'short', dateStyle: 'short' }) : '';
  return (
    <section role="alert" aria-labelledby="story-conflict-title" className="alert alert-warning flex flex-col items-stretch gap-3" data-testid="story-conflict">
      <div>
        <h2 id="story-conflict-title" className="font-semibold">{t('editor.conflict.title')}</h2>
        <p className="text-sm">{t('editor.conflict.body')}</p>
      </div>
      <div className="flex flex-col gap-3 text-base-content md:flex-row">
        <TextBox heading={t('editor.conflict.mine')} title={mine.title} content={mine.content} />
        <TextBox heading={t('editor.conflict.theirs', { time })} title={theirs.title} content={theirs.content} />
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="button" className="btn btn-sm btn-primary" onClick={onKeepMine}>{t('editor.conflict.keepMine')}</button>
        <button type="button" className="btn btn-sm" onClick={onKeepTheirs}>{t('editor.conflict.keepTheirs')}</button>
        <button type="button" className="btn btn-sm" onClick={onKeepBoth} title={t('editor.conflict.keepBothHint')}>{t('editor.conflict.keepBoth')}</button>
      </div>
    </section>
  );
}
