import { useEffect, useId, useRef, useState } from 'react';
import { useLocation } from 'react-router';

/** A disclosure menu: a button that opens a list; Escape, a click outside or navigating closes it. */
export function Menu({ label, buttonContent, buttonClassName = 'btn btn-ghost', align = 'end', children }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef(null);
  const button = useRef(null);
  const location = useLocation();

  useEffect(() => setOpen(false), [location.pathname]);

  useEffect(() => {
    if (!open) return undefined;
    const onClick = (event) => {
      if (!root.current?.contains(event.target)) setOpen(false);
    };
    const onKey = (event) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('mousedown', onClick);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onClick);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        className={buttonClassName}
        aria-expanded={open}
        aria-controls={id}
        aria-label={label || undefined}
        onClick={() => setOpen((o) => !o)}
      >
        {buttonContent}
      </button>
      <ul
        id={id}
        hidden={!open}
        className={`menu absolute z-40 mt-2 w-56 rounded-box border border-base-300 bg-base-100 p-2 shadow-lg ${align === 'end' ? 'right-0' : 'left-0'}`}
        onClick={(event) => {
          if (event.target.closest('a,button')) setOpen(false);
        }}
      >
        {children}
      </ul>
    </div>
  );
}
