import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { useUpdateWorld } from '../api/update-world';
import { worldQueryKey } from '../api/get-world';
import { withVersion } from '../../../lib/form-values';
import { VISIBILITIES } from '../constants';
import { FormError } from '../../../components/ui/error-state';
import { useToast } from '../../../components/ui/toast';
import { serverFieldMessage } from '../../../lib/field-errors';

/** Who may see the world; only offered to the user who manages it. */
export function VisibilityPanel({ world }) {
  const { t } = useTranslation();
  const { notify } = useToast();
  const id = useId();
  const [choice, setChoice] = useState(world.visibility);
  const queryClient = useQueryClient();
  const update = useUpdateWorld({
    onSuccess: () => notify(t('visibilityPanel.saved')),
    // Saved on the version shown; if the world moved on, show it as it is now and keep the choice.
    onError: (error) => {
      const current = error?.errorCode === '3004' ? error.data?.current : null;
      if (current) queryClient.setQueryData(worldQueryKey(world.world_id), (old) => ({ ...old, ...current }));
    },
  });
  if (!world.permissions?.manage) return null;
  const conflict = update.error?.errorCode === '3004';

  const fieldError = serverFieldMessage('visibility', update.error?.fields?.visibility);
  return (
    <section aria-labelledby={`${id}-title`} className="card border border-base-300 bg-base-100">
      <form
        className="card-body gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          update.mutate({ worldId: world.world_id, changes: withVersion({ visibility: choice }, world.version) });
        }}
      >
        <h2 id={`${id}-title`} className="card-title text-lg">{t('visibilityPanel.title')}</h2>
        <fieldset className="flex flex-col gap-2">
          <legend className="sr-only">{t('visibilityPanel.title')}</legend>
          {VISIBILITIES.map((value) => (
            <label key={value} className="flex cursor-pointer items-start gap-3 rounded-box p-2 hover:bg-base-200">
              <input
                type="radio"
                className="radio radio-primary radio-sm mt-0.5"
                name={`${id}-visibility`}
                value={value}
                checked={choice === value}
                onChange={() => setChoice(value)}
              />
              <span>
                <span className="block font-medium">{t(`visibility.${value}`)}</span>
                <span className="block text-xs text-base-content/60">{t(`visibilityHelp.${value}`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {fieldError && <p role="alert" className="text-sm text-error">{fieldError}</p>}
        {conflict && <p role="alert" className="alert alert-warning alert-soft text-sm">{t('desk.conflict.world')}. {t('desk.conflict.visibility')}</p>}
        {update.isError && !fieldError && !conflict && <FormError error={update.error} />}
        <div className="card-actions justify-end">
          <button type="submit" className="btn btn-primary btn-sm" disabled={update.isPending || choice === world.visibility}>
            {update.isPending && <span className="loading loading-spinner loading-xs" aria-hidden="true" />}
            {t('visibilityPanel.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
