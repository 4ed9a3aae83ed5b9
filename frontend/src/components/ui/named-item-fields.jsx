import { useTranslation } from 'react-i18next';
import { SelectField, TextAreaField, TextField } from './fields';
import { TagInput } from './tag-input';

/**
 * The fields every named thing of a world has (characters, places): name and type side by side,
 * aliases as chips, then whatever the feature adds (`children`), then the description.
 *
 * - `form`: what useNamedItemForm returns (values, errors, handlers).
 * - `labelPrefix`: the i18n namespace with `name`, `type`, `aliases` and `description` (`entityForm`).
 * - `typeName` / `typeOptions`: the type's field name and its `[{ value, label }]`.
 * - `limits`: `{ name, aliases, description }`, the longest name, most aliases, longest description.
 */
export function NamedItemFields({ form, labelPrefix, typeName, typeOptions, limits, autoFocus = false, children }) {
  const { values, setValues, aliasText, setAliasText, clientErrors, setClientErrors, set, message } = form;
  const { t } = useTranslation();
  return (
    <>
      <div className="grid grid-cols-1 gap-5 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <TextField
          label={t(`${labelPrefix}.name`)}
          name="name"
          value={values.name}
          onChange={set('name')}
          error={message('name')}
          maxLength={limits.name}
          autoFocus={autoFocus}
          required
        />
        <SelectField
          label={t(`${labelPrefix}.type`)}
          name={typeName}
          value={values[typeName]}
          onChange={set(typeName)}
          error={message(typeName)}
          options={typeOptions}
        />
      </div>
      <TagInput
        label={t(`${labelPrefix}.aliases`)}
        value={values.aliases}
        onChange={(aliases) => { setValues((v) => ({ ...v, aliases })); setClientErrors((e) => ({ ...e, aliases: null })); }}
        pending={aliasText}
        onPendingChange={setAliasText}
        placeholder={t('aliasesForm.placeholder')}
        hint={t('aliasesForm.hint')}
        error={clientErrors.aliases ? t(clientErrors.aliases, { max: limits.aliases }) : message('aliases')}
        maxItems={limits.aliases}
        maxLength={limits.name}
        removeLabel={(item) => t('aliasesForm.remove', { item })}
      />
      {children}
      <TextAreaField
        label={t(`${labelPrefix}.description`)}
        name="description"
        value={values.description}
        onChange={set('description')}
        error={message('description')}
        maxLength={limits.description}
        rows={6}
        className="[&_textarea]:leading-relaxed"
      />
    </>
  );
}
