import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A text box that suggests options as you type (ARIA combobox + listbox): ↑/↓ move, Enter picks,
 * Escape closes. The parent filters or fetches: it gets the typed text through `onInputChange`
 * and passes `options` [{ value, label, description? }]; `onSelect(option)` is called on a pick.
 */
export function Combobox({
  label, inputValue, onInputChange, options, onSelect, loading = false, emptyText, placeholder,
  hint, error, id: givenId, labelHidden = false, disabled = false, className = '',
}) {
  const { t } = useTranslation();
  const autoId = useId();
  const id = givenId ?? autoId;
  const listId = `${id}-list`;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const showList = open && !disabled;
  const activeIndex = Math.min(active, Math.max(0, options.length - 1));

  // Keep the option chosen with the arrow keys in sight in a long list.
  useEffect(() => {
    if (!showList) return;
    document.getElementById(`${id}-opt-${activeIndex}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [showList, activeIndex, id]);

  const pick = (option) => {
    onSelect(option);
    setOpen(false);
    setActive(0);
  };

  const onKeyDown = (event) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!open) setOpen(true);
      else setActive((i) => Math.min(options.length - 1, i + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (event.key === 'Enter') {
      if (showList && options[activeIndex]) {
        event.preventDefault();
        pick(options[activeIndex]);
      }
    } else if (event.key === 'Escape') {
      if (open) {
        event.preventDefault();
        event.stopPropagation();
        setOpen(false);
      }
    }
  };

  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;

  return (
    <div className={`relative flex flex-col gap-1.5 ${className}`}>
      <label htmlFor={id} className={labelHidden ? 'sr-only' : 'text-sm font-medium'}>{label}</label>
      <input
        id={id}
        type="text"
        role="combobox"
        className={`input w-full ${error ? 'input-error' : ''}`}
        value={inputValue}
        placeholder={placeholder}
        autoComplete="off"
        disabled={disabled}
        aria-expanded={showList}
        aria-controls={showList ? listId : undefined}
        aria-autocomplete="list"
        aria-activedescendant={showList && options[activeIndex] ? `${id}-opt-${activeIndex}` : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
        onChange={(event) => {
          onInputChange(event.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onClick={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {hint && !error && <p id={`${id}-hint`} className="text-xs text-base-content/60">{hint}</p>}
      {error && <p id={`${id}-error`} className="text-sm text-error">{error}</p>}
      {showList && (
        <ul
          id={listId}
          role="listbox"
          aria-label={label}
          className="absolute left-0 right-0 top-full z-40 mt-1 max-h-64 overflow-y-auto rounded-box border border-base-300 bg-base-100 p-1 shadow-lg"
        >
          {loading && options.length === 0 ? (
            <li className="px-3 py-2 text-sm text-base-content/60" role="presentation">{t('common.loading')}</li>
          ) : options.length === 0 ? (
            <li className="px-3 py-2 text-sm text-base-content/60" role="presentation">{emptyText ?? t('combobox.empty')}</li>
          ) : (
            options.map((option, index) => (
              <li
                key={option.value}
                id={`${id}-opt-${index}`}
                role="option"
                aria-selected={index === activeIndex}
                className={`cursor-pointer rounded-field px-3 py-2 text-sm ${index === activeIndex ? 'bg-primary/10' : ''}`}
                onMouseDown={(event) => event.preventDefault()}
                onMouseEnter={() => setActive(index)}
                onClick={() => pick(option)}
              >
                <span className="font-medium">{option.label}</span>
                {option.description && <span className="ml-2 text-xs text-base-content/60">{option.description}</span>}
              </li>
            ))
          )}
        </ul>
      )}
    </div>
  );
}
