import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A list of short texts as chips (aliases, names): Enter or a comma adds what was typed,
 * Backspace in the empty box removes the last chip, each chip has its own remove button.
 * `value` is the list; `onChange(list)`; `pending`/`onPendingChange` expose the unfinished text so
 * a form can add it on submit.
 */
export function TagInput({ label, value, onChange, hint, error, placeholder, maxItems = 20, maxLength = 120, removeLabel, id: givenId, pending, onPendingChange }) {
  const { t } = useTranslation();
  const autoId = useId();
  const id = givenId ?? autoId;
  const [ownText, setOwnText] = useState('');
  const text = pending ?? ownText;
  const setText = onPendingChange ?? setOwnText;
  const full = value.length >= maxItems;

  const add = (raw) => {
    const parts = raw.split(',').map((part) => part.trim()).filter(Boolean);
    if (!parts.length) return;
    const next = [...value];
    parts.forEach((part) => {
      const clipped = part.slice(0, maxLength);
      if (next.length < maxItems && !next.some((item) => item.toLowerCase() === clipped.toLowerCase())) next.push(clipped);
    });
    onChange(next);
    setText('');
  };

  const describedBy = [error ? `${id}-error` : hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;

  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium">{label}</label>
      <div className={`input flex h-auto min-h-10 w-full flex-wrap items-center gap-1.5 py-1.5 ${error ? 'input-error' : ''}`}>
        {value.map((item, index) => (
          <span key={`${item}-${index}`} className="badge badge-soft badge-primary h-auto gap-1 py-0.5 pr-0.5">
            <span className="break-all">{item}</span>
            <button
              type="button"
              className="btn btn-ghost btn-circle btn-xs min-h-0"
              aria-label={removeLabel ? removeLabel(item) : t('tags.remove', { item })}
              onClick={() => onChange(value.filter((_, i) => i !== index))}
            >
              <span aria-hidden="true">✕</span>
            </button>
          </span>
        ))}
        <input
          id={id}
          className="min-w-24 flex-1 bg-transparent outline-none"
          value={text}
          placeholder={full ? '' : placeholder}
          disabled={full}
          maxLength={maxLength}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy}
          onChange={(event) => {
            const next = event.target.value;
            if (next.includes(',')) add(next);
            else setText(next);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              if (text.trim()) {
                event.preventDefault();
                add(text);
              }
            } else if (event.key === 'Backspace' && !text && value.length) {
              onChange(value.slice(0, -1));
            }
          }}
          onBlur={() => { if (text.trim()) add(text); }}
        />
      </div>
      {hint && !error && <p id={`${id}-hint`} className="text-xs text-base-content/60">{hint}</p>}
      {error && <p id={`${id}-error`} className="text-sm text-error">{error}</p>}
    </div>
  );
}
