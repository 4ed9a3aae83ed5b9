import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useUpdateEntity } from '../api/update-entity';
import { entityQueryKey } from '../api/get-entity';
import { withVersion } from '../../../lib/form-values';
import { INVERSE_RELATIONSHIPS, LABEL_MAX, SYMMETRIC_RELATIONSHIPS, inverseOf } from '../constants';
import { EntityPicker } from './entity-picker';
import { FormError } from '../../../components/ui/error-state';
import { useToast } from '../../../components/ui/toast';

const plain = (relationship) => ({
  target_entity_id: relationship.target_entity_id,
  type: relationship.type,
  label: relationship.label ?? '',
});

/**
 * An entity's relationships, each shown from both sides ("A — parent of → B" and what B shows:
 * "B — child of → A"). Whoever may edit adds one (another entity of the world, a type, an optional
 * label) or removes one; the API mirrors both on the other entity.
 */
export function RelationshipEditor({ worldId, entity, basePath, canEdit }) {
  const { t } = useTranslation();
  const { notify } = useToast();
  const formId = useId();
  const [target, setTarget] = useState(null);
  const [type, setType] = useState('friend');
  const [label, setLabel] = useState('');
  const [pickerKey, setPickerKey] = useState(0);
  const [formError, setFormError] = useState(null);
  const relationships = entity.relationships ?? [];
  const update = useUpdateEntity();
  const queryClient = useQueryClient();
  const conflict = update.error?.errorCode === '3004';

  // The list replaces the entity's whole list: it is sent with the version it was read at. On 3004
  // the current list is shown (the relationship being added stays in the form, to add again).
  const save = (next, { onDone, message }) => {
    update.mutate(
      { worldId, entityId: entity.entity_id, changes: withVersion({ relationships: next }, entity.version) },
      {
        onSuccess: () => {
          notify(message);
          onDone?.();
        },
        onError: (error) => {
          const current = error?.errorCode === '3004' ? error.data?.current : null;
          if (current) queryClient.setQueryData(entityQueryKey(worldId, entity.entity_id), (old) => ({ ...old, ...current }));
        },
      },
    );
  };

  const add = (event) => {
    event.preventDefault();
    if (!target) {
      setFormError(t('relationships.pickFirst'));
      return;
    }
    if (relationships.some((r) => r.target_entity_id === target.entity_id && r.type === type)) {
      setFormError(t('relationships.duplicate'));
      return;
    }
    setFormError(null);
    save([...relationships.map(plain), { target_entity_id: target.entity_id, type, label: label.trim() }], {
      message: t('relationships.added'),
      onDone: () => {
        setTarget(null);
        setLabel('');
        setPickerKey((k) => k + 1);
      },
    });
  };

  const remove = (index) => {
    update.reset();
    save(relationships.filter((_, i) => i !== index).map(plain), { message: t('relationships.removed') });
  };

  const serverTargetError = Object.entries(update.error?.fields ?? {}).find(([field]) => field.startsWith('relationships'));
  const who = (name, id) => <Link to={`${basePath}/${id}`} className="link font-semibold">{name}</Link>;

  return (
    <section aria-labelledby={`${formId}-title`} className="flex flex-col gap-4">
      <h3 id={`${formId}-title`} className="text-lg font-bold">{t('relationships.title')}</h3>
      {relationships.length === 0 ? (
        <p className="text-sm text-base-content/60">{t('relationships.none')}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-base-200 rounded-box border border-base-300 bg-base-100" data-testid="relationships">
          {relationships.map((relationship, index) => {
            const targetName = relationship.target_name ?? t('relationships.unknown');
            return (
              <li key={`${relationship.target_entity_id}-${relationship.type}`} className="flex items-start justify-between gap-3 p-3">
                <div className="min-w-0 text-sm">
                  <p data-testid="relationship-forward">
                    <span className="font-semibold">{entity.name}</span>
                    {' '}<span className="badge badge-soft badge-primary badge-sm mx-1 align-middle">{t(`relationTypes.${relationship.type}`, { defaultValue: relationship.type })}</span>{' '}
                    {who(targetName, relationship.target_entity_id)}
                    {relationship.label && <>{' '}<span className="text-base-content/70">({relationship.label})</span></>}
                  </p>
                  <p className="mt-1 text-xs text-base-content/60" data-testid="relationship-inverse">
                    <span aria-hidden="true">↔ </span>
                    {t('relationships.otherSide')}{' '}
                    <span className="font-medium">{targetName}</span>{' '}
                    <span className="italic">{t(`relationTypes.${inverseOf(relationship.type)}`, { defaultValue: inverseOf(relationship.type) })}</span>{' '}
                    <span className="font-medium">{entity.name}</span>
                  </p>
                </div>
                {canEdit && (
                  <button
                    type="button"
                    className="btn btn-ghost btn-xs shrink-0 text-error"
                    onClick={() => remove(index)}
                    disabled={update.isPending}
                    aria-label={t('relationships.removeNamed', { type: t(`relationTypes.${relationship.type}`), name: targetName })}
                  >
                    {t('relationships.remove')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}

      {canEdit && (
        <form onSubmit={add} className="flex flex-col gap-3 rounded-box border border-dashed border-base-300 p-4" noValidate aria-labelledby={`${formId}-add`}>
          <h4 id={`${formId}-add`} className="font-semibold">{t('relationships.addTitle')}</h4>
          <div className="grid gap-3 sm:grid-cols-2">
            <EntityPicker
              key={pickerKey}
              worldId={worldId}
              label={t('relationships.target')}
              excludeIds={[entity.entity_id]}
              selected={target}
              onPick={(picked) => { setTarget(picked); setFormError(null); }}
              error={formError ?? (serverTargetError ? t('relationships.targetInvalid') : undefined)}
            />
            <div className="flex flex-col gap-1.5">
              <label htmlFor={`${formId}-type`} className="text-sm font-medium">{t('relationships.type')}</label>
              <select id={`${formId}-type`} className="select w-full" value={type} onChange={(event) => { setType(event.target.value); setFormError(null); }}>
                <optgroup label={t('relationships.directed')}>
                  {Object.keys(INVERSE_RELATIONSHIPS).map((value) => <option key={value} value={value}>{t(`relationTypes.${value}`)}</option>)}
                </optgroup>
                <optgroup label={t('relationships.symmetric')}>
                  {SYMMETRIC_RELATIONSHIPS.map((value) => <option key={value} value={value}>{t(`relationTypes.${value}`)}</option>)}
                </optgroup>
              </select>
            </div>
          </div>
          <div className="flex flex-col gap-1.5">
            <label htmlFor={`${formId}-label`} className="text-sm font-medium">{t('relationships.label')}</label>
            <input
              id={`${formId}-label`}
              className="input w-full"
              value={label}
              maxLength={LABEL_MAX}
              placeholder={t('relationships.labelPlaceholder')}
              onChange={(event) => setLabel(event.target.value)}
            />
          </div>
          <p className="text-sm text-base-content/70" aria-live="polite" data-testid="relationship-preview">
            {target
              ? t('relationships.preview', {
                name: entity.name,
                type: t(`relationTypes.${type}`),
                target: target.name,
                inverse: t(`relationTypes.${inverseOf(type)}`),
              })
              : t('relationships.previewEmpty')}
          </p>
          {conflict && (
            <p role="alert" className="alert alert-warning alert-soft text-sm">
              {t('desk.conflict.entity')}. {t('desk.conflict.relationships')}
            </p>
          )}
          {update.isError && !conflict && !serverTargetError && <FormError error={update.error} />}
          <div className="flex justify-end">
            <button type="submit" className="btn btn-primary btn-sm" disabled={update.isPending}>
              {update.isPending && <span className="loading loading-spinner loading-sm" aria-hidden="true" />}
              {t('relationships.add')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
