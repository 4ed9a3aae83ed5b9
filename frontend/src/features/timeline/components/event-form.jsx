import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextAreaField, TextField } from '../../../components/ui/fields';
import { FormError } from '../../../components/ui/error-state';
import { dateLabel } from '../../../lib/calendar';
import { EVENT_KINDS, KIND_ICONS, PRECISIONS } from '../constants';
import { checkEventValues, eventBody, eventValues, formField } from '../event-values';
import { MultiPicker } from './multi-picker';

const SHOWN = ['title', 'kind', 'description', 'year', 'month', 'day', 'era', 'precision', 'anchor', 'offYears', 'offMonths', 'offDays', 'entity_ids', 'location_ids', 'story_id', 'story_position'];

/** The API's field errors (2001/2002) on the form's fields, worded for the user's language. */
function useServerErrors(error, t, i18n) {
  const [cleared, setCleared] = useState(() => new Set());
  useEffect(() => setCleared(new Set()), [error]);
  const errors = {};
  Object.entries(error?.fields ?? {}).forEach(([apiField, message]) => {
    const field = formField(apiField);
    if (errors[field] || cleared.has(field)) return;
    const known = t(`timeline.fieldErrors.${field}`, { defaultValue: '' });
    errors[field] = i18n.language === 'en' && typeof message === 'string' && message ? message : known || t('timeline.form.errors.invalid');
  });
  const clear = (field) => setCleared((set) => new Set(set).add(field));
  return { errors, clear };
}

/**
 * Create or edit one event: title, kind, a date in the world's calendar (or relative to another
 * event plus an offset), characters, places and the story. The calendar is checked as the user
 * types; the API's answer is the last word. `onSubmit(body)`; `notice` is shown above the buttons.
 */
