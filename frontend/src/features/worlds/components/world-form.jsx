import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextAreaField, TextField } from '../../../components/ui/fields';
import { AiDescribeButton } from '../../../components/ai/ai-describe-button';
import { FormError } from '../../../components/ui/error-state';
import { FormFooter } from '../../../components/ui/form-footer';
import { ConflictNotice, useConflict } from '../../../components/ui/conflict-notice';
import { VISIBILITIES, WORLD_LANGUAGES, WORLD_TYPES } from '../constants';
import { hasShownFieldError, serverFieldMessage } from '../../../lib/field-errors';
import { keepEdits, withVersion } from '../../../lib/form-values';
import { LIMITS } from '../../../lib/limits';

export const NAME_MAX = LIMITS.worldName;
export const GENERATE_LIMITS = { entities: 200, locations: 100 };
export const GENERATE_LANGUAGES = ['vi', 'en', 'mixed'];
const GENERATE_DEFAULTS = { entities: '12', locations: '8' };

/** The interface language as a world language (vi unless the app is in English). */
function uiLanguage(i18n) {
  return (i18n.resolvedLanguage ?? i18n.language) === 'en' ? 'en' : 'vi';
}

function initialValues(world, language = 'vi') {
  return {
    name: world?.name ?? '',
    world_type: world?.world_type ?? 'fantasy',
    description: world?.description ?? '',
    visibility: world?.visibility ?? 'private',
    language: world ? (world.language ?? 'vi') : language,
  };
}

/**
 * Only what changed, so a PUT keeps everything else (and never sends fields the user may not set).
 * A new world sends its language only when it is not the API's default (vi).
 */
function changedFields(values, world, canManage) {
  const base = initialValues(world);
  const out = {};
  Object.keys(values).forEach((key) => {
    if (key === 'visibility' && !canManage) return;
    const value = key === 'name' ? values[key].trim() : values[key];
    if (!world && key === 'language' && value === 'vi') return;
    if (!world || value !== base[key]) out[key] = value;
  });
  return out;
}

/**
 * Create or edit a world: name, type, description and (for whoever manages it) visibility.
 * `onSubmit(body)` returns the mutation's promise; `error` is its ApiError.
 */
