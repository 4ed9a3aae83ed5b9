import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/ui/fields';
import { Combobox } from '../../../components/ui/combobox';
import { FormError } from '../../../components/ui/error-state';
import { NamedItemFields } from '../../../components/ui/named-item-fields';
import { FormFooter } from '../../../components/ui/form-footer';
import { serverFieldMessage } from '../../../lib/field-errors';
import { changedFields, checkNameAndAliases, keepEdits, withVersion } from '../../../lib/form-values';
import { ConflictNotice, useConflict } from '../../../components/ui/conflict-notice';
import { useNamedItemForm } from '../../../hooks/use-named-item-form';
import { fold } from '../../../lib/text';
import { useAllLocations } from '../api/get-locations';
import { ALIASES_MAX, COORDINATE_LIMIT, DESCRIPTION_MAX, LOCATION_TYPES, NAME_MAX } from '../constants';

function initialValues(location) {
  return {
    name: location?.name ?? '',
    aliases: location?.aliases ?? [],
    location_type: location?.location_type ?? 'place',
    description: location?.description ?? '',
    x: location?.coordinates ? String(location.coordinates.x) : '',
    y: location?.coordinates ? String(location.coordinates.y) : '',
    parent_location_id: location?.parent_location_id ?? null,
  };
}

/** Ids of a place and every place inside it (directly or not): none of them can be its parent. */
function selfAndDescendants(locationId, all) {
  const out = new Set([locationId]);
  let grew = true;
  while (grew) {
    grew = false;
    all.forEach((place) => {
      if (place.parent_location_id && out.has(place.parent_location_id) && !out.has(place.location_id)) {
        out.add(place.location_id);
        grew = true;
      }
    });
  }
  return out;
}

function parseCoordinate(text) {
  const value = Number(text.trim().replace(',', '.'));
  return text.trim() && Number.isFinite(value) && Math.abs(value) <= COORDINATE_LIMIT ? value : null;
}

const SHOWN = ['name', 'aliases', 'location_type', 'description', 'coordinates', 'parent_location_id'];

/**
 * Create or edit a place: name, aliases, type, description, map coordinates (both or neither)
 * and the place it lies in. Editing sends only what changed; clearing sends null.
 */
