import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage } from '../../lib/i18n';

/** A select that switches the interface language at once and remembers it. */
export function LanguageSwitcher({ compact = false, className = '' }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const current = i18n.resolvedLanguage ?? i18n.language;
  return (
    <div className={`flex items-center gap-2 ${className}`}>
      <label htmlFor={id} className={compact ? 'sr-only' : 'text-sm font-medium'}>
        {t('language.label')}
      </label>
      <select
        id={id}
        className={`select ${compact ? 'select-sm w-auto' : 'w-full sm:w-64'}`}
        value={current}
        onChange={(event) => setLanguage(event.target.value)}
      >
        {LANGUAGES.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {compact ? language.short : language.label}
          </option>
        ))}
      </select>
    </div>
  );
}
