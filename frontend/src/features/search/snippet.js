/**
 * A search snippet from the API — HTML-escaped text with <mark> around the matches — as plain
 * segments [{ text, mark }]. Only <mark> and </mark> mean anything; every other character,
 * escaped or not, stays text, so nothing in a snippet can become markup.
 */
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** The text an escaped fragment stands for (&lt; → <, &#39; → ', &#x27; → '). */
export function unescapeHtml(text) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code) => {
    if (code[0] === '#') {
      const value = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(value) && value > 0 && value <= 0x10ffff ? String.fromCodePoint(value) : whole;
    }
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

/** The snippet as segments; text outside and inside the marks is unescaped. */
export function snippetSegments(snippet) {
  const segments = [];
  let mark = false;
  String(snippet ?? '').split(/(<mark>|<\/mark>)/i).forEach((part) => {
    if (/^<mark>$/i.test(part)) mark = true;
    else if (/^<\/mark>$/i.test(part)) mark = false;
    else if (part) segments.push({ text: unescapeHtml(part), mark });
  });
  return segments;
}
