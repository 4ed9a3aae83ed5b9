import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateStory } from '../api/create-story';
import { FormError } from '../../../components/ui/error-state';
import { TextAreaField } from '../../../components/ui/fields';
import { AiDescribeButton } from '../../../components/ai/ai-describe-button';
import { serverFieldMessage } from '../../../lib/field-errors';
import { LIMITS } from '../../../lib/limits';

/** A title is all a new story needs; the writing happens in the editor. */
export function NewStoryForm({ worldId, onCreated, onCancel }) {
  const { t } = useTranslation();
  const id = useId();
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [missing, setMissing] = useState(false);
  const create = useCreateStory({ onSuccess: (story) => onCreated?.(story) });
  const fieldError = missing ? t('validation.required') : serverFieldMessage('title', create.error?.fields?.title);

  return (
    <form
      className="card border border-primary/30 bg-base-100"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!title.trim()) {
          setMissing(true);
          return;
        }
        create.mutate({ world_id: worldId, title: title.trim(), content: '', ...(summary.trim() ? { summary: summary.trim() } : {}) });
      }}
    >
      <div className="card-body gap-3 p-4">
        <label htmlFor={id} className="text-sm font-medium">{t('stories.newTitle')}</label>
        <input
          id={id}
          className={`input w-full ${fieldError ? 'input-error' : ''}`}
          value={title}
          onChange={(event) => { setTitle(event.target.value); setMissing(false); }}
          placeholder={t('stories.newTitlePlaceholder')}
          maxLength={LIMITS.storyTitle}
          aria-invalid={fieldError ? 'true' : undefined}
          aria-describedby={fieldError ? `${id}-error` : undefined}
          autoFocus
        />
        {fieldError && <p id={`${id}-error`} className="text-sm text-error">{fieldError}</p>}
        <TextAreaField label={t('stories.summary')} value={summary} onChange={(event) => setSummary(event.target.value)}
          rows={3} maxLength={LIMITS.storySummary} hint={t('stories.summaryHint')} />
        <AiDescribeButton
          label={t('stories.premiseWithAi')}
          body={() => ({ type: 'story', world_id: worldId, story_title: title.trim() || t('stories.newTitlePlaceholder') })}
          onResult={setSummary}
        />
        {create.isError && !create.error?.fields?.title && <FormError error={create.error} />}
        <div className="flex justify-end gap-2">
          <button type="button" className="btn btn-ghost btn-sm" onClick={onCancel} disabled={create.isPending}>{t('common.cancel')}</button>
          <button type="submit" className="btn btn-primary btn-sm" disabled={create.isPending}>
            {create.isPending && <span className="loading loading-spinner loading-xs" aria-hidden="true" />}
            {t('stories.createAndWrite')}
          </button>
        </div>
      </div>
    </form>
  );
}
