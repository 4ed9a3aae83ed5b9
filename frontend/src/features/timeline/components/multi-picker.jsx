import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Combobox } from '../../../components/ui/combobox';
import { fold } from '../../../lib/text';

const MAX_OPTIONS = 20;

/**
 * Several of the world's characters (or places) as chips, chosen by typing part of a name or an
 * alias (matched without case or accents). `items` [{ id, name, aliases? }], `value` the chosen ids.
 */
export function MultiPicker({ label, items, value, onChange, error, placeholder, removeLabel }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const byId = new Map(items.map((item) => [item.id, item]));
  const needle = fold(text).trim();
  const options = items
    .filter((item) => !value.includes(item.id))
    .filter((item) => !needle || [item.name, ...(item.aliases ?? [])].some((name) => fold(name).includes(needle)))
    .slice(0, MAX_OPTIONS)
    .map((item) => ({ value: item.id, label: item.name, description: (item.aliases ?? []).join(' · ') || undefined }));

  return (
    <div className="flex flex-col gap-2">
      <Combobox
        label={label}
        inputValue={text}
        onInputChange={setText}
        options={options}
        placeholder={placeholder}
        error={error}
        emptyText={t('timeline.form.noMatch')}
        onSelect={(option) => {
          onChange([...value, option.value]);
          setText('');
        }}
      />
      {value.length > 0 && (
        <ul className="flex flex-wrap gap-1.5" aria-label={label}>
          {value.map((id) => {
            const name = byId.get(id)?.name ?? id;
            return (
              <li key={id} className="badge badge-soft badge-primary h-auto gap-1 py-0.5 pr-0.5">
                <span className="break-all">{name}</span>
                <button
                  type="button"
                  className="btn btn-ghost btn-circle btn-xs min-h-0"
                  aria-label={removeLabel(name)}
                  onClick={() => onChange(value.filter((other) => other !== id))}
                >
                  <span aria-hidden="true">✕</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
