import { useTranslation } from 'react-i18next';
import { RelationshipEditor } from './relationship-editor';
import { formatDate, formatNumber } from '../../../lib/format';

/** One character: type, aliases, description, attributes, where it came from, and its relationships. */
export function EntityDetail({ worldId, entity, basePath, actions }) {
  const { t, i18n } = useTranslation();
  const attributes = Object.entries(entity.attributes ?? {});
  const kind = entity.source?.kind ?? 'user';
  return (
    <article className="flex flex-col gap-6" data-testid="entity-detail">
      <header className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <div className="mb-1 flex flex-wrap items-center gap-2">
            <span className="badge badge-ghost">{t(`entityTypes.${entity.entity_type}`, { defaultValue: entity.entity_type })}</span>
            {kind !== 'user' && <span className="badge badge-outline badge-sm">{t(`sources.${kind}`, { defaultValue: kind })}</span>}
          </div>
          <h2 className="break-words text-2xl font-bold sm:text-3xl">{entity.name}</h2>
          {entity.aliases?.length > 0 && (
            <p className="mt-1 text-sm text-base-content/70">
              {t('common.akaLabel')}
              <span className="ml-1 inline-flex flex-wrap gap-1 align-middle">
                {entity.aliases.map((alias) => <span key={alias} className="badge badge-soft badge-sm">{alias}</span>)}
              </span>
            </p>
          )}
        </div>
        {actions && <div className="flex shrink-0 flex-wrap gap-2">{actions}</div>}
      </header>

      {entity.description ? (
        <div className="max-w-3xl whitespace-pre-line font-serif text-lg leading-relaxed text-base-content/85">{entity.description}</div>
      ) : (
        <p className="italic text-base-content/60">{t('entities.noDescription')}</p>
      )}

      {attributes.length > 0 && (
        <section aria-labelledby="entity-attributes" className="flex flex-col gap-2">
          <h3 id="entity-attributes" className="text-lg font-bold">{t('attributes.title')}</h3>
          <dl className="grid max-w-2xl grid-cols-[minmax(0,1fr)_minmax(0,2fr)] gap-x-4 gap-y-1 rounded-box border border-base-300 bg-base-100 p-4 text-sm">
            {attributes.map(([key, value]) => (
              <div key={key} className="contents">
                <dt className="font-medium text-base-content/70">{key}</dt>
                <dd className="break-words">{typeof value === 'number' ? formatNumber(value, i18n.language) : String(value)}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}

      <RelationshipEditor worldId={worldId} entity={entity} basePath={basePath} canEdit={Boolean(entity.permissions?.edit)} />

      <p className="text-xs text-base-content/60">{t('entities.updated', { date: formatDate(entity.updated_at, i18n.language) })}</p>
    </article>
  );
}
