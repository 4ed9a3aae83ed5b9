import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTRIBUTE_NAME_MAX, ATTRIBUTE_TEXT_MAX, ATTRIBUTES_MAX } from '../constants';

let nextRow = 1;
const rowId = () => `attr-${nextRow++}`;

/** Editable rows from an entity's attributes: numbers stay numbers, everything else is text. */
export function attributesToRows(attributes) {
  return Object.entries(attributes ?? {}).map(([key, value]) => ({
    id: rowId(),
    key,
    kind: typeof value === 'number' ? 'number' : 'text',
    value: value === null || value === undefined ? '' : String(value),
  }));
}

export function emptyRow() {
  return { id: rowId(), key: '', kind: 'text', value: '' };
}

/**
 * Checks the rows; returns { attributes, errors } where errors maps a row id to a message key
 * (and `_form` for the whole list). Rows left completely empty are dropped.
 */
export function rowsToAttributes(rows) {
  const attributes = {};
  const errors = {};
  const seen = new Set();
  rows.forEach((row) => {
    const key = row.key.trim();
    const raw = row.value.trim();
    if (!key && !raw) return;
    if (!key) { errors[row.id] = 'attributes.errors.keyRequired'; return; }
    if (key.length > ATTRIBUTE_NAME_MAX) { errors[row.id] = 'attributes.errors.keyTooLong'; return; }
    if (seen.has(key)) { errors[row.id] = 'attributes.errors.duplicate'; return; }
    seen.add(key);
    if (row.kind === 'number') {
      const number = Number(raw.replace(',', '.'));
      if (!raw || !Number.isFinite(number)) { errors[row.id] = 'attributes.errors.notNumber'; return; }
      attributes[key] = number;
    } else {
      if (row.value.length > ATTRIBUTE_TEXT_MAX) { errors[row.id] = 'attributes.errors.valueTooLong'; return; }
      attributes[key] = row.value.trim();
    }
  });
  if (Object.keys(attributes).length > ATTRIBUTES_MAX) errors._form = 'attributes.errors.tooMany';
  return { attributes, errors };
}

/** Key/value rows with a number-or-text switch per row; add and remove rows. */
export function AttributesEditor({ rows, onChange, errors = {}, serverError }) {
  const { t } = useTranslation();
  const headingId = useId();

  const update = (id, changes) => onChange(rows.map((row) => (row.id === id ? { ...row, ...changes } : row)));

  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={serverError || errors._form ? `${headingId}-error` : undefined}>
      <legend id={headingId} className="mb-1.5 text-sm font-medium">{t('attributes.title')}</legend>
      <p className="text-xs text-base-content/60">{t('attributes.hint')}</p>
      {rows.length > 0 && (
        <ul className="flex flex-col gap-3">
          {rows.map((row, index) => {
            const n = index + 1;
            const error = errors[row.id];
            const errorId = `${row.id}-error`;
            return (
              <li key={row.id} className="flex flex-col gap-1" data-testid="attribute-row">
                <div className="grid grid-cols-[1fr_auto] gap-2 sm:grid-cols-[minmax(0,2fr)_auto_minmax(0,3fr)_auto]">
                  <input
                    className={`input w-full ${error ? 'input-error' : ''}`}
                    aria-label={t('attributes.key', { n })}
                    placeholder={t('attributes.keyPlaceholder')}
                    value={row.key}
                    maxLength={ATTRIBUTE_NAME_MAX}
                    aria-invalid={error ? 'true' : undefined}
                    aria-describedby={error ? errorId : undefined}
                    onChange={(event) => update(row.id, { key: event.target.value })}
                  />
                  <select
                    className="select w-28"
                    aria-label={t('attributes.kind', { n })}
                    value={row.kind}
                    onChange={(event) => update(row.id, { kind: event.target.value })}
                  >
                    <option value="text">{t('attributes.kinds.text')}</option>
                    <option value="number">{t('attributes.kinds.number')}</option>
                  </select>
                  <input
                    className={`input col-span-1 w-full ${error ? 'input-error' : ''}`}
                    aria-label={t('attributes.value', { n })}
                    placeholder={row.kind === 'number' ? '42' : t('attributes.valuePlaceholder')}
                    type="text"
                    inputMode={row.kind === 'number' ? 'decimal' : undefined}
                    maxLength={row.kind === 'number' ? undefined : ATTRIBUTE_TEXT_MAX}
                    value={row.value}
                    aria-invalid={error ? 'true' : undefined}
                    aria-describedby={error ? errorId : undefined}
                    onChange={(event) => update(row.id, { value: event.target.value })}
                  />
                  <button
                    type="button"
                    className="btn btn-ghost btn-square"
                    aria-label={t('attributes.remove', { name: row.key || n })}
                    onClick={() => onChange(rows.filter((r) => r.id !== row.id))}
                  >
                    <span aria-hidden="true">✕</span>
                  </button>
                </div>
                {error && <p id={errorId} className="text-sm text-error">{t(error)}</p>}
              </li>
            );
          })}
        </ul>
      )}
      {(serverError || errors._form) && (
        <p id={`${headingId}-error`} className="text-sm text-error">{errors._form ? t(errors._form, { max: ATTRIBUTES_MAX }) : serverError}</p>
      )}
      <div>
        <button
          type="button"
          className="btn btn-sm btn-ghost"
          onClick={() => onChange([...rows, emptyRow()])}
          disabled={rows.length >= ATTRIBUTES_MAX}
        >
          <span aria-hidden="true">+</span> {t('attributes.add')}
        </button>
      </div>
    </fieldset>
  );
}