export function EventForm({ calendar, event = null, events = [], entities = [], locations = [], stories = [], onSubmit, onCancel, pending = false, error = null, notice = null }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [values, setValues] = useState(() => eventValues(event, calendar));
  const [submitted, setSubmitted] = useState(false);
  const server = useServerErrors(error, t, i18n);
  const local = checkEventValues(values, calendar);
  const language = i18n.language?.startsWith('en') ? 'en' : 'vi';

  const set = (field) => (next) => {
    const value = next?.target ? next.target.value : next;
    setValues((old) => ({ ...old, [field]: value }));
    server.clear(field);
  };
  const fieldError = (field) => {
    if (server.errors[field]) return server.errors[field];
    const problem = local[field];
    // A date is checked as it is typed; a missing title only once the user tries to save.
    if (!problem || (!submitted && field === 'title') || (!submitted && field === 'anchor') || (!submitted && field === 'year' && !String(values.year).trim())) return undefined;
    return t(problem.key, problem.values);
  };

  const submit = (formEvent) => {
    formEvent.preventDefault();
    setSubmitted(true);
    if (Object.keys(local).length) return;
    onSubmit(eventBody(values));
  };

  const monthOptions = [
    { value: '', label: t('timeline.form.noMonth') },
    ...calendar.months.map((month, index) => ({ value: String(index + 1), label: month.name || t('timeline.form.monthNumber', { number: index + 1 }) })),
  ];
  const anchorOptions = [
    { value: '', label: t('timeline.form.pickAnchor') },
    ...events.filter((other) => other.event_id !== event?.event_id).map((other) => ({ value: other.event_id, label: `${other.title} (${other.date_label ?? ''})` })),
  ];
  const precisionOptions = [
    ...(event ? [] : [{ value: '', label: t('timeline.precisions.auto') }]),
    ...PRECISIONS.map((precision) => ({ value: precision, label: t(`timeline.precisions.${precision}`) })),
  ];
  const previewYear = /^-?\d+$/.test(String(values.year).trim()) ? Number(values.year) : null;
  const preview = values.dateMode === 'absolute' && previewYear !== null && !local.year && !local.month && !local.day
    ? dateLabel(calendar, { year: previewYear, month: values.month ? Number(values.month) : null, day: String(values.day).trim() ? Number(values.day) : null, era: values.era.trim(), precision: values.precision || (values.day && values.month ? 'exact' : 'approximate') }, language)
    : null;
  const unshown = error && !Object.keys(error.fields ?? {}).some((field) => SHOWN.includes(formField(field)));

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4" aria-label={event ? t('timeline.form.editLabel', { title: event.title }) : t('timeline.form.newLabel')}>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t('timeline.form.title')} value={values.title} onChange={set('title')} error={fieldError('title')} required maxLength={200} />
        <SelectField
          label={t('timeline.form.kind')}
          value={values.kind}
          onChange={set('kind')}
          error={fieldError('kind')}
          options={EVENT_KINDS.map((kind) => ({ value: kind, label: `${KIND_ICONS[kind]} ${t(`timeline.kinds.${kind}`)}` }))}
        />
      </div>
      <TextAreaField label={t('timeline.form.description')} value={values.description} onChange={set('description')} error={fieldError('description')} rows={2} />

      <fieldset className="flex flex-col gap-3 rounded-box border border-base-300 p-3">
        <legend className="px-1 text-sm font-medium">{t('timeline.form.when')}</legend>
        <div role="radiogroup" aria-label={t('timeline.form.when')} className="flex flex-wrap gap-4">
          {['absolute', 'relative'].map((mode) => (
            <label key={mode} className="flex items-center gap-2 text-sm">
              <input type="radio" className="radio radio-sm" name={`${id}-mode`} value={mode} checked={values.dateMode === mode} onChange={set('dateMode')} />
              {t(`timeline.form.mode.${mode}`)}
            </label>
          ))}
        </div>
        {values.dateMode === 'absolute' ? (
          <>
            <div className="grid grid-cols-3 gap-2">
              <TextField label={t('timeline.form.year')} inputMode="numeric" value={values.year} onChange={set('year')} error={fieldError('year')} />
              <SelectField label={t('timeline.form.month')} value={values.month} onChange={set('month')} error={fieldError('month')} options={monthOptions} />
              <TextField label={t('timeline.form.day')} inputMode="numeric" value={values.day} onChange={set('day')} error={fieldError('day')} />
            </div>
            <div className="grid gap-2 sm:grid-cols-2">
              <TextField label={t('timeline.form.era')} value={values.era} onChange={set('era')} error={fieldError('era')} hint={t('timeline.form.eraHint')} />
              <SelectField
                label={t('timeline.form.precision')}
                value={values.precision}
                onChange={set('precision')}
                error={fieldError('precision')}
                options={precisionOptions}
              />
            </div>
            {preview && <p className="text-sm text-base-content/70" aria-live="polite">{t('timeline.form.preview', { label: preview })}</p>}
          </>
        ) : (
          <>
            <SelectField label={t('timeline.form.anchor')} value={values.anchor} onChange={set('anchor')} error={fieldError('anchor')} options={anchorOptions} hint={t('timeline.form.anchorHint')} />
            <div className="grid grid-cols-3 gap-2">
              <TextField label={t('timeline.form.offYears')} inputMode="numeric" value={values.offYears} onChange={set('offYears')} error={fieldError('offYears')} />
              <TextField label={t('timeline.form.offMonths')} inputMode="numeric" value={values.offMonths} onChange={set('offMonths')} error={fieldError('offMonths')} />
              <TextField label={t('timeline.form.offDays')} inputMode="numeric" value={values.offDays} onChange={set('offDays')} error={fieldError('offDays')} />
            </div>
            <SelectField
              label={t('timeline.form.precision')}
              value={values.precision}
              onChange={set('precision')}
              error={fieldError('precision')}
              options={precisionOptions}
            />
          </>
        )}
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <MultiPicker
          label={t('timeline.form.characters')}
          items={entities}
          value={values.entity_ids}
          onChange={set('entity_ids')}
          error={fieldError('entity_ids')}
          placeholder={t('timeline.form.pickPlaceholder')}
          removeLabel={(name) => t('timeline.form.remove', { name })}
        />
        <MultiPicker
          label={t('timeline.form.places')}
          items={locations}
          value={values.location_ids}
          onChange={set('location_ids')}
          error={fieldError('location_ids')}
          placeholder={t('timeline.form.pickPlaceholder')}
          removeLabel={(name) => t('timeline.form.remove', { name })}
        />
      </div>
      {stories.length > 0 && (
        <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
          <SelectField
            label={t('timeline.form.story')}
            value={values.story_id}
            onChange={set('story_id')}
            error={fieldError('story_id')}
            options={[{ value: '', label: t('timeline.form.noStory') }, ...stories.map((story) => ({ value: story.story_id, label: story.title }))]}
          />
          {values.story_id && (
            <TextField label={t('timeline.form.storyPosition')} hint={t('timeline.form.storyPositionHint')} inputMode="numeric" value={values.story_position} onChange={set('story_position')} error={fieldError('story_position')} />
          )}
        </div>
      )}

      {notice && <div role="status" className="alert alert-warning alert-soft text-sm">{notice}</div>}
      {unshown && <FormError error={error} />}
      <div className="flex flex-wrap justify-end gap-2">
        <button type="button" className="btn btn-ghost" onClick={onCancel} disabled={pending}>{t('common.cancel')}</button>
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending && <span className="loading loading-spinner loading-sm" aria-hidden="true" />}
          {event ? t('timeline.form.save') : t('timeline.form.create')}
        </button>
      </div>
    </form>
  );
}
