/**
 * Which of a world's characters and places a text names, by name or alias — folded (no case or
 * diacritics, đ = d) and as whole words — and how that compares with the story's links.
 */
import { fold } from '../../../lib/text';

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Terms for the world's entities and locations: { key, kind, id, name, names }. */
export function termsOf(entities = [], locations = []) {
  return [
    ...entities.map((e) => ({ key: `entity:${e.entity_id}`, kind: 'entity', id: e.entity_id, name: e.name, names: [e.name, ...(e.aliases ?? [])] })),
    ...locations.map((l) => ({ key: `location:${l.location_id}`, kind: 'location', id: l.location_id, name: l.name, names: [l.name, ...(l.aliases ?? [])] })),
  ];
}

function occursAsWord(folded, needle) {
  for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
    const before = at > 0 ? folded[at - 1] : '';
    const after = folded[at + needle.length] ?? '';
    if (!(before && WORD_CHAR.test(before)) && !(after && WORD_CHAR.test(after))) return true;
  }
  return false;
}

/** The keys of the terms whose name or an alias occurs in `text` as whole words. */
export function namesInText(text, terms) {
  const folded = fold(text);
  const found = new Set();
  terms.forEach((term) => {
    const hit = term.names.some((name) => {
      const needle = fold(name).trim();
      return needle.length >= 2 && occursAsWord(folded, needle);
    });
    if (hit) found.add(term.key);
  });
  return found;
}

/**
 * Named but not linked (to link) and linked but no longer named (to unlink), as term lists.
 * `linked` holds the story's `entity_ids` and `location_ids`.
 */
export function compareWithLinks(found, terms, { entity_ids: entityIds = [], location_ids: locationIds = [] }) {
  const linked = new Set([...entityIds.map((id) => `entity:${id}`), ...locationIds.map((id) => `location:${id}`)]);
  return {
    toLink: terms.filter((term) => found.has(term.key) && !linked.has(term.key)),
    toUnlink: terms.filter((term) => linked.has(term.key) && !found.has(term.key)),
  };
}
