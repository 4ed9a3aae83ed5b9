import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_FORMATS, useExportWorld } from '../api/export-world';
import { useToast } from '../../../components/ui/toast';
import { errorMessage } from '../../../lib/api-client';

// The list's width (w-72) and the margin it keeps from the screen's edge, in pixels.
const MENU_WIDTH = 288;
const EDGE = 8;

/**
 * "Export" opens a short list of formats; picking one downloads the file. Escape closes it.
 * With `entityId` (and the card formats) it exports that character instead of the world.
 * The list opens under the button's right edge, or its left one when that leaves no room
 * (the button sits on the left on a phone).
 */
export function ExportMenu({ world, formats = EXPORT_FORMATS, entityId, label = 'export.action', hint = 'export.hint' }) {
  const { t } = useTranslation();
  const { notify } = useToast();
  const id = useId();
  const root = useRef(null);
  const [fromStart, setFromStart] = useState(false);
  const exporting = useExportWorld({
    onSuccess: (file) => notify(t('export.done', { filename: file.filename })),
    onError: (error) => notify(errorMessage(error), 'error'),
  });

  useEffect(() => {
    const onClick = (event) => {
      if (root.current?.open && !root.current.contains(event.target)) root.current.open = false;
    };
    document.addEventListener('mousedown', onClick);
    return () => document.removeEventListener('mousedown', onClick);
  }, []);

  const close = () => {
    if (root.current) root.current.open = false;
  };

  return (
    <details
      ref={root}
      className={`dropdown ${fromStart ? 'dropdown-start' : 'dropdown-end'}`}
      onToggle={(event) => {
        if (event.currentTarget.open) setFromStart(event.currentTarget.getBoundingClientRect().right < MENU_WIDTH + EDGE);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && root.current?.open) {
          event.preventDefault();
          close();
          root.current.querySelector('summary')?.focus();
        }
      }}
    >
      <summary className="btn btn-sm" aria-describedby={`${id}-hint`}>
        {exporting.isPending && <span className="loading loading-spinner loading-xs" aria-hidden="true" />}
        {t(label)}
        <span aria-hidden="true">▾</span>
      </summary>
      <span id={`${id}-hint`} className="sr-only">{t(hint)}</span>
      <ul className="menu dropdown-content z-40 mt-2 w-72 max-w-[calc(100vw-1rem)] rounded-box border border-base-300 bg-base-100 p-2 shadow-lg">
        {formats.map((format) => (
          <li key={format}>
            <button
              type="button"
              disabled={exporting.isPending}
              onClick={() => {
                close();
                exporting.mutate({ worldId: world.world_id, format, entityId });
              }}
              className="flex flex-col items-start gap-0"
            >
              <span className="font-medium">{t(`export.formats.${format}.label`)}</span>
              <span className="text-xs text-base-content/60">{t(`export.formats.${format}.description`)}</span>
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
