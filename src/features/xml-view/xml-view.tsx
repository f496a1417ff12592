import { closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap } from '@codemirror/commands';
import { xml } from '@codemirror/lang-xml';
import {
  bracketMatching,
  defaultHighlightStyle,
  foldKeymap,
  indentOnInput,
  syntaxHighlighting,
} from '@codemirror/language';
import {
  type Diagnostic as EditorDiagnostic,
  lintGutter,
  lintKeymap,
  setDiagnostics,
} from '@codemirror/lint';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import {
  Annotation,
  Compartment,
  EditorState,
  type Extension,
  Prec,
  RangeSet,
  StateEffect,
  StateField,
} from '@codemirror/state';
import { oneDark } from '@codemirror/theme-one-dark';
import {
  Decoration,
  type DecorationSet,
  drawSelection,
  dropCursor,
  EditorView,
  GutterMarker,
  gutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
  rectangularSelection,
} from '@codemirror/view';
import { useEffect, useRef } from 'react';
import type { Severity } from '../../core';
import { LineBreakMap, type TextChange } from './line-breaks';
import { minimalChange } from './minimal-change';

export interface XmlMark {
  from: number;
  to: number;
  severity: Severity;
  message: string;
}

export interface XmlViewProps {
  /** The document's text; offsets in the other props are offsets into it, whatever its line breaks. */
  text: string;
  onChange: (text: string) => void;
  /** The selected block's range, highlighted and kept in view. */
  highlight: { from: number; to: number } | null;
  marks: XmlMark[];
  /** Puts the cursor at an offset and scrolls to it; a new nonce repeats the jump to the same place. */
  reveal: { offset: number; nonce: number } | null;
  /** Scrolls an offset into view without moving the cursor: the line a form edit just changed. */
  follow?: { offset: number; nonce: number } | null;
  dark: boolean;
  /** Lines that differ from the imported file (1-based), marked in the gutter. */
  changed: readonly number[];
  /** Shown but not editable (another tab edits the draft). */
  readOnly?: boolean;
}

/** Marks transactions that bring the editor in line with the store, so they are not echoed back as edits. */
const fromStore = Annotation.define<boolean>();

const setHighlight = StateEffect.define<{ from: number; to: number } | null>();

