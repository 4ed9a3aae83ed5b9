/**
 * Markdown formatting as CodeMirror commands: bold and italic wrap (or unwrap) the selection,
 * headings, lists and quotes toggle a prefix on every selected line, and a scene break inserts
 * `* * *` on a line of its own. Each command takes { state, dispatch } and returns true.
 */
import { EditorSelection } from '@codemirror/state';

function wrapRange(state, range, marker) {
  const size = marker.length;
  const before = state.sliceDoc(Math.max(0, range.from - size), range.from);
  const after = state.sliceDoc(range.to, range.to + size);
  if (before === marker && after === marker) {
    return {
      changes: [{ from: range.from - size, to: range.from }, { from: range.to, to: range.to + size }],
      range: EditorSelection.range(range.from - size, range.to - size),
    };
  }
  const selected = state.sliceDoc(range.from, range.to);
  if (selected.length >= 2 * size && selected.startsWith(marker) && selected.endsWith(marker)) {
    return {
      changes: { from: range.from, to: range.to, insert: selected.slice(size, -size) },
      range: EditorSelection.range(range.from, range.to - 2 * size),
    };
  }
  return {
    changes: [{ from: range.from, insert: marker }, { from: range.to, insert: marker }],
    range: EditorSelection.range(range.from + size, range.to + size),
  };
}

/** A command wrapping each selection in `marker` ("**" bold, "_" italic), or unwrapping it. */
export function toggleWrap(marker) {
  return ({ state, dispatch }) => {
    dispatch(state.update(state.changeByRange((range) => wrapRange(state, range, marker)), {
      scrollIntoView: true, userEvent: 'input.format',
    }));
    return true;
  };
}

const LINE_PREFIXES = { heading: /^#{1,6} /, bullet: /^[-*+] /, numbered: /^\d+[.)] /, quote: /^> ?/ };

function selectedLines(state) {
  const lines = new Map();
  state.selection.ranges.forEach((range) => {
    for (let pos = range.from; pos <= range.to;) {
      const line = state.doc.lineAt(pos);
      lines.set(line.number, line);
      pos = line.to + 1;
    }
  });
  return [...lines.values()];
}

/**
 * A command giving every selected line the prefix of `kind` (heading, bullet, numbered, quote),
 * or taking it away when all of them already have it.
 */
export function toggleLinePrefix(kind) {
  const pattern = LINE_PREFIXES[kind];
  return ({ state, dispatch }) => {
    const lines = selectedLines(state);
    const allHave = lines.every((line) => pattern.test(line.text));
    const changes = lines.map((line, index) => {
      if (allHave) {
        const [found] = line.text.match(pattern);
        return { from: line.from, to: line.from + found.length };
      }
      // Another block prefix is replaced, so a list line becomes a quote rather than "> - x".
      const other = Object.values(LINE_PREFIXES).map((p) => line.text.match(p)).find(Boolean);
      const prefix = kind === 'heading' ? '## ' : kind === 'bullet' ? '- ' : kind === 'numbered' ? `${index + 1}. ` : '> ';
      return { from: line.from, to: line.from + (other ? other[0].length : 0), insert: prefix };
    });
    dispatch(state.update({ changes, scrollIntoView: true, userEvent: 'input.format' }));
    return true;
  };
}

export const SCENE_BREAK = '* * *';

/** Insert a scene break (`* * *`) on its own line, with blank lines around it, at the cursor. */
export function insertSceneBreak({ state, dispatch }) {
  const { head } = state.selection.main;
  const line = state.doc.lineAt(head);
  const atLineStart = head === line.from && line.text.trim() === '';
  const before = atLineStart ? '' : '\n\n';
  const insert = `${before}${SCENE_BREAK}\n\n`;
  dispatch(state.update({
    changes: { from: head, insert },
    selection: { anchor: head + insert.length },
    scrollIntoView: true,
    userEvent: 'input.format',
  }));
  return true;
}

/** The formatting actions, in toolbar order, with their command and shortcut. */
export const FORMAT_ACTIONS = [
  { id: 'bold', run: toggleWrap('**'), key: 'Mod-b', label: 'B' },
  { id: 'italic', run: toggleWrap('_'), key: 'Mod-i', label: 'I' },
  { id: 'heading', run: toggleLinePrefix('heading'), key: 'Mod-Alt-2', label: 'H' },
  { id: 'bullet', run: toggleLinePrefix('bullet'), key: 'Mod-Shift-8', label: '•' },
  { id: 'numbered', run: toggleLinePrefix('numbered'), key: 'Mod-Shift-7', label: '1.' },
  { id: 'quote', run: toggleLinePrefix('quote'), key: 'Mod-Shift-9', label: '❝' },
  { id: 'sceneBreak', run: insertSceneBreak, key: 'Mod-Enter', label: '⁂' },
];
