import { useTranslation } from 'react-i18next';

/** Buttons that move to where each era begins on the axis (its band has the id `era-<index>`). */
export function EraNav({ eras }) {
  const { t } = useTranslation();
  if (eras.length < 2) return null;
  const go = (index) => {
    const band = document.getElementById(`era-${index}`);
    band?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
    band?.focus({ preventScroll: true });
  };
  return (
    <nav aria-label={t('timeline.eras')} className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-base-content/60">{t('timeline.eras')}:</span>
      {eras.map((era, index) => (
        <button key={era} type="button" className="btn btn-ghost btn-xs" onClick={() => go(index)}>{era}</button>
      ))}
    </nav>
  );
}
