import { describe, expect, it } from 'vitest';
import { EditorSelection, EditorState } from '@codemirror/state';
import { insertSceneBreak, toggleLinePrefix, toggleWrap } from './markdown-commands';

function run(command, doc, selection) {
  let state = EditorState.create({ doc, selection, extensions: [EditorState.allowMultipleSelections.of(true)] });
  command({ state, dispatch: (tr) => { state = tr.state; } });
  return state;
}

describe('markdown formatting commands', () => {
  it('bold wraps the selection and a second press takes the marks away', () => {
    const once = run(toggleWrap('**'), 'Ari ran home', EditorSelection.single(4, 7));
    expect(once.doc.toString()).toBe('Ari **ran** home');
    expect(once.sliceDoc(once.selection.main.from, once.selection.main.to)).toBe('ran');
    const twice = run(toggleWrap('**'), once.doc.toString(), once.selection);
    expect(twice.doc.toString()).toBe('Ari ran home');
  });

  it('italic on an empty selection leaves the cursor between the marks', () => {
    const state = run(toggleWrap('_'), 'x', EditorSelection.single(1));
    expect(state.doc.toString()).toBe('x__');
    expect(state.selection.main.head).toBe(2);
  });

  it('a selection that includes the marks is unwrapped too', () => {
    expect(run(toggleWrap('**'), '**ran**', EditorSelection.single(0, 7)).doc.toString()).toBe('ran');
  });

  it('lists, quotes and headings toggle on every selected line', () => {
    const doc = 'one\ntwo\nthree';
    const bullets = run(toggleLinePrefix('bullet'), doc, EditorSelection.single(0, doc.length));
    expect(bullets.doc.toString()).toBe('- one\n- two\n- three');
    expect(run(toggleLinePrefix('bullet'), bullets.doc.toString(), EditorSelection.single(0, bullets.doc.length)).doc.toString()).toBe(doc);
    expect(run(toggleLinePrefix('numbered'), doc, EditorSelection.single(0, doc.length)).doc.toString()).toBe('1. one\n2. two\n3. three');
    // A list line becomes a quote, not "> - one".
    expect(run(toggleLinePrefix('quote'), '- one', EditorSelection.single(2)).doc.toString()).toBe('> one');
    expect(run(toggleLinePrefix('heading'), 'Chapter', EditorSelection.single(0)).doc.toString()).toBe('## Chapter');
  });

  it('a scene break sits on its own line between blank lines', () => {
    const state = run(insertSceneBreak, 'The end of a scene.', EditorSelection.single(19));
    expect(state.doc.toString()).toBe('The end of a scene.\n\n* * *\n\n');
    expect(state.selection.main.head).toBe(state.doc.length);
  });
});
