import { useId } from 'react';
import { LIMITS } from '../../lib/limits';

/** A labelled search box with a magnifier and a spinner while results are on their way. */
export function SearchField({ label, value, onChange, placeholder, busy = false, className = '' }) {
  const id = useId();
  return (
    <div className={`flex w-full flex-col gap-1.5 ${className}`}>
      <label htmlFor={id} className="text-sm font-medium">{label}</label>
      <label className="input w-full">
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4 opacity-60" fill="none" stroke="currentColor" strokeWidth="2">
          <circle cx="11" cy="11" r="7" /><path d="m20 20-3.5-3.5" />
        </svg>
        <input
          id={id}
          type="search"
          className="grow"
          placeholder={placeholder}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          autoComplete="off"
          maxLength={LIMITS.search}
        />
        {busy && <span className="loading loading-spinner loading-xs" aria-hidden="true" />}
      </label>
    </div>
  );
}
