import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { THEME_CHOICES, useTheme } from '../../lib/theme';

const ICONS = {
  system: <path d="M4 5h16v11H4zM9 20h6M12 16v4" />,
  light: <><circle cx="12" cy="12" r="4" /><path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" /></>,
  dark: <path d="M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z" />,
};

/**
 * A select for the colour theme: "System" (follows the OS, live), "Light" or "Dark"; remembered.
 * `compact` (the navbar) shows the choice as an icon over the select, which keeps its name and options.
 */
export function ThemeSwitcher({ compact = false, className = '' }) {
  const { t } = useTranslation();
  const { choice, setChoice } = useTheme();
  const id = useId();
  // Compact: the select's text is transparent and drawn over by an icon; DaisyUI paints its chevron in
  // the text colour, so the overlay draws that too, and the options get their colour back.
  const select = (
    <select
      id={id}
      className={`select ${compact ? 'select-sm w-12 bg-none text-transparent' : 'w-full sm:w-64'}`}
      value={choice}
      onChange={(event) => setChoice(event.target.value)}
      title={compact ? `${t('theme.label')}: ${t(`theme.${choice}`)}` : undefined}
    >
      {THEME_CHOICES.map((value) => (
        <option key={value} value={value} className="text-base-content">{t(`theme.${value}`)}</option>
      ))}
    </select>
  );
  return (
    <div className={`flex items-center gap-2 ${className}`}>
      <label htmlFor={id} className={compact ? 'sr-only' : 'text-sm font-medium'}>
        {t('theme.label')}
      </label>
      {compact ? (
        <div className="relative">
          {select}
          <svg aria-hidden="true" viewBox="0 0 24 24" className="pointer-events-none absolute left-2.5 top-1/2 h-4 w-4 -translate-y-1/2" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
            {ICONS[choice]}
          </svg>
          <svg aria-hidden="true" viewBox="0 0 8 4" className="pointer-events-none absolute right-2.5 top-1/2 mt-px h-1 w-2 -translate-y-1/2" fill="currentColor">
            <path d="M0 0h8L4 4z" />
          </svg>
        </div>
      ) : select}
    </div>
  );
}
