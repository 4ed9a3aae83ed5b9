/** Labelled form fields (text, long text, choice) with hint, error and a length counter near the limit. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

// The counter appears once a text uses this share of its limit.
const COUNTER_FROM = 0.8;

/** "118 / 120" once a text nears its maxLength (the same number the API and the error message use). */
function LengthCounter({ value, max }) {
  const { t } = useTranslation();
  const count = typeof value === 'string' ? value.length : 0;
  if (!max || count < max * COUNTER_FROM) return null;
  return (
    <p className={`text-right text-xs tabular-nums ${count >= max ? 'text-error' : 'text-base-content/60'}`} data-testid="length-counter">
      {t('desk.limits.count', { count, max })}
    </p>
  );
}

/** Label, control, hint and error wired together for screen readers. */
function FieldShell({ id, label, hint, error, children, className = '', value, maxLength }) {
  return (
    <div className={`flex min-w-0 flex-col gap-1.5 ${className}`}>
      <label htmlFor={id} className="text-sm font-medium">{label}</label>
      {children}
      {hint && !error && <p id={`${id}-hint`} className="text-xs text-base-content/60">{hint}</p>}
      {error && <p id={`${id}-error`} className="text-sm text-error">{error}</p>}
      <LengthCounter value={value} max={maxLength} />
    </div>
  );
}

function describedBy(id, hint, error) {
  if (error) return `${id}-error`;
  if (hint) return `${id}-hint`;
  return undefined;
}

export function TextField({ label, hint, error, className, id: givenId, ...props }) {
  const autoId = useId();
  const id = givenId ?? autoId;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className={className} value={props.value} maxLength={props.maxLength}>
      <input
        id={id}
        className={`input w-full ${error ? 'input-error' : ''}`}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...props}
      />
    </FieldShell>
  );
}

export function TextAreaField({ label, hint, error, className, id: givenId, ...props }) {
  const autoId = useId();
  const id = givenId ?? autoId;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className={className} value={props.value} maxLength={props.maxLength}>
      <textarea
        id={id}
        className={`textarea w-full ${error ? 'textarea-error' : ''}`}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...props}
      />
    </FieldShell>
  );
}

export function SelectField({ label, hint, error, options, className, id: givenId, ...props }) {
  const autoId = useId();
  const id = givenId ?? autoId;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className={className}>
      <select
        id={id}
        className={`select w-full ${error ? 'select-error' : ''}`}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...props}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