export function LocationForm({ worldId, location: loaded, onSubmit, onCancel, pending = false, error }) {
  const { t } = useTranslation();
  // The version this form edits: the one it was opened with, or the one reloaded after a 3004.
  const [location, setLocation] = useState(loaded);
  const form = useNamedItemForm({
    initialValues: () => initialValues(loaded), error, shown: SHOWN, nameErrorKey: 'locationName', nameMax: NAME_MAX, alsoClears: { x: 'coordinates', y: 'coordinates' },
  });
  const { values, setValues, aliasText, setAliasText, clientErrors, setClientErrors, serverFields, hasFieldErrors, set } = form;
  const coordId = useId();
  const [parentText, setParentText] = useState(loaded?.parent_name ?? '');
  const all = useAllLocations(worldId);
  const { conflict, reload, reloaded } = useConflict(error);

  // Their version in; the fields this user changed keep what they typed (the parent with its name).
  const reloadTheirs = () => reload((current) => {
    const theirs = { ...location, ...current };
    const mine = initialValues(location);
    setValues((v) => keepEdits(v, mine, initialValues(theirs)));
    if (values.parent_location_id === mine.parent_location_id) setParentText(theirs.parent_name ?? '');
    setLocation(theirs);
    setClientErrors({});
  });

  const excluded = useMemo(
    () => (location ? selfAndDescendants(location.location_id, all.data ?? []) : new Set()),
    [location, all.data],
  );
  const parentOptions = (all.data ?? [])
    .filter((place) => !excluded.has(place.location_id))
    .filter((place) => !parentText.trim() || [place.name, ...(place.aliases ?? [])].some((name) => fold(name).includes(fold(parentText).trim())))
    .slice(0, 30)
    .map((place) => ({ value: place.location_id, label: place.name, description: t(`locationTypes.${place.location_type}`, { defaultValue: place.location_type }) }));

  const submit = (event) => {
    event.preventDefault();
    const { name, aliases, pendingAlias, errors } = checkNameAndAliases(
      { name: values.name, aliases: values.aliases, aliasText },
      { nameMax: NAME_MAX, aliasesMax: ALIASES_MAX },
    );
    let coordinates = null;
    const hasX = values.x.trim() !== '';
    const hasY = values.y.trim() !== '';
    if (hasX || hasY) {
      const x = parseCoordinate(values.x);
      const y = parseCoordinate(values.y);
      if (x === null || y === null) errors.coordinates = 'locationForm.coordinatesInvalid';
      else coordinates = { x, y };
    }
    if (parentText.trim() && !values.parent_location_id) errors.parent_location_id = 'locationForm.parentPick';
    setClientErrors(errors);
    if (Object.keys(errors).length) return;
    if (pendingAlias) {
      setValues((v) => ({ ...v, aliases }));
      setAliasText('');
    }

    const body = {
      name,
      aliases,
      location_type: values.location_type,
      description: values.description,
      coordinates,
      parent_location_id: values.parent_location_id,
    };
    if (!location) {
      onSubmit(body);
      return;
    }
    const base = {
      ...initialValues(location),
      coordinates: location.coordinates ?? null,
      parent_location_id: location.parent_location_id ?? null,
    };
    onSubmit(withVersion(changedFields(body, base), location.version));
  };

  const coordinatesError = clientErrors.coordinates ? t(clientErrors.coordinates, { max: COORDINATE_LIMIT }) : serverFieldMessage('coordinates', serverFields.coordinates);
  const parentError = clientErrors.parent_location_id ? t(clientErrors.parent_location_id) : serverFieldMessage('parent_location_id', serverFields.parent_location_id);

  return (
    <form className="flex flex-col gap-5" onSubmit={submit} noValidate>
      <ConflictNotice kind="location" conflict={conflict} reloaded={reloaded} onReload={reloadTheirs} />
      {error && error.errorCode !== '3004' && !hasFieldErrors && <FormError error={error} />}
      <NamedItemFields
        form={form}
        labelPrefix="locationForm"
        typeName="location_type"
        typeOptions={LOCATION_TYPES.map((value) => ({ value, label: t(`locationTypes.${value}`) }))}
        limits={{ name: NAME_MAX, aliases: ALIASES_MAX, description: DESCRIPTION_MAX }}
        autoFocus={!location}
      >
        <Combobox
          label={t('locationForm.parent')}
          inputValue={parentText}
          onInputChange={(text) => {
            setParentText(text);
            setValues((v) => ({ ...v, parent_location_id: null }));
            setClientErrors((e) => ({ ...e, parent_location_id: null }));
          }}
          options={parentOptions}
          loading={all.isPending}
          placeholder={t('locationForm.parentPlaceholder')}
          hint={t('locationForm.parentHint')}
          error={parentError}
          emptyText={t('locationForm.parentNone')}
          onSelect={(option) => {
            setParentText(option.label);
            setValues((v) => ({ ...v, parent_location_id: option.value }));
          }}
        />
        <fieldset className="flex flex-col gap-1.5" aria-describedby={coordinatesError ? `${coordId}-error` : `${coordId}-hint`}>
          <legend className="mb-1.5 text-sm font-medium">{t('locationForm.coordinates')}</legend>
          <div className="grid grid-cols-2 gap-3 sm:max-w-sm">
            <TextField label={t('locationForm.x')} name="x" inputMode="decimal" value={values.x} onChange={set('x')} aria-invalid={clientErrors.coordinates ? 'true' : undefined} />
            <TextField label={t('locationForm.y')} name="y" inputMode="decimal" value={values.y} onChange={set('y')} aria-invalid={clientErrors.coordinates ? 'true' : undefined} />
          </div>
          {coordinatesError
            ? <p id={`${coordId}-error`} className="text-sm text-error">{coordinatesError}</p>
            : <p id={`${coordId}-hint`} className="text-xs text-base-content/60">{t('locationForm.coordinatesHint')}</p>}
        </fieldset>
      </NamedItemFields>
      <FormFooter onCancel={onCancel} pending={pending} submitLabel={location ? t('locationForm.save') : t('locationForm.create')} />
    </form>
  );
}
