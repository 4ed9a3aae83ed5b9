/** Small pieces the create/edit forms of named things (characters, places) share. */

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** The entries of `body` that differ from `base` (compared by value): what an edit sends. */
export function changedFields(body, base) {
  const changes = {};
  Object.entries(body).forEach(([key, value]) => {
    if (!same(value, base[key])) changes[key] = value;
  });
  return changes;
}

/**
 * The name (trimmed) and the aliases, where what is still typed in the aliases box counts as an
 * alias, with the i18n keys of what is wrong: `{ name, aliases, pendingAlias, errors }`.
 */
export function checkNameAndAliases({ name, aliases, aliasText }, { nameMax, aliasesMax }) {
  const trimmed = name.trim();
  const errors = {};
  if (!trimmed) errors.name = 'validation.required';
  else if (trimmed.length > nameMax) errors.name = 'validation.tooLong';
  let all = aliases;
  const pendingAlias = aliasText.trim();
  if (pendingAlias && !all.includes(pendingAlias)) all = [...all, pendingAlias];
  if (all.length > aliasesMax) errors.aliases = 'aliasesForm.tooMany';
  return { name: trimmed, aliases: all, pendingAlias, errors };
}

/**
 * After a 3004 (someone else saved first): the values the form shows on reload. A field the user
 * changed (its value differs from what the form was loaded with, `loaded`) keeps what they typed;
 * every other field takes the resource as it is now (`current`).
 */
export function keepEdits(values, loaded, current) {
  const out = { ...values };
  Object.keys(current).forEach((key) => {
    if (same(values[key], loaded[key])) out[key] = current[key];
  });
  return out;
}

/** The body of an edit: the changes and, when there are any, the version they were based on. */
export function withVersion(changes, version) {
  if (!Object.keys(changes).length || version === undefined || version === null) return changes;
  return { ...changes, version };
}
