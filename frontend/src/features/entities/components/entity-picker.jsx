import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEntities } from '../api/get-entities';
import { useDebouncedValue } from '../../../hooks/use-debounced-value';
import { Combobox } from '../../../components/ui/combobox';

const PICKER_PAGE_SIZE = 12;

/**
 * Choose another entity of the world by typing part of its name or an alias (searched by the
 * API, without diacritics). `excludeIds` are left out; `onPick(entity | null)`.
 */
export function EntityPicker({ worldId, label, excludeIds = [], selected, onPick, error }) {
  const { t } = useTranslation();
  const [text, setText] = useState(selected?.name ?? '');
  const debounced = useDebouncedValue(text, 250);
  const q = selected && text === selected.name ? '' : debounced;
  const query = useEntities(worldId, { page: 1, pageSize: PICKER_PAGE_SIZE, q });
  const options = (query.data?.items ?? [])
    .filter((entity) => !excludeIds.includes(entity.entity_id))
    .map((entity) => ({
      value: entity.entity_id,
      label: entity.name,
      description: [t(`entityTypes.${entity.entity_type}`, { defaultValue: entity.entity_type }), ...(entity.aliases ?? [])].join(' · '),
      entity,
    }));

  return (
    <Combobox
      label={label}
      inputValue={text}
      onInputChange={(value) => {
        setText(value);
        if (selected) onPick(null);
      }}
      options={options}
      loading={query.isFetching}
      emptyText={t('relationships.noMatch')}
      placeholder={t('relationships.pickPlaceholder')}
      error={error}
      onSelect={(option) => {
        setText(option.entity.name);
        onPick(option.entity);
      }}
    />
  );
}
