/**
 * What an edit form shows when its save met 3004 (someone else saved first): a plain sentence,
 * and "Reload", which loads their version while keeping what was typed (the form decides how).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The 3004 error the form has not reloaded from yet, and `reload(apply)` which marks it handled. */
export function useConflict(error) {
  const [handled, setHandled] = useState(null);
  const [reloaded, setReloaded] = useState(false);
  const conflict = error?.errorCode === '3004' && error.data?.current && error !== handled ? error : null;
  const reload = (apply) => {
    if (!conflict) return;
    apply(conflict.data.current);
    setHandled(conflict);
    setReloaded(true);
  };
  return { conflict, reload, reloaded: reloaded && !conflict };
}

/** The notice: `kind` is world, entity or location; `onReload` runs the form's reload. */
export function ConflictNotice({ kind, conflict, reloaded, onReload }) {
  const { t } = useTranslation();
  if (conflict) {
    return (
      <div role="alert" className="alert alert-warning alert-soft flex flex-col items-start gap-2 text-sm sm:flex-row sm:items-center" data-testid="conflict">
        <div className="flex-1">
          <p className="font-semibold">{t(`desk.conflict.${kind}`)}</p>
          <p>{t('desk.conflict.body')}</p>
        </div>
        <button type="button" className="btn btn-sm" onClick={onReload}>{t('desk.conflict.reload')}</button>
      </div>
    );
  }
  if (reloaded) return <p role="status" className="alert alert-info alert-soft text-sm">{t('desk.conflict.reloaded')}</p>;
  return null;
}
