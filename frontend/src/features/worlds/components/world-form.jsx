import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextAreaField, TextField } from '../../../components/ui/fields';
import { FormError } from '../../../components/ui/error-state';
import { VISIBILITIES, WORLD_TYPES } from '../constants';
import { hasShownFieldError, serverFieldMessage } from '../../../lib/field-errors';

export const NAME_MAX = 120;

function initialValues(world) {
  return {
    name: world?.name ?? '',
    world_type: world?.world_type ?? 'fantasy',
    description: world?.description ?? '',
    visibility: world?.visibility ?? 'private',
  };
}

/** Only what changed, so a PUT keeps everything else (and never sends fields the user may not set). */
function changedFields(values, world, canManage) {
  const base = initialValues(world);
  const out = {};
  Object.keys(values).forEach((key) => {
    if (key === 'visibility' && !canManage) return;
    const value = key === 'name' ? values[key].trim() : values[key];
    if (!world || value !== base[key]) out[key] = value;
  });
  return out;
}

/**
 * Create or edit a world: name, type, description and (for whoever manages it) visibility.
 * `onSubmit(body)` returns the mutation's promise; `error` is its ApiError.
 */
export function WorldForm({ world, canManage = true, onSubmit, onCancel, pending = false, error }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(() => initialValues(world));
  const [clientErrors, setClientErrors] = useState({});
  const serverFields = error?.fields ?? {};
  const hasFieldErrors = hasShownFieldError(serverFields, canManage ? ['name', 'world_type', 'description', 'visibility'] : ['name', 'world_type', 'description']);

  const set = (name) => (event) => {
    setValues((v) => ({ ...v, [name]: event.target.value }));
    setClientErrors((e) => ({ ...e, [name]: null }));
  };

  const message = (name) => {
    if (clientErrors[name]) return t(clientErrors[name], { max: NAME_MAX });
    return serverFieldMessage(name, serverFields[name]);
  };

  const submit = (event) => {
    event.preventDefault();
    const name = values.name.trim();
    const errors = {};
    if (!name) errors.name = 'validation.required';
    else if (name.length > NAME_MAX) errors.name = 'validation.tooLong';
    setClientErrors(errors);
    if (Object.keys(errors).length) return;
    onSubmit(changedFields(values, world, canManage));
  };

  return (
    <form className="flex flex-col gap-5" onSubmit={submit} noValidate>
      {error && !hasFieldErrors && <FormError error={error} />}
      <TextField
        label={t('worldForm.name')}
        name="name"
        value={values.name}
        onChange={set('name')}
        error={message('name')}
        maxLength={NAME_MAX + 20}
        autoFocus={!world}
        required
      />
      <div className="grid gap-5 sm:grid-cols-2">
        <SelectField
          label={t('worldForm.type')}
          name="world_type"
          value={values.world_type}
          onChange={set('world_type')}
          error={message('world_type')}
          options={WORLD_TYPES.map((value) => ({ value, label: t(`worldTypes.${value}`) }))}
        />
        {canManage && (
          <SelectField
            label={t('worldForm.visibility')}
            name="visibility"
            value={values.visibility}
            onChange={set('visibility')}
            error={message('visibility')}
            hint={t(`visibilityHelp.${values.visibility}`)}
            options={VISIBILITIES.map((value) => ({ value, label: t(`visibility.${value}`) }))}
          />
        )}
      </div>
      <TextAreaField
        label={t('worldForm.description')}
        name="description"
        value={values.description}
        onChange={set('description')}
        error={message('description')}
        hint={t('worldForm.descriptionHint')}
        rows={8}
        className="[&_textarea]:leading-relaxed"
      />
      <div className="flex flex-wrap justify-end gap-2">
        {onCancel && (
          <button type="button" className="btn btn-ghost" onClick={onCancel} disabled={pending}>
            {t('common.cancel')}
          </button>
        )}
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending && <span className="loading loading-spinner loading-sm" aria-hidden="true" />}
          {world ? t('worldForm.save') : t('worldForm.create')}
        </button>
      </div>
    </form>
  );
}
