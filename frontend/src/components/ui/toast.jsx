/**
 * Short notices ("World deleted") read out by screen readers (aria-live polite). They sit at the
 * bottom centre, or at the top under the header when the bottom would cover a control (a form's
 * buttons, a sticky bar); only the notice itself takes clicks, never the strip around it.
 */
import { createContext, useCallback, useContext, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

const ToastContext = createContext({ notify: () => {} });
const SHOWN_MS = 5000;
const GAP = 12;
// What a notice must never sit over: the header, sticky bars, form controls, marked areas.
const AVOID = 'header, .sticky, form button, form input, form select, form textarea, [data-toast-avoid]';

function overlaps(a, b) {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** The band (top or bottom) where a stack of `size` covers no control, preferring the bottom. */
export function choosePlacement(size, controls, viewport, headerBottom = 0) {
  const left = (viewport.width - size.width) / 2;
  const band = (top) => ({ left, right: left + size.width, top, bottom: top + size.height });
  const bottom = band(viewport.height - GAP - size.height);
  const top = band(headerBottom + GAP);
  const free = (rect) => !controls.some((control) => overlaps(rect, control));
  if (free(bottom)) return 'bottom';
  if (free(top)) return 'top';
  return 'bottom';
}

function visibleControls(region) {
  const height = window.innerHeight;
  return [...document.querySelectorAll(AVOID)]
    .filter((element) => !region.contains(element))
    .map((element) => element.getBoundingClientRect())
    .filter((rect) => rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.top < height);
}

function headerBottom() {
  const header = document.querySelector('header');
  return header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
}

export function ToastProvider({ children }) {
  const { t } = useTranslation();
  const [toasts, setToasts] = useState([]);
  const [placement, setPlacement] = useState('bottom');
  const region = useRef(null);
  const nextId = useRef(1);

  const dismiss = useCallback((id) => setToasts((list) => list.filter((toast) => toast.id !== id)), []);
  const notify = useCallback(
    (message, kind = 'success') => {
      const id = nextId.current++;
      setToasts((list) => {
        // The same notice twice at once (two requests failing together) is said once.
        if (list.some((toast) => toast.message === message)) return list;
        return [...list.slice(-2), { id, message, kind }];
      });
      setTimeout(() => dismiss(id), SHOWN_MS);
    },
    [dismiss],
  );
  const value = useMemo(() => ({ notify }), [notify]);

  useLayoutEffect(() => {
    if (!toasts.length || !region.current) return undefined;
    const place = () => {
      const stack = region.current?.firstElementChild;
      if (!stack) return;
      const rect = stack.getBoundingClientRect();
      const viewport = { width: window.innerWidth, height: window.innerHeight };
      setPlacement(choosePlacement({ width: rect.width, height: rect.height }, visibleControls(region.current), viewport, headerBottom()));
    };
    place();
    window.addEventListener('scroll', place, { passive: true });
    window.addEventListener('resize', place);
    return () => {
      window.removeEventListener('scroll', place);
      window.removeEventListener('resize', place);
    };
  }, [toasts]);

  const position = placement === 'top' ? { top: `${headerBottom() + GAP}px` } : { bottom: `${GAP}px` };
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div
        ref={region}
        className="pointer-events-none fixed inset-x-0 z-50 flex justify-center px-3"
        style={position}
        aria-live="polite"
        role="status"
        data-toast-placement={placement}
      >
        {toasts.length > 0 && (
          <div className="flex w-fit max-w-sm flex-col items-stretch gap-2">
            {toasts.map((toast) => (
              <div
                key={toast.id}
                data-testid="toast"
                className={`alert ${toast.kind === 'error' ? 'alert-error' : toast.kind === 'info' ? 'alert-info' : 'alert-success'} pointer-events-auto flex py-2 text-sm shadow-lg`}
              >
                <span className="min-w-0 [overflow-wrap:anywhere]">{toast.message}</span>
                <button type="button" className="btn btn-ghost btn-xs" onClick={() => dismiss(toast.id)} aria-label={t('common.dismiss')}>
                  ✕
                </button>
              </div>
            ))}
          </div>
        )}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast() {
  return useContext(ToastContext);
}
