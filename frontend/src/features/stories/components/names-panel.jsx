/** Names found in the text: link the named-but-unlinked ones, unlink the linked-but-gone ones. */
import { useTranslation } from 'react-i18next';

function NameList({ heading, items, icon, actionLabel, allLabel, onOne, onAll, busy, testId }) {
  const { t } = useTranslation();
  if (!items.length) return null;
  return (
    <div className="flex flex-col gap-2" data-testid={testId}>
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-sm font-semibold">{heading}</h3>
        {items.length > 1 && <button type="button" className="btn btn-xs btn-outline" disabled={busy} onClick={() => onAll(items)}>{allLabel}</button>}
      </div>
      <ul className="flex flex-wrap gap-2">
        {items.map((term) => (
          <li key={term.key} className={`badge badge-lg h-auto gap-1 py-1 pr-1 ${term.kind === 'entity' ? 'badge-soft badge-primary' : 'badge-soft badge-accent'}`}>
            <span className="text-base-content [overflow-wrap:anywhere]">{term.name}</span>
            <span className="sr-only">({term.kind === 'entity' ? t('editor.names.character') : t('editor.names.place')})</span>
            <button type="button" className="btn btn-ghost btn-xs" disabled={busy} onClick={() => onOne(term)} aria-label={actionLabel(term.name)}>
              <span aria-hidden="true">{icon}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function NamesPanel({ toLink, toUnlink, onLink, onUnlink, busy }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="names-panel-title" className="card border border-base-300 bg-base-100" data-testid="names-panel">
      <div className="card-body gap-3 p-4">
        <h2 id="names-panel-title" className="card-title text-base">{t('editor.names.title')}</h2>
        <p className="text-xs text-base-content/70">{t('editor.names.help')}</p>
        {!toLink.length && !toUnlink.length && <p className="text-sm text-base-content/70">{t('editor.names.none')}</p>}
        <NameList
          heading={t('editor.names.toLink')}
          items={toLink}
          icon="＋"
          actionLabel={(name) => t('editor.names.link', { name })}
          allLabel={t('editor.names.linkAll')}
          onOne={(term) => onLink([term])}
          onAll={onLink}
          busy={busy}
          testId="names-to-link"
        />
        <NameList
          heading={t('editor.names.toUnlink')}
          items={toUnlink}
          icon="✕"
          actionLabel={(name) => t('editor.names.unlink', { name })}
          allLabel={t('editor.names.unlinkAll')}
          onOne={(term) => onUnlink([term])}
          onAll={onUnlink}
          busy={busy}
          testId="names-to-unlink"
        />
      </div>
    </section>
  );
}
