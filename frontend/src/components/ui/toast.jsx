import { createContext, useCallback, useContext, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

const ToastContext = createContext({ notify: () => {} });

/** Short notices ("World deleted") shown in a corner and read out by screen readers. */
export function ToastProvider({ children }) {
  const { t } = useTranslation();
  const [toasts, setToasts] = useState([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id) => setToasts((list) => list.filter((toast) => toast.id !== id)), []);
  const notify = useCallback(
    (message, kind = 'success') => {
      const id = nextId.current++;
      setToasts((list) => [...list.slice(-2), { id, message, kind }]);
      setTimeout(() => dismiss(id), 4000);
    },
    [dismiss],
  );
  const value = useMemo(() => ({ notify }), [notify]);

  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toast toast-end toast-bottom z-50" aria-live="polite" role="status">
        {toasts.map((toast) => (
          <div key={toast.id} className={`alert ${toast.kind === 'error' ? 'alert-error' : toast.kind === 'info' ? 'alert-info' : 'alert-success'} shadow-lg`}>
            <span>{toast.message}</span>
            <button type="button" className="btn btn-ghost btn-xs" onClick={() => dismiss(toast.id)} aria-label={t('common.dismiss')}>
              ✕
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast() {
  return useContext(ToastContext);
}
