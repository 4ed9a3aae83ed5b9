/** The editor's formatting buttons: bold, italic, heading, lists, quote and scene break. */
import { useTranslation } from 'react-i18next';
import { FORMAT_ACTIONS } from '../lib/markdown-commands';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform ?? '');

/** "Ctrl+Shift+8" / "⌘⇧8" for a CodeMirror key name like "Mod-Shift-8". */
export function shortcutText(key) {
  const parts = key.split('-');
  if (isMac) return parts.map((p) => ({ Mod: '⌘', Shift: '⇧', Alt: '⌥' }[p] ?? p.toUpperCase())).join('');
  return parts.map((p) => ({ Mod: 'Ctrl' }[p] ?? (p.length === 1 ? p.toUpperCase() : p))).join('+');
}

export function FormatToolbar({ onFormat, disabled = false }) {
  const { t } = useTranslation();
  return (
    <div role="toolbar" aria-label={t('editor.toolbar')} className="flex flex-wrap gap-1" data-testid="format-toolbar">
      {FORMAT_ACTIONS.map((action) => {
        const name = t(`editor.format.${action.id}`);
        const shortcut = shortcutText(action.key);
        return (
          <button
            key={action.id}
            type="button"
            className={`btn btn-ghost btn-sm min-w-9 px-2 font-serif ${action.id === 'bold' ? 'font-bold' : ''} ${action.id === 'italic' ? 'italic' : ''}`}
            title={`${name} (${shortcut})`}
            data-format={action.id}
            disabled={disabled}
            // Keep the text's selection: the button must not take the focus on click.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onFormat(action.id)}
          >
            <span aria-hidden="true">{action.label}</span>
            <span className="sr-only">{name}</span>
          </button>
        );
      })}
    </div>
  );
}
