/**
 * The writing surface: CodeMirror 6 with its Markdown mode, built for long texts (only what is
 * on screen is drawn), with formatting shortcuts and the world's names highlighted as you type.
 * Uncontrolled: it starts from `initialDoc` and reports changes; `editorRef` can replace the
 * text and run formatting commands.
 */
import { useEffect, useImperativeHandle, useRef } from 'react';
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView, keymap, placeholder as placeholderText } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { HighlightStyle, Language, LanguageSupport, defineLanguageFacet, syntaxHighlighting } from '@codemirror/language';
import { parser as markdownParser } from '@lezer/markdown';
import { tags } from '@lezer/highlight';
import { FORMAT_ACTIONS } from '../lib/markdown-commands';
import { nameHighlighter } from '../lib/name-highlighter';

// CommonMark from @lezer/markdown alone: @codemirror/lang-markdown would also bring HTML, CSS
// and JavaScript modes (hundreds of kB) that a story's text never needs.
const markdownLanguage = new Language(defineLanguageFacet({ commentTokens: {} }), markdownParser, [], 'markdown');
const markdown = () => new LanguageSupport(markdownLanguage);

const markdownStyle = HighlightStyle.define([
  { tag: tags.heading1, fontWeight: '700', fontSize: '1.5em' },
  { tag: tags.heading2, fontWeight: '700', fontSize: '1.3em' },
  { tag: [tags.heading3, tags.heading4, tags.heading5, tags.heading6], fontWeight: '700' },
  { tag: tags.strong, fontWeight: '700' },
  { tag: tags.emphasis, fontStyle: 'italic' },
  { tag: tags.quote, fontStyle: 'italic' },
  { tag: [tags.processingInstruction, tags.meta, tags.contentSeparator], class: 'cm-md-mark' },
  { tag: tags.link, textDecoration: 'underline' },
  { tag: tags.monospace, fontFamily: 'ui-monospace, monospace', fontSize: '0.9em' },
]);

const surface = EditorView.theme({
  '&': { backgroundColor: 'transparent', color: 'inherit', fontSize: '1.125rem' },
  '.cm-content': { fontFamily: 'var(--font-serif)', lineHeight: '2rem', caretColor: 'currentColor', padding: '0' },
  '.cm-scroller': { fontFamily: 'inherit', overflow: 'visible' },
  '&.cm-focused': { outline: 'none' },
  '.cm-line': { padding: '0' },
  '.cm-placeholder': { color: 'color-mix(in oklab, currentColor 60%, transparent)' },
});

const formatKeymap = FORMAT_ACTIONS.map((action) => ({ key: action.key, run: action.run, preventDefault: true }));

/** `terms`: [{ key, names, kind, linked }] to highlight; `onDocChange(doc)` gets CodeMirror's Text. */
export default function MarkdownEditor({ initialDoc, onDocChange, terms, labelledBy, describedBy, placeholder, editorRef }) {
  const host = useRef(null);
  const view = useRef(null);
  const names = useRef(new Compartment());
  const onChange = useRef(onDocChange);
  onChange.current = onDocChange;

  useEffect(() => {
    const state = EditorState.create({
      doc: initialDoc,
      extensions: [
        history(),
        keymap.of([...formatKeymap, ...defaultKeymap, ...historyKeymap, indentWithTab]),
        markdown(),
        syntaxHighlighting(markdownStyle),
        EditorView.lineWrapping,
        placeholderText(placeholder ?? ''),
        surface,
        names.current.of(nameHighlighter(terms ?? [])),
        EditorView.contentAttributes.of({
          'aria-labelledby': labelledBy,
          ...(describedBy ? { 'aria-describedby': describedBy } : {}),
          'aria-multiline': 'true',
          role: 'textbox',
          spellcheck: 'true',
          'data-testid': 'story-content',
        }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange.current?.(update.state.doc);
        }),
      ],
    });
    view.current = new EditorView({ state, parent: host.current });
    return () => {
      view.current.destroy();
      view.current = null;
    };
    // The editor is created once; later text comes in through editorRef.setDoc.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    view.current?.dispatch({ effects: names.current.reconfigure(nameHighlighter(terms ?? [])) });
  }, [terms]);

  useImperativeHandle(editorRef, () => ({
    /** Replace the whole text (a choice in a conflict); undo can bring the old text back. */
    setDoc(text) {
      const current = view.current;
      if (!current) return;
      current.dispatch({ changes: { from: 0, to: current.state.doc.length, insert: text } });
    },
    /** Run a formatting action by id (see FORMAT_ACTIONS) and give the text the focus back. */
    run(id) {
      const current = view.current;
      const action = FORMAT_ACTIONS.find((a) => a.id === id);
      if (!current || !action) return;
      action.run(current);
      current.focus();
    },
    text() {
      return view.current?.state.doc.toString() ?? '';
    },
    /** The selected passage: {from, to, text} (empty text when nothing is selected). */
    selection() {
      const current = view.current;
      if (!current) return { from: 0, to: 0, text: '' };
      const { from, to } = current.state.selection.main;
      return { from, to, text: current.state.sliceDoc(from, to) };
    },
    /** Replace [from, to) with text when it still holds `expected`; whether it did. */
    replaceRange(from, to, expected, text) {
      const current = view.current;
      if (!current || to > current.state.doc.length || current.state.sliceDoc(from, to) !== expected) return false;
      current.dispatch({ changes: { from, to, insert: text }, selection: { anchor: from + text.length } });
      current.focus();
      return true;
    },
    focus() {
      view.current?.focus();
    },
  }), []);

  return <div ref={host} className="story-editor-surface min-h-[60vh]" />;
}
