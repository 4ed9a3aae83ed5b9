import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeleteStory } from '../api/delete-story';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { FormError } from '../../../components/ui/error-state';

/** Delete a story after confirming; calls onDeleted once it is gone. */
export function DeleteStoryButton({ story, onDeleted }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const deletion = useDeleteStory({ onSuccess: () => { setOpen(false); onDeleted?.(); } });
  return (
    <>
      <button type="button" className="btn btn-ghost btn-sm text-error" onClick={() => { deletion.reset(); setOpen(true); }}>
        {t('stories.delete.action')}
      </button>
      <ConfirmDialog
        open={open}
        title={t('stories.delete.title', { title: story.title })}
        confirmLabel={t('stories.delete.confirm')}
        pending={deletion.isPending}
        onCancel={() => setOpen(false)}
        onConfirm={() => deletion.mutate({ storyId: story.story_id, worldId: story.world_id })}
      >
        <p>{t('stories.delete.body')}</p>
        {deletion.isError && <div className="mt-3"><FormError error={deletion.error} /></div>}
      </ConfirmDialog>
    </>
  );
}
