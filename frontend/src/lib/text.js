/**
 * Matching names the way the API does: without case or diacritics ("Nguyễn Trãi" = "nguyen trai").
 */

const MARKS = /\p{M}/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Lower case, no diacritics, đ → d. */
export function fold(text) {
  return String(text ?? '')
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'd')
    .toLowerCase();
}

/** Whether `text` contains `query`, both folded. */
export function foldIncludes(text, query) {
  return fold(text).includes(fold(query).trim());
}

/**
 * The folded text and, for each of its characters, the index of the original character it came
 * from, so that a match found in the folded text can be cut out of the original.
 */
function foldWithMap(text) {
  let folded = '';
  const map = [];
  let index = 0;
  for (const char of text) {
    const part = fold(char);
    for (let i = 0; i < part.length; i += 1) map.push(index);
    folded += part;
    index += char.length;
  }
  map.push(text.length);
  return { folded, map };
}

/**
 * Splits `text` into segments, marking every whole-word occurrence of a term's names.
 * terms: [{ key, names: [string] }]. Longer names win where two overlap ("Nguyễn Trãi" over "Trãi").
 * Returns [{ text, term? }] whose texts joined give back `text`.
 */
export function highlightSegments(text, terms) {
  if (!text) return [];
  const { folded, map } = foldWithMap(text);
  const needles = [];
  terms.forEach((term) => {
    (term.names ?? []).forEach((name) => {
      const needle = fold(name).trim();
      if (needle.length >= 2) needles.push({ needle, term });
    });
  });
  needles.sort((a, b) => b.needle.length - a.needle.length);

  const taken = new Uint8Array(folded.length);
  const found = [];
  needles.forEach(({ needle, term }) => {
    let from = 0;
    for (;;) {
      const at = folded.indexOf(needle, from);
      if (at < 0) break;
      from = at + 1;
      const end = at + needle.length;
      const before = at > 0 ? folded[at - 1] : '';
      const after = end < folded.length ? folded[end] : '';
      if ((before && WORD_CHAR.test(before)) || (after && WORD_CHAR.test(after))) continue;
      let free = true;
      for (let i = at; i < end; i += 1) if (taken[i]) { free = false; break; }
      if (!free) continue;
      for (let i = at; i < end; i += 1) taken[i] = 1;
      found.push({ start: map[at], end: map[end], term });
    }
  });
  found.sort((a, b) => a.start - b.start);

  const segments = [];
  let cursor = 0;
  found.forEach(({ start, end, term }) => {
    // A match ends after the last original character it covers, combining marks included.
    let stop = end;
    while (stop < text.length && /\p{M}/u.test(text[stop])) stop += 1;
    if (start > cursor) segments.push({ text: text.slice(cursor, start) });
    segments.push({ text: text.slice(start, stop), term });
    cursor = stop;
  });
  if (cursor < text.length) segments.push({ text: text.slice(cursor) });
  return segments;
}
