import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/ui/error-state';
import { NamedItemFields } from '../../../components/ui/named-item-fields';
import { FormFooter } from '../../../components/ui/form-footer';
import { serverFieldMessage } from '../../../lib/field-errors';
import { changedFields, checkNameAndAliases, keepEdits, withVersion } from '../../../lib/form-values';
import { ConflictNotice, useConflict } from '../../../components/ui/conflict-notice';
import { useNamedItemForm } from '../../../hooks/use-named-item-form';
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

const SHOWN = ['name', 'aliases', 'entity_type', 'description', 'attributes'];

/**
 * Create or edit a character: name, aliases (chips), type, description and attributes (rows of
 * name → number or text). Editing sends only what changed. `onSubmit(body)`; `error` is the ApiError.
 */
export function EntityForm({ entity: loaded, onSubmit, onCancel, pending = false, error }) {
  const { t } = useTranslation();
  // The version this form edits: the one it was opened with, or the one reloaded after a 3004.
  const [entity, setEntity] = useState(loaded);
  const form = useNamedItemForm({
    initialValues: () => initialValues(loaded), error, shown: SHOWN, nameErrorKey: 'entityName', nameMax: NAME_MAX,
  });
  const { values, setValues, aliasText, setAliasText, setClientErrors, serverFields, hasFieldErrors } = form;
  const [rows, setRows] = useState(() => attributesToRows(loaded?.attributes));
  const [rowErrors, setRowErrors] = useState({});
  const { conflict, reload, reloaded } = useConflict(error);

  // Their version in; the fields (and attributes) this user changed keep what they typed.
  const reloadTheirs = () => reload((current) => {
    const theirs = { ...entity, ...current };
    setValues((v) => keepEdits(v, initialValues(entity), initialValues(theirs)));
    const { attributes } = rowsToAttributes(rows);
    if (JSON.stringify(attributes) === JSON.stringify(entity.attributes ?? {})) setRows(attributesToRows(theirs.attributes));
    setEntity(theirs);
    setClientErrors({});
  });

  const submit = (event) => {
    event.preventDefault();
    // What is still typed in the aliases box counts as an alias.
    const { name, aliases, pendingAlias, errors } = checkNameAndAliases(
      { name: values.name, aliases: values.aliases, aliasText },
      { nameMax: NAME_MAX, aliasesMax: ALIASES_MAX },
    );
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
    onSubmit(withVersion(changedFields(body, { ...initialValues(entity), attributes: entity.attributes ?? {} }), entity.version));
  };

  return (
    <form className="flex flex-col gap-5" onSubmit={submit} noValidate>
      <ConflictNotice kind="entity" conflict={conflict} reloaded={reloaded} onReload={reloadTheirs} />
      {error && error.errorCode !== '3004' && !hasFieldErrors && <FormError error={error} />}
      <NamedItemFields
        form={form}
        labelPrefix="entityForm"
        typeName="entity_type"
        typeOptions={ENTITY_TYPES.map((value) => ({ value, label: t(`entityTypes.${value}`) }))}
        limits={{ name: NAME_MAX, aliases: ALIASES_MAX, description: DESCRIPTION_MAX }}
        autoFocus={!entity}
      />
      <AttributesEditor
        rows={rows}
        onChange={(next) => { setRows(next); setRowErrors({}); }}
        errors={rowErrors}
        serverError={serverFields.attributes ? serverFieldMessage('attributes', serverFields.attributes) : undefined}
      />
      <FormFooter onCancel={onCancel} pending={pending} submitLabel={entity ? t('entityForm.save') : t('entityForm.create')} />
    </form>
  );
}
