import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextAreaField, TextField } from '../../../components/ui/fields';
import { TagInput } from '../../../components/ui/tag-input';
import { FormError } from '../../../components/ui/error-state';
import { serverFieldMessage } from '../../../lib/field-errors';
import { ALIASES_MAX, DESCRIPTION_MAX, ENTITY_TYPES, NAME_MAX } from '../constants';
import { AttributesEditor, attributesToRows, rowsToAttributes } from './attributes-editor';

function initialValues(entity) {
  return {
    name: entity?.name ?? '',
    aliases: entity?.aliases ?? [],
    entity_type: entity?.entity_type ?? 'character',
    description: entity?.description ?? '',
  };
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** Which server field a message belongs to: "aliases.2" → aliases, "attributes.age" → attributes. */
function groupServerFields(fields) {
  const out = {};
  Object.entries(fields ?? {}).forEach(([field, message]) => {
    const root = field.split('.')[0];
    if (!(root in out)) out[root] = message;
  });
  return out;
}

const SHOWN = ['name', 'aliases', 'entity_type', 'description', 'attributes'];

/**
 * Create or edit a character: name, aliases (chips), type, description and attributes (rows of
 * name → number or text). Editing sends only what changed. `onSubmit(body)`; `error` is the ApiError.
 */
export function EntityForm({ entity, onSubmit, onCancel, pending = false, error }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(() => initialValues(entity));
  const [aliasText, setAliasText] = useState('');
  const [rows, setRows] = useState(() => attributesToRows(entity?.attributes));
  const [clientErrors, setClientErrors] = useState({});
  const [rowErrors, setRowErrors] = useState({});
  const serverFields = groupServerFields(error?.fields);
  const hasFieldErrors = Object.keys(serverFields).some((field) => SHOWN.includes(field));

  const set = (name) => (event) => {
    setValues((v) => ({ ...v, [name]: event.target.value }));
    setClientErrors((e) => ({ ...e, [name]: null }));
  };

  const message = (name) => {
    if (clientErrors[name]) return t(clientErrors[name], { max: NAME_MAX });
    if (name === 'name') return serverFieldMessage('name', serverFields.name, 'entityName', error?.errorCode);
    return serverFieldMessage(name, serverFields[name], name === 'aliases' ? 'aliases' : name);
  };

  const submit = (event) => {
    event.preventDefault();
    const name = values.name.trim();
    const errors = {};
    if (!name) errors.name = 'validation.required';
    else if (name.length > NAME_MAX) errors.name = 'validation.tooLong';
    // What is still typed in the aliases box counts as an alias.
    let aliases = values.aliases;
    const pendingAlias = aliasText.trim();
    if (pendingAlias && !aliases.includes(pendingAlias)) aliases = [...aliases, pendingAlias];
    if (aliases.length > ALIASES_MAX) errors.aliases = 'aliasesForm.tooMany';
    const { attributes, errors: attributeErrors } = rowsToAttributes(rows);
    setClientErrors(errors);
    setRowErrors(attributeErrors);
    if (Object.keys(errors).length || Object.keys(attributeErrors).length) return;
    if (pendingAlias) {
      setValues((v) => ({ ...v, aliases }));
      setAliasText('');
    }

    const body = { name, aliases, entity_type: values.entity_type, description: values.description, attributes };
    if (!entity) {
      onSubmit(body);
      return;
    }
    const base = { ...initialValues(entity), attributes: entity.attributes ?? {} };
    const changes = {};
    Object.entries(body).forEach(([key, value]) => {
      if (!same(value, base[key])) changes[key] = value;
    });
    onSubmit(changes);
  };

  return (
    <form className="flex flex-col gap-5" onSubmit={submit} noValidate>
      {error && !hasFieldErrors && <FormError error={error} />}
      <div className="grid gap-5 sm:grid-cols-[2fr_1fr]">
        <TextField
          label={t('entityForm.name')}
          name="name"
          value={values.name}
          onChange={set('name')}
          error={message('name')}
          maxLength={NAME_MAX + 20}
          autoFocus={!entity}
          required
        />
        <SelectField
          label={t('entityForm.type')}
          name="entity_type"
          value={values.entity_type}
          onChange={set('entity_type')}
          error={message('entity_type')}
          options={ENTITY_TYPES.map((value) => ({ value, label: t(`entityTypes.${value}`) }))}
        />
      </div>
      <TagInput
        label={t('entityForm.aliases')}
        value={values.aliases}
        onChange={(aliases) => { setValues((v) => ({ ...v, aliases })); setClientErrors((e) => ({ ...e, aliases: null })); }}
        pending={aliasText}
        onPendingChange={setAliasText}
        placeholder={t('aliasesForm.placeholder')}
        hint={t('aliasesForm.hint')}
        error={clientErrors.aliases ? t(clientErrors.aliases, { max: ALIASES_MAX }) : message('aliases')}
        maxItems={ALIASES_MAX}
        maxLength={NAME_MAX}
        removeLabel={(item) => t('aliasesForm.remove', { item })}
      />
      <TextAreaField
        label={t('entityForm.description')}
        name="description"
        value={values.description}
        onChange={set('description')}
        error={message('description')}
        maxLength={DESCRIPTION_MAX}
        rows={6}
        className="[&_textarea]:leading-relaxed"
      />
      <AttributesEditor
        rows={rows}
        onChange={(next) => { setRows(next); setRowErrors({}); }}
        errors={rowErrors}
        serverError={serverFields.attributes ? serverFieldMessage('attributes', serverFields.attributes) : undefined}
      />
      <div className="flex flex-wrap justify-end gap-2">
        {onCancel && (
          <button type="button" className="btn btn-ghost" onClick={onCancel} disabled={pending}>
            {t('common.cancel')}
          </button>
        )}
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending && <span className="loading loading-spinner loading-sm" aria-hidden="true" />}
          {entity ? t('entityForm.save') : t('entityForm.create')}
        </button>
      </div>
    </form>
  );
}
