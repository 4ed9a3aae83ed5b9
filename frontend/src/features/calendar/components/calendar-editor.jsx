import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../components/ui/fields';
import { TagInput } from '../../../components/ui/tag-input';
import { FormError } from '../../../components/ui/error-state';
import { dateLabel, checkDate } from '../../../lib/calendar';
import { checkDraft, fromDraft, newEra, newMonth, toDraft } from '../calendar-draft';
import { RowButtons, move, serverErrorKey } from './editor-parts';

/** The API's complaints (2001 data.fields) until the user touches the field again. */
function useServerErrors(error) {
  const [cleared, setCleared] = useState(() => new Set());
  useEffect(() => setCleared(new Set()), [error]);
  const fields = Object.fromEntries(Object.entries(error?.fields ?? {}).filter(([field]) => !cleared.has(field)));
  return { fields, clear: (field) => setCleared((set) => new Set(set).add(field)) };
}

/**
 * Edit a world's calendar: year name, year 0, months (add, remove, reorder), the leap rule,
 * weekdays and eras, with a live preview of a date, and how far a traveller goes in a day (for
 * the "too far" check). `onSave(calendar, travelPerDay)`; `error` is the failed save
 * (2001 field errors land on their fields); `notice` is shown above the buttons.
 */
export function CalendarEditor({ calendar, travelPerDay = null, onSave, onCancel, pending = false, error = null, notice = null }) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState(() => toDraft(calendar));
  const [travel, setTravel] = useState(travelPerDay === null || travelPerDay === undefined ? '' : String(travelPerDay));
  const [submitted, setSubmitted] = useState(false);
  const [sample, setSample] = useState({ year: '1300', month: '5', day: '6' });
  const server = useServerErrors(error);
  const local = checkDraft(draft);
  const travelText = travel.trim();
  if (travelText && !(Number(travelText) > 0 && Number.isFinite(Number(travelText)))) local.travel_per_day = 'travel';
  const language = i18n.language?.startsWith('en') ? 'en' : 'vi';

  const errorOf = (field, quiet = false) => {
    const message = server.fields[field];
    if (message) {
      return language === 'en' && typeof message === 'string' ? message : t(`calendar.errors.${serverErrorKey(field)}`);
    }
    // Shown as soon as a value is wrong, except "no months", which waits for a save.
    if (local[field] && (submitted || (!quiet && field !== 'calendar.months'))) return t(`calendar.errors.${local[field]}`);
    return undefined;
  };
  const update = (changes, field) => {
    setDraft((old) => ({ ...old, ...changes }));
    if (field) server.clear(field);
  };
  const setRow = (list, index, changes, field) => update({ [list]: draft[list].map((row, i) => (i === index ? { ...row, ...changes } : row)) }, field);

  const submit = (event) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(local).length) return;
    onSave(fromDraft(draft), travelText ? Number(travelText) : null);
  };

  const preview = (() => {
    if (Object.keys(local).some((field) => field !== 'travel_per_day')) return null;
    const cal = fromDraft(draft);
    const year = Number(sample.year);
    const month = sample.month ? Number(sample.month) : null;
    const day = sample.day ? Number(sample.day) : null;
    if (!/^-?\d+$/.test(sample.year) || Object.keys(checkDate(cal, { year, month, day })).length) return t('calendar.previewInvalid');
    return dateLabel(cal, { year, month, day }, language);
  })();
  const shownFields = (field) => field === 'travel_per_day' || field === 'calendar' || (field.startsWith('calendar.') && !field.startsWith('calendar.weekdays.'));
  // The calendar as a whole: the new one would not hold the dates of some events.
  const whole = server.fields.calendar;
  const unshown = error && !Object.keys(error.fields ?? {}).some(shownFields);

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-6">
      <section className="grid gap-4 sm:grid-cols-2">
        <TextField label={t('calendar.yearName')} hint={t('calendar.yearNameHint')} value={draft.year_name} onChange={(e) => update({ year_name: e.target.value }, 'calendar.year_name')} error={errorOf('calendar.year_name')} maxLength={40} />
        <label className="flex items-center gap-3 self-end pb-2 text-sm">
          <input type="checkbox" className="toggle toggle-primary" checked={draft.year_zero} onChange={(e) => update({ year_zero: e.target.checked })} />
          <span>{t('calendar.yearZero')}<span className="block text-xs text-base-content/60">{t('calendar.yearZeroHint')}</span></span>
        </label>
      </section>

      <fieldset className="flex flex-col gap-2">
        <legend className="mb-2 font-semibold">{t('calendar.months')}</legend>
        {errorOf('calendar.months') && <p className="text-sm text-error" role="alert">{errorOf('calendar.months')}</p>}
        <ol className="flex flex-col gap-2">
          {draft.months.map((month, i) => {
            const name = month.name || t('calendar.monthNumber', { number: i + 1 });
            return (
              <li key={month.key} className="flex flex-wrap items-start gap-2 rounded-box border border-base-300 p-2" data-testid="calendar-month">
                <span className="w-6 pt-8 text-sm text-base-content/60" aria-hidden="true">{i + 1}.</span>
                <TextField className="min-w-32 flex-1" label={t('calendar.monthName', { number: i + 1 })} value={month.name} placeholder={t('calendar.monthNumber', { number: i + 1 })} onChange={(e) => setRow('months', i, { name: e.target.value }, `calendar.months.${i}.name`)} error={errorOf(`calendar.months.${i}.name`)} />
                <TextField className="w-24" label={t('calendar.days')} inputMode="numeric" value={month.days} onChange={(e) => setRow('months', i, { days: e.target.value }, `calendar.months.${i}.days`)} error={errorOf(`calendar.months.${i}.days`)} />
                <RowButtons index={i} count={draft.months.length} name={name} t={t} onMove={(by) => update({ months: move(draft.months, i, by) })} onRemove={() => update({ months: draft.months.filter((_, j) => j !== i) }, 'calendar.months')} />
              </li>
            );
          })}
        </ol>
        <button type="button" className="btn btn-sm self-start" onClick={() => update({ months: [...draft.months, newMonth()] }, 'calendar.months')}>{t('calendar.addMonth')}</button>
      </fieldset>

      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 font-semibold">{t('calendar.leap')}</legend>
        <label className="flex items-center gap-3 text-sm">
          <input type="checkbox" className="toggle toggle-primary" checked={draft.leapOn} onChange={(e) => update({ leapOn: e.target.checked })} />
          {t('calendar.hasLeap')}
        </label>
        {draft.leapOn && (
          <div className="grid gap-3 sm:grid-cols-2">
            <SelectField
              label={t('calendar.leapMonth')}
              value={draft.leapMonthKey}
              onChange={(e) => update({ leapMonthKey: e.target.value }, 'calendar.leap.month')}
              error={errorOf('calendar.leap.month')}
              options={draft.months.map((m, i) => ({ value: m.key, label: m.name || t('calendar.monthNumber', { number: i + 1 }) }))}
            />
            <TextField label={t('calendar.leapRule')} hint={t('calendar.leapRuleHint')} value={draft.leapRule} onChange={(e) => update({ leapRule: e.target.value }, 'calendar.leap.rule')} error={errorOf('calendar.leap.rule')} />
          </div>
        )}
      </fieldset>

      <TagInput
        label={t('calendar.weekdays')}
        hint={t('calendar.weekdaysHint')}
        value={draft.weekdays}
        onChange={(weekdays) => update({ weekdays }, 'calendar.weekdays')}
        error={errorOf('calendar.weekdays')}
        placeholder={t('calendar.weekdaysPlaceholder')}
        maxItems={30}
        maxLength={40}
      />

      <fieldset className="flex flex-col gap-2">
        <legend className="mb-2 font-semibold">{t('calendar.eras')}</legend>
        <p className="text-xs text-base-content/60">{t('calendar.erasHint')}</p>
        {errorOf('calendar.eras') && <p className="text-sm text-error" role="alert">{errorOf('calendar.eras')}</p>}
        <ul className="flex flex-col gap-2">
          {draft.eras.map((era, i) => (
            <li key={era.key} className="flex flex-wrap items-start gap-2 rounded-box border border-base-300 p-2" data-testid="calendar-era">
              <TextField className="min-w-32 flex-1" label={t('calendar.eraName')} value={era.name} onChange={(e) => setRow('eras', i, { name: e.target.value }, `calendar.eras.${i}.name`)} error={errorOf(`calendar.eras.${i}.name`, !era.name)} />
              <TextField className="w-32" label={t('calendar.eraStart')} inputMode="numeric" value={era.start_year} onChange={(e) => setRow('eras', i, { start_year: e.target.value }, `calendar.eras.${i}.start_year`)} error={errorOf(`calendar.eras.${i}.start_year`, !era.start_year)} />
              <RowButtons index={i} count={draft.eras.length} name={era.name || t('calendar.eraName')} t={t} onMove={(by) => update({ eras: move(draft.eras, i, by) })} onRemove={() => update({ eras: draft.eras.filter((_, j) => j !== i) }, 'calendar.eras')} />
            </li>
          ))}
        </ul>
        <button type="button" className="btn btn-sm self-start" onClick={() => update({ eras: [...draft.eras, newEra()] })}>{t('calendar.addEra')}</button>
      </fieldset>

      <TextField
        label={t('calendar.travel')}
        hint={t('calendar.travelHint')}
        inputMode="decimal"
        value={travel}
        onChange={(e) => {
          setTravel(e.target.value);
          server.clear('travel_per_day');
        }}
        error={errorOf('travel_per_day')}
      />

      <section className="flex flex-col gap-2 rounded-box bg-base-200 p-3" aria-labelledby="calendar-preview">
        <h2 id="calendar-preview" className="font-semibold">{t('calendar.preview')}</h2>
        <div className="grid grid-cols-3 gap-2">
          <TextField label={t('calendar.sampleYear')} inputMode="numeric" value={sample.year} onChange={(e) => setSample({ ...sample, year: e.target.value })} />
          <TextField label={t('calendar.sampleMonth')} inputMode="numeric" value={sample.month} onChange={(e) => setSample({ ...sample, month: e.target.value })} />
          <TextField label={t('calendar.sampleDay')} inputMode="numeric" value={sample.day} onChange={(e) => setSample({ ...sample, day: e.target.value })} />
        </div>
        <p aria-live="polite" data-testid="calendar-preview-label" className="font-medium">{preview ?? t('calendar.previewFix')}</p>
      </section>

      {whole && (
        <div role="alert" className="alert alert-error alert-soft text-sm">
          {language === 'en' && typeof whole === 'string' ? whole : t('calendar.errors.eventsOutside')}
        </div>
      )}
      {notice && <div role="status" className="alert alert-warning alert-soft text-sm">{notice}</div>}
      {unshown && <FormError error={error} />}
      <div className="flex flex-wrap justify-end gap-2">
        <button type="button" className="btn btn-ghost" onClick={onCancel} disabled={pending}>{t('common.cancel')}</button>
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending && <span className="loading loading-spinner loading-sm" aria-hidden="true" />}
          {t('calendar.save')}
        </button>
      </div>
    </form>
  );
}