export function WorldForm({ world: loaded, canManage = true, onSubmit, onCancel, pending = false, error }) {
  const { t, i18n } = useTranslation();
  // The version of the world this form edits: the one it was opened with, or the one reloaded after a 3004.
  const [world, setWorld] = useState(loaded);
  const [values, setValues] = useState(() => initialValues(loaded, uiLanguage(i18n)));
  const { conflict, reload, reloaded } = useConflict(error);
  const [clientErrors, setClientErrors] = useState({});
  const generatorId = useId();
  const [generate, setGenerate] = useState(false);
  const [counts, setCounts] = useState(GENERATE_DEFAULTS);
  // Follows the interface language until the user picks one.
  const [chosenLanguage, setChosenLanguage] = useState(null);
  const generateLanguage = chosenLanguage ?? uiLanguage(i18n);
  const serverFields = error?.fields ?? {};
  const hasFieldErrors = hasShownFieldError(serverFields, canManage
    ? ['name', 'world_type', 'description', 'visibility', 'language', 'generate.entities', 'generate.locations', 'generate.language']
    : ['name', 'world_type', 'description', 'language']);

  const set = (name) => (event) => {
    setValues((v) => ({ ...v, [name]: event.target.value }));
    setClientErrors((e) => ({ ...e, [name]: null }));
  };

  const message = (name) => {
    if (clientErrors[name]) return t(clientErrors[name], { max: name === 'description' ? LIMITS.worldDescription : NAME_MAX });
    return serverFieldMessage(name, serverFields[name]);
  };

  const submit = (event) => {
    event.preventDefault();
    const name = values.name.trim();
    const errors = {};
    if (!name) errors.name = 'validation.required';
    else if (name.length > NAME_MAX) errors.name = 'validation.tooLong';
    if (values.description.length > LIMITS.worldDescription) errors.description = 'validation.tooLong';
    const numbers = {};
    if (generate && !world) {
      Object.entries(GENERATE_LIMITS).forEach(([key, max]) => {
        const text = String(counts[key]).trim();
        const value = Number(text);
        if (!/^\d+$/.test(text) || value > max) errors[`generate.${key}`] = 'generator.range';
        else numbers[key] = value;
      });
    }
    setClientErrors(errors);
    if (Object.keys(errors).length) return;
    const body = changedFields(values, world, canManage);
    if (generate && !world && (numbers.entities > 0 || numbers.locations > 0)) {
      body.generate = { ...numbers, language: generateLanguage };
    }
    onSubmit(world ? withVersion(body, world.version) : body);
  };

  // Their version in, what this user changed kept; the next save is based on their version.
  const reloadTheirs = () => reload((current) => {
    const theirs = { ...world, ...current };
    setValues((v) => keepEdits(v, initialValues(world), initialValues(theirs)));
    setWorld(theirs);
    setClientErrors({});
  });

  return (
    <form className="flex flex-col gap-5" onSubmit={submit} noValidate>
      <ConflictNotice kind="world" conflict={conflict} reloaded={reloaded} onReload={reloadTheirs} />
      {error && !conflict && error.errorCode !== '3004' && !hasFieldErrors && <FormError error={error} />}
      <TextField
        label={t('worldForm.name')}
        name="name"
        value={values.name}
        onChange={set('name')}
        error={message('name')}
        maxLength={NAME_MAX}
        autoFocus={!world}
        required
      />
      <div className="grid grid-cols-1 gap-5 sm:grid-cols-2">
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
        <SelectField
          label={t('desk.language.label')}
          name="language"
          value={values.language}
          onChange={set('language')}
          error={message('language')}
          hint={t('desk.language.hint')}
          options={WORLD_LANGUAGES.map((value) => ({ value, label: t(`desk.language.${value}`) }))}
        />
      </div>
      <TextAreaField
        label={t('worldForm.description')}
        name="description"
        value={values.description}
        onChange={set('description')}
        error={message('description')}
        hint={t('worldForm.descriptionHint')}
        maxLength={LIMITS.worldDescription}
        rows={8}
        className="[&_textarea]:leading-relaxed"
      />
      <AiDescribeButton
        body={() => ({ type: 'world', world_name: values.name.trim() || t('ai.untitledWorld'), world_type: values.world_type, language: values.language })}
        onResult={(text) => setValues((v) => ({ ...v, description: text }))}
      />
      {!world && (
        <fieldset className="flex flex-col gap-3 rounded-box border border-base-300 p-4">
          <legend className="px-1 text-sm font-medium">{t('generator.title')}</legend>
          <div className="flex items-start gap-3">
            <input
              id={`${generatorId}-toggle`}
              type="checkbox"
              className="checkbox checkbox-primary mt-0.5"
              checked={generate}
              onChange={(event) => setGenerate(event.target.checked)}
              aria-describedby={`${generatorId}-hint`}
            />
            <div className="flex flex-col">
              <label htmlFor={`${generatorId}-toggle`} className="cursor-pointer">{t('generator.fill')}</label>
              <p id={`${generatorId}-hint`} className="text-xs text-base-content/60">{t('generator.hint')}</p>
            </div>
          </div>
          {generate && (
            <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
              {Object.entries(GENERATE_LIMITS).map(([key, max]) => (
                <TextField
                  key={key}
                  label={t(`generator.${key}`, { max })}
                  name={`generate-${key}`}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={max}
                  step={1}
                  value={counts[key]}
                  onChange={(event) => {
                    setCounts((c) => ({ ...c, [key]: event.target.value }));
                    setClientErrors((e) => ({ ...e, [`generate.${key}`]: null }));
                  }}
                  error={clientErrors[`generate.${key}`]
                    ? t(clientErrors[`generate.${key}`], { max })
                    : serverFieldMessage(`generate.${key}`, serverFields[`generate.${key}`], 'generate')}
                />
              ))}
              <SelectField
                label={t('generator.language')}
                name="generate-language"
                className="sm:col-span-2"
                value={generateLanguage}
                onChange={(event) => setChosenLanguage(event.target.value)}
                error={serverFieldMessage('generate.language', serverFields['generate.language'], 'generateLanguage')}
                options={GENERATE_LANGUAGES.map((value) => ({ value, label: t(`generator.languages.${value}`) }))}
              />
            </div>
          )}
        </fieldset>
      )}
      <FormFooter
        onCancel={onCancel}
        pending={pending}
        submitLabel={world ? t('worldForm.save') : pending && generate ? t('generator.pending') : t('worldForm.create')}
      />
    </form>
  );
}