const highlightField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(decorations, tr) {
    let next = decorations.map(tr.changes);
    for (const effect of tr.effects) {
      if (effect.is(setHighlight)) next = blockDecorations(tr.state, effect.value);
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

const blockLine = Decoration.line({ class: 'cm-selected-block' });

const setChanged = StateEffect.define<readonly number[]>();

class ChangedMarker extends GutterMarker {
  elementClass = 'cm-changed-line';
}
const changedMarker = new ChangedMarker();

/** Line numbers changed since the import; kept as numbers, re-sent by the view whenever the text changes. */
const changedField = StateField.define<readonly number[]>({
  create: () => [],
  update(lines, tr) {
    for (const effect of tr.effects) if (effect.is(setChanged)) return effect.value;
    return lines;
  },
});

const changedGutter = gutter({
  class: 'cm-changed-gutter',
  markers: (view) => {
    const lines = view.state.field(changedField);
    const builder = [];
    for (const n of lines) {
      if (n <= view.state.doc.lines) builder.push(changedMarker.range(view.state.doc.line(n).from));
    }
    return RangeSet.of(builder, true);
  },
  initialSpacer: () => changedMarker,
});

function blockDecorations(state: EditorState, range: { from: number; to: number } | null): DecorationSet {
  if (!range || range.from > state.doc.length) return Decoration.none;
  const first = state.doc.lineAt(range.from).number;
  const last = state.doc.lineAt(Math.min(range.to, state.doc.length)).number;
  const lines = [];
  for (let n = first; n <= last; n++) lines.push(blockLine.range(state.doc.line(n).from));
  return Decoration.set(lines);
}

// The page's monospace stack; the page's own CSS does not reach into the editor's shadow root.
const MONO =
  'ui-monospace, "JetBrains Mono", "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace';

/**
 * The lint markers and squiggles drawn with CSS instead of @codemirror/lint's data: URL images, which the
 * page's Content-Security-Policy (img-src 'self') refuses.
 */
const lintMarks = {
  '.cm-lintRange-error, .cm-lintRange-warning, .cm-lintRange-info, .cm-lintRange-hint': {
    backgroundImage: 'none',
    textDecorationLine: 'underline',
    textDecorationStyle: 'wavy',
    textDecorationThickness: '1px',
    textUnderlineOffset: '3px',
  },
  '.cm-lintRange-error': { textDecorationColor: '#dc2626' },
  '.cm-lintRange-warning': { textDecorationColor: '#d97706' },
  '.cm-lintRange-info, .cm-lintRange-hint': { textDecorationColor: '#6366f1' },
  '.cm-lint-marker': { content: 'normal', width: '0.8em', height: '0.8em', margin: '0.1em' },
  '.cm-lint-marker-error': { backgroundColor: '#ef4444', borderRadius: '50%' },
  '.cm-lint-marker-warning': { backgroundColor: '#f59e0b', clipPath: 'polygon(50% 0, 100% 100%, 0 100%)' },
  '.cm-lint-marker-info': { backgroundColor: '#818cf8', borderRadius: '2px' },
};

// Colours chosen for at least 4.5:1 contrast against their background in both themes (axe checks them).
const lightTheme = EditorView.theme({
  ...lintMarks,
  '&': { backgroundColor: '#ffffff', height: '100%', fontSize: '12.5px' },
  // The editor is a large target; keyboard users need to see clearly that it has the focus.
  '&.cm-focused': { outline: '2px solid #2563eb', outlineOffset: '-2px' },
  '.cm-scroller': { fontFamily: MONO },
  '.cm-gutters': { backgroundColor: '#fafafa', color: '#52525b', borderRight: '1px solid #e4e4e7' },
  '.cm-selected-block': { backgroundColor: '#eff6ff', boxShadow: 'inset 2px 0 0 #2563eb' },
  '.cm-changed-gutter .cm-gutterElement': { width: '3px', padding: '0' },
  '.cm-changed-line': { backgroundColor: '#d97706' },
});

const darkTheme = EditorView.theme(
  {
    ...lintMarks,
    '&': { backgroundColor: '#09090b', height: '100%', fontSize: '12.5px' },
    '&.cm-focused': { outline: '2px solid #60a5fa', outlineOffset: '-2px' },
    '.cm-scroller': { fontFamily: MONO },
    '.cm-gutters': { backgroundColor: '#09090b', color: '#a1a1aa', borderRight: '1px solid #27272a' },
    '.cm-selected-block': { backgroundColor: '#0f1a2e', boxShadow: 'inset 2px 0 0 #60a5fa' },
    '.cm-activeLineGutter': { backgroundColor: 'transparent' },
    '.cm-changed-gutter .cm-gutterElement': { width: '3px', padding: '0' },
    '.cm-changed-line': { backgroundColor: '#f59e0b' },
  },
  { dark: true },
);

function accessExtensions(readOnly: boolean): Extension {
  return [
    EditorState.readOnly.of(readOnly),
    EditorView.editable.of(!readOnly),
    EditorView.contentAttributes.of({
      'aria-label': readOnly ? 'XML of the document (read-only)' : 'XML of the document (editable)',
    }),
  ];
}

/**
 * CodeMirror's basic setup without what the page does otherwise or not at all: no undo history (undo
 * belongs to the page's one history, so Ctrl+Z in here undoes form edits as well), no active-line
 * highlight, no completion or bracket closing (every byte is the admin's), no fold gutter.
 */
const editorSetup: Extension = [
  lineNumbers(),
  highlightSpecialChars(),
  drawSelection(),
  dropCursor(),
  EditorState.allowMultipleSelections.of(true),
  indentOnInput(),
  syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
  bracketMatching(),
  rectangularSelection(),
  highlightSelectionMatches(),
  keymap.of([
    ...closeBracketsKeymap,
    ...defaultKeymap,
    ...searchKeymap,
    ...foldKeymap,
    ...completionKeymap,
    ...lintKeymap,
  ]),
];

/** The stock light background, or One Dark (theme and highlighting). */
const lightBase = EditorView.theme({ '&': { backgroundColor: '#fff' } }, { dark: false });

function themeExtensions(dark: boolean): Extension {
  return [
    dark ? oneDark : lightBase,
    // Above the stock themes, whose gutter and background colours fall short of 4.5:1 against our text.
    Prec.highest(dark ? darkTheme : lightTheme),
  ];
}

const staticExtensions: Extension = [
  // Auto-closing would add tags the admin did not type; in a file the daemon reads strictly, every byte is theirs.
  xml({ autoCloseTags: false }),
  lintGutter(),
  changedField,
  changedGutter,
  highlightField,
  // An explicit tabindex lets checkers see that the scrolling editor is reachable by keyboard.
  EditorView.contentAttributes.of({ tabindex: '0' }),
  // After the lint and changed-line gutters, so the line numbers stay next to the text.
  editorSetup,
];

function toEditorDiagnostics(marks: XmlMark[], map: LineBreakMap, length: number): EditorDiagnostic[] {
  return marks.map((mark) => {
    const from = Math.min(map.toDisplay(mark.from), length);
    return {
      from,
      to: Math.max(from, Math.min(map.toDisplay(mark.to), length)),
      severity: mark.severity,
      message: mark.message,
    };
  });
}

/**
 * The change that brings the editor from `before` to `after`. Where neither text has a carriage return the
 * editor holds the text itself, so the change is found in the two strings the view already has; otherwise
 * (offsets shift around each CRLF) against the editor's own text.
 */
function displayChange(before: LineBreakMap, after: LineBreakMap, editor: EditorView) {
  if (before.display === before.text && after.display === after.text) {
    return minimalChange(before.text, after.text);
  }
  return minimalChange(editor.state.doc.toString(), after.display);
}

export function XmlView({
  text,
  onChange,
  highlight,
  marks,
  reveal,
  follow,
  dark,
  changed,
  readOnly = false,
}: XmlViewProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const theme = useRef(new Compartment());
  const access = useRef(new Compartment());
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  // The document text the editor holds, with its line breaks; replaced as soon as the admin types, so a
  // second keystroke before the page re-renders still maps against the right text.
  const map = useRef(new LineBreakMap(text));
  // The props the editor was created with; later changes reach it through the effects below.
  const initial = useRef({ dark, readOnly });

  useEffect(() => {
    if (!host.current) return;
    // CodeMirror writes its styles at run time. In a shadow root it adopts a constructable stylesheet, which
    // the page's Content-Security-Policy (style-src 'self') allows; in the document it would add a <style>
    // element, which that policy refuses.
    const shadow = host.current.shadowRoot ?? host.current.attachShadow({ mode: 'open' });
    const mount = document.createElement('div');
    mount.style.height = '100%';
    shadow.append(mount);
    const editor = new EditorView({
      parent: mount,
      root: shadow,
      state: EditorState.create({
        doc: map.current.display,
        extensions: [
          staticExtensions,
          theme.current.of(themeExtensions(initial.current.dark)),
          access.current.of(accessExtensions(initial.current.readOnly)),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged || update.transactions.some((tr) => tr.annotation(fromStore))) return;
            const changes: TextChange[] = [];
            update.changes.iterChanges((from, to, _fromB, _toB, inserted) => {
              changes.push({ from, to, insert: inserted.toString() });
            });
            map.current = new LineBreakMap(map.current.apply(changes));
            onChangeRef.current(map.current.text);
            // Deleting what separated a lone CR from an LF fused them into one line break: show the file as it now is.
            if (map.current.display.length !== update.state.doc.length) {
              const { view: editor } = update;
              queueMicrotask(() => {
                editor.dispatch({
                  changes: minimalChange(editor.state.doc.toString(), map.current.display),
                  annotations: fromStore.of(true),
                });
              });
            }
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      mount.remove();
      view.current = null;
    };
  }, []);

  const highlightFrom = highlight?.from;
  const highlightTo = highlight?.to;
  const followOffset = follow?.offset;
  const followNonce = follow?.nonce;
  // What the editor was last brought in line with; undefined at first, so the first pass shows the highlight.
  const shown = useRef<{ from?: number; to?: number; follow?: number }>({});
  // The text, the selected block and the followed line in one transaction: each transaction makes the
  // editor measure the page again, which on a large page is most of what a keystroke costs.
  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const before = map.current;
    if (before.text !== text) map.current = new LineBreakMap(text);
    const effects: StateEffect<unknown>[] = [];
    const last = shown.current;
    if (highlightFrom !== last.from || highlightTo !== last.to) {
      const range =
        highlightFrom === undefined || highlightTo === undefined
          ? null
          : { from: map.current.toDisplay(highlightFrom), to: map.current.toDisplay(highlightTo) };
      effects.push(setHighlight.of(range));
    }
    // A line the form just changed comes into view; else another block selected brings its first line.
    // Not while the admin types in the editor: the view then stays where they are.
    const follows = followNonce !== last.follow && followOffset !== undefined;
    const scrollTo = follows ? followOffset : highlightFrom !== last.from ? highlightFrom : undefined;
    const scroll =
      scrollTo === undefined || editor.hasFocus
        ? null
        : EditorView.scrollIntoView(Math.min(map.current.toDisplay(scrollTo), map.current.display.length), {
            y: 'nearest',
            yMargin: 48,
          });
    // A form edit changes a line in view: its scroll goes with it. A new text with another block selected
    // (an import, an undo) scrolls once the editor has measured the new lines, or it lands where they were
    // only estimated to be.
    const scrollAfter = scroll !== null && !follows && before.text !== text;
    if (scroll && !scrollAfter) effects.push(scroll);
    shown.current = { from: highlightFrom, to: highlightTo, follow: followNonce };
    if (before.text !== text || effects.length > 0) {
      editor.dispatch({
        ...(before.text === text ? {} : { changes: displayChange(before, map.current, editor) }),
        effects,
        annotations: fromStore.of(true),
      });
    }
    if (scroll && scrollAfter) editor.dispatch({ effects: scroll });
  }, [text, highlightFrom, highlightTo, followOffset, followNonce]);

  useEffect(() => {
    view.current?.dispatch({ effects: theme.current.reconfigure(themeExtensions(dark)) });
  }, [dark]);

  useEffect(() => {
    view.current?.dispatch({ effects: access.current.reconfigure(accessExtensions(readOnly)) });
  }, [readOnly]);

  useEffect(() => {
    view.current?.dispatch({ effects: setChanged.of(changed) });
  }, [changed]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    editor.dispatch(
      setDiagnostics(editor.state, toEditorDiagnostics(marks, map.current, editor.state.doc.length)),
    );
  }, [marks]);

  const revealOffset = reveal?.offset;
  const revealNonce = reveal?.nonce;
  useEffect(() => {
    const editor = view.current;
    if (!editor || revealOffset === undefined || revealNonce === undefined) return;
    const anchor = Math.min(map.current.toDisplay(revealOffset), editor.state.doc.length);
    editor.dispatch({
      selection: { anchor },
      effects: EditorView.scrollIntoView(anchor, { y: 'center' }),
    });
  }, [revealOffset, revealNonce]);

  return <div ref={host} className="h-full min-h-0 overflow-hidden" data-testid="xml-view" />;
}
