import { useTranslation } from 'react-i18next';
import { AiTaskButton } from './ai-task-button';

/**
 * "Write it with AI" for a description field: starts generate-description with `body()` and
 * hands the text to `onResult` when the task completes. Without AI on the server it says why.
 */
export function AiDescribeButton({ body, onResult, label }) {
  const { t } = useTranslation();
  return (
    <AiTaskButton
      label={label ?? t('ai.describe')}
      runningLabel={t('ai.writing')}
      offNote={t('ai.notConfigured')}
      request={() => ({ path: '/gpt/generate-description', body: body() })}
      onCompleted={(result) => onResult(result.description)}
    />
  );
}
