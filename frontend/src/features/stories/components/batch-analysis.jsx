import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AiTaskButton } from '../../../components/ai/ai-task-button';
import { queryRoots } from '../../../lib/query-keys';

export const BATCH_MAX = 3;

/**
 * Analyze up to three stories at once: each new name becomes one character or place, linked to
 * the stories naming it; progress shows story by story.
 */
export function BatchAnalysis({ worldId, stories }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState(() => stories.slice(0, BATCH_MAX).map((s) => s.story_id));
  const toggle = (storyId) => setChosen((ids) => (ids.includes(storyId)
    ? ids.filter((id) => id !== storyId)
    : ids.length < BATCH_MAX ? [...ids, storyId] : ids));
  const refresh = () => {
    [queryRoots.worldStories(worldId), queryRoots.worldEntities(worldId), queryRoots.worldLocations(worldId),
      queryRoots.worldDetail(worldId), queryRoots.stories].forEach((queryKey) => queryClient.invalidateQueries({ queryKey }));
  };
  return (
    <details className="rounded-box border border-base-300 p-3">
      <summary className="cursor-pointer text-sm font-medium">{t('stories.batch.title')}</summary>
      <fieldset className="mt-3 flex flex-col gap-2">
        <legend className="text-sm text-base-content/80">{t('stories.batch.pick', { max: BATCH_MAX })}</legend>
        {stories.map((story) => (
          <label key={story.story_id} className="flex items-center gap-2 text-sm">
            <input type="checkbox" className="checkbox checkbox-sm" checked={chosen.includes(story.story_id)}
              disabled={!chosen.includes(story.story_id) && chosen.length >= BATCH_MAX} onChange={() => toggle(story.story_id)} />
            <span className="break-words">{story.title}</span>
          </label>
        ))}
      </fieldset>
      <div className="mt-3">
        <AiTaskButton
          label={t('stories.batch.start', { count: chosen.length })}
          runningLabel={t('stories.batch.running')}
          disabled={chosen.length === 0}
          request={() => ({ path: '/gpt/batch-analyze-stories', body: { world_id: worldId, story_ids: chosen } })}
          onCompleted={refresh}
          summary={(result) => t('stories.batch.done', {
            characters: result.created.entities.length, places: result.created.locations.length, stories: result.stories.length,
          })}
        />
      </div>
    </details>
  );
}
