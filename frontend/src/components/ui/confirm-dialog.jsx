import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** A modal asking the user to confirm a destructive action. Escape or "Cancel" closes it. */
export function ConfirmDialog({ open, title, children, confirmLabel, onConfirm, onCancel, pending = false, danger = true }) {
  const { t } = useTranslation();
  const ref = useRef(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="modal modal-bottom sm:modal-middle"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onCancel();
      }}
    >
      {open && (
        <div className="modal-box">
          <h2 id={titleId} className="text-lg font-bold">{title}</h2>
          <div id={bodyId} className="py-4 text-base-content/80">{children}</div>
          <div className="modal-action">
            <button type="button" className="btn btn-ghost" onClick={onCancel} disabled={pending} autoFocus>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className={`btn ${danger ? 'btn-error' : 'btn-primary'}`}
              onClick={onConfirm}
              disabled={pending}
            >
              {pending && <span className="loading loading-spinner loading-sm" aria-hidden="true" />}
              {confirmLabel}
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}
