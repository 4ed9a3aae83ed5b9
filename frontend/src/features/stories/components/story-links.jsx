import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLinkEntities } from '../api/link-entities';
import { useSetStoryLinks } from '../api/clear-links';
import { Combobox } from '../../../components/ui/combobox';
import { FormError } from '../../../components/ui/error-state';
import { useToast } from '../../../components/ui/toast';
import { fold } from '../../../lib/text';

const MAX_OPTIONS = 30;

function splitNames(text) {
  return text.split(/[,;\n]+/).map((name) => name.trim()).filter(Boolean);
}

function matches(item, folded) {
  return !folded || [item.name, ...(item.aliases ?? [])].some((name) => fold(name).includes(folded));
}

/**
 * The characters and places a story is linked to, as chips. Whoever may edit the story links more
 * (search the world's, or type names — unknown ones can become new characters) and unlinks one.
 * `entities` and `locations` are all of the world's (the page loads them).
 */
export function StoryLinks({ story, entities = [], locations = [], loading = false, canEdit = false }) {
  const { t } = useTranslation();
  const { notify } = useToast();
  const id = useId();
  const [search, setSearch] = useState('');
  const [names, setNames] = useState('');
  const [createMissing, setCreateMissing] = useState(false);
  const [outcome, setOutcome] = useState(null);
  const link = useLinkEntities();
  const relink = useSetStoryLinks({ onSuccess: () => notify(t('storyLinks.unlinked')) });
  const base = `/worlds/${story.world_id}`;

  const entityIds = story.entity_ids ?? [];
  const locationIds = story.location_ids ?? [];
  const byEntity = new Map(entities.map((e) => [e.entity_id, e]));
  const byLocation = new Map(locations.map((l) => [l.location_id, l]));
  const linked = [
    ...entityIds.map((entityId) => ({ kind: 'entity', id: entityId, item: byEntity.get(entityId) })),
    ...locationIds.map((locationId) => ({ kind: 'location', id: locationId, item: byLocation.get(locationId) })),
  ];

  const folded = fold(search).trim();
  const options = [
    ...entities.filter((e) => !entityIds.includes(e.entity_id) && matches(e, folded)).map((e) => ({
      value: `entity:${e.entity_id}`,
      label: e.name,
      description: `${t('storyLinks.character')} · ${t(`entityTypes.${e.entity_type}`, { defaultValue: e.entity_type })}`,
    })),
    ...locations.filter((l) => !locationIds.includes(l.location_id) && matches(l, folded)).map((l) => ({
      value: `location:${l.location_id}`,
      label: l.name,
      description: `${t('storyLinks.place')} · ${t(`locationTypes.${l.location_type}`, { defaultValue: l.location_type })}`,
    })),
  ].slice(0, MAX_OPTIONS);
  const typed = search.trim();
  const exact = typed && [...entities, ...locations].some((item) => [item.name, ...(item.aliases ?? [])].some((name) => fold(name) === fold(typed)));
  if (typed && !exact) options.push({ value: `create:${typed}`, label: t('storyLinks.createNamed', { name: typed }), description: t('storyLinks.createHint') });

  const pick = (option) => {
    setOutcome(null);
    const [kind, ...rest] = option.value.split(':');
    const value = rest.join(':');
    const variables = kind === 'entity'
      ? { storyId: story.story_id, entityIds: [value] }
      : kind === 'location'
        ? { storyId: story.story_id, locationIds: [value] }
        : { storyId: story.story_id, names: [value], createMissing: true };
    link.mutate(variables, {
      onSuccess: (result) => {
        setSearch('');
        notify(result.created.length ? t('storyLinks.createdAndLinked', { names: result.created.map((e) => e.name).join(', ') }) : t('storyLinks.linked'));
      },
    });
  };

  const linkNames = (event) => {
    event.preventDefault();
    const list = splitNames(names);
    if (!list.length) return;
    setOutcome(null);
    link.mutate(
      { storyId: story.story_id, names: list, createMissing },
      {
        onSuccess: (result) => {
          setNames('');
          setOutcome({ created: result.created.map((e) => e.name), unresolved: result.unresolved });
          if (!result.unresolved.length) notify(t('storyLinks.linked'));
        },
      },
    );
  };

  const unlink = (chip) => {
    setOutcome(null);
    relink.mutate({
      storyId: story.story_id,
      entityIds: entityIds.filter((value) => chip.kind !== 'entity' || value !== chip.id),
      locationIds: locationIds.filter((value) => chip.kind !== 'location' || value !== chip.id),
    });
  };

  const busy = link.isPending || relink.isPending;

  return (
    <section aria-labelledby={`${id}-title`} className="card border border-base-300 bg-base-100">
      <div className="card-body gap-4 p-4 sm:p-6">
        <h2 id={`${id}-title`} className="card-title text-lg">{t('storyLinks.title')}</h2>
        {linked.length === 0 ? (
          <p className="text-sm text-base-content/60">{loading ? t('common.loading') : t('storyLinks.none')}</p>
        ) : (
          <ul className="flex flex-wrap gap-2" data-testid="story-links">
            {linked.map((chip) => {
              const name = chip.item?.name ?? t('storyLinks.unknown');
              const to = chip.kind === 'entity' ? `${base}/characters/${chip.id}` : `${base}/places/${chip.id}`;
              return (
                <li key={`${chip.kind}-${chip.id}`} className={`badge badge-lg h-auto gap-1 py-1 pr-1 ${chip.kind === 'entity' ? 'badge-soft badge-primary' : 'badge-soft badge-accent'}`}>
                  <span aria-hidden="true">{chip.kind === 'entity' ? '☺' : '⌂'}</span>
                  <Link to={to} className="link link-hover">{name}</Link>
                  <span className="sr-only">({chip.kind === 'entity' ? t('storyLinks.character') : t('storyLinks.place')})</span>
                  {canEdit && (
                    <button
                      type="button"
                      className="btn btn-ghost btn-circle btn-xs"
                      onClick={() => unlink(chip)}
                      disabled={busy}
                      aria-label={t('storyLinks.unlink', { name })}
                    >
                      <span aria-hidden="true">✕</span>
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        {relink.isError && <FormError error={relink.error} />}

        {canEdit && (
          <div className="flex flex-col gap-4 border-t border-base-200 pt-4">
            <Combobox
              label={t('storyLinks.add')}
              inputValue={search}
              onInputChange={setSearch}
              options={options}
              loading={loading}
              disabled={busy}
              placeholder={t('storyLinks.addPlaceholder')}
              hint={t('storyLinks.addHint')}
              emptyText={t('storyLinks.noMatch')}
              onSelect={pick}
            />
            <details className="group">
              <summary className="cursor-pointer text-sm font-medium text-primary">{t('storyLinks.byNames')}</summary>
              <form onSubmit={linkNames} className="mt-3 flex flex-col gap-3" noValidate>
                <div className="flex flex-col gap-1.5">
                  <label htmlFor={`${id}-names`} className="text-sm font-medium">{t('storyLinks.names')}</label>
                  <input
                    id={`${id}-names`}
                    className="input w-full"
                    value={names}
                    onChange={(event) => setNames(event.target.value)}
                    placeholder={t('storyLinks.namesPlaceholder')}
                    aria-describedby={`${id}-names-hint`}
                  />
                  <p id={`${id}-names-hint`} className="text-xs text-base-content/60">{t('storyLinks.namesHint')}</p>
                </div>
                <label className="flex cursor-pointer items-center gap-2 text-sm">
                  <input type="checkbox" className="checkbox checkbox-sm" checked={createMissing} onChange={(event) => setCreateMissing(event.target.checked)} />
                  {t('storyLinks.createMissing')}
                </label>
                <div>
                  <button type="submit" className="btn btn-sm btn-primary" disabled={busy || !splitNames(names).length}>
                    {link.isPending && <span className="loading loading-spinner loading-sm" aria-hidden="true" />}
                    {t('storyLinks.linkNames')}
                  </button>
                </div>
              </form>
            </details>
            <div aria-live="polite">
              {outcome?.created?.length > 0 && (
                <p className="text-sm text-success">{t('storyLinks.created', { names: outcome.created.join(', ') })}</p>
              )}
              {outcome?.unresolved?.length > 0 && (
                <p className="text-sm text-warning" role="alert">{t('storyLinks.unresolved', { names: outcome.unresolved.join(', ') })}</p>
              )}
            </div>
            {link.isError && <FormError error={link.error} />}
          </div>
        )}
      </div>
    </section>
  );
}
