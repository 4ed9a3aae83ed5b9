/**
 * A CodeMirror extension marking the world's character and place names in the lines on screen
 * (folded, whole words, longest name first). Lines are matched once and remembered by their
 * text, so a keystroke only matches the line it changed.
 */
import { RangeSetBuilder } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin } from '@codemirror/view';
import { highlightSegments } from '../../../lib/text';

const CACHE_LIMIT = 5000;

const marks = {
  'entity-linked': Decoration.mark({ class: 'cm-name cm-name-entity cm-name-linked' }),
  'entity-found': Decoration.mark({ class: 'cm-name cm-name-entity' }),
  'location-linked': Decoration.mark({ class: 'cm-name cm-name-location cm-name-linked' }),
  'location-found': Decoration.mark({ class: 'cm-name cm-name-location' }),
};

function lineMatcher(terms) {
  const cache = new Map();
  return (text) => {
    let found = cache.get(text);
    if (found) return found;
    found = [];
    let offset = 0;
    highlightSegments(text, terms).forEach((segment) => {
      if (segment.term) found.push({ from: offset, to: offset + segment.text.length, term: segment.term });
      offset += segment.text.length;
    });
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, found);
    return found;
  };
}

function decorate(view, match) {
  const builder = new RangeSetBuilder();
  let lastLine = -1;
  view.visibleRanges.forEach(({ from, to }) => {
    for (let pos = from; pos <= to;) {
      const line = view.state.doc.lineAt(pos);
      if (line.number > lastLine) {
        lastLine = line.number;
        match(line.text).forEach(({ from: start, to: end, term }) => {
          builder.add(line.from + start, line.from + end, marks[`${term.kind}-${term.linked ? 'linked' : 'found'}`]);
        });
      }
      pos = line.to + 1;
    }
  });
  return builder.finish();
}

/** The extension for these terms: [{ key, kind: 'entity'|'location', names, linked }]. */
export function nameHighlighter(terms) {
  if (!terms.length) return [];
  const match = lineMatcher(terms);
  return [
    ViewPlugin.fromClass(class {
      constructor(view) {
        this.decorations = decorate(view, match);
      }

      update(update) {
        if (update.docChanged || update.viewportChanged) this.decorations = decorate(update.view, match);
      }
    }, { decorations: (plugin) => plugin.decorations }),
    EditorView.baseTheme({
      '.cm-name': { borderRadius: '0.2em', textDecorationLine: 'underline', textDecorationStyle: 'dotted', textUnderlineOffset: '0.2em' },
      '.cm-name-linked': { textDecorationStyle: 'solid' },
      // The app's theme colours (DaisyUI variables), faint enough to keep the text's contrast.
      '.cm-name-entity': { backgroundColor: 'color-mix(in oklab, var(--color-primary) 16%, transparent)' },
      '.cm-name-location': { backgroundColor: 'color-mix(in oklab, var(--color-accent) 18%, transparent)' },
    }),
  ];
}
