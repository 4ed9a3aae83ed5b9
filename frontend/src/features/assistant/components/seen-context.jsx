import { useTranslation } from 'react-i18next';

/** "The assistant saw: …": the world facts given to the model, by name, and how many were cut. */
export function SeenContext({ context, entities = [], locations = [] }) {
  const { t } = useTranslation();
  if (!context) return null;
  const names = [
    ...entities.filter((e) => context.entity_ids?.includes(e.entity_id)).map((e) => e.name),
    ...locations.filter((l) => context.location_ids?.includes(l.location_id)).map((l) => l.name),
  ];
  const events = context.event_ids?.length ?? 0;
  return (
    <p className="text-xs text-base-content/70">
      {names.length || events
        ? t('assistant.saw', { names: names.join(', ') || '—', count: events })
        : t('assistant.sawNothing')}
      {context.cut > 0 && ` ${t('assistant.cut', { count: context.cut })}`}
    </p>
  );
}
