// The text editor: CodeMirror 6 with the TOML mode, lint squiggles fed by the engine's
// diagnostics, completion and hover cards from the engine's `complete` and `hover`.
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, HighlightStyle, indentOnInput, StreamLanguage, syntaxHighlighting } from '@codemirror/language';
import { toml } from '@codemirror/legacy-modes/mode/toml';
import { lintGutter, lintKeymap, setDiagnostics, type Diagnostic as EditorDiagnostic } from '@codemirror/lint';
import { EditorSelection, EditorState, type Extension } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, hoverTooltip, keymap, lineNumbers } from '@codemirror/view';
import { tags } from '@lezer/highlight';

import { complete, hover } from './engine';
import { renderMarkdown } from './markdown';

const tomlLanguage = StreamLanguage.define(toml);

/** Colours come from CSS variables so the light and dark themes share one style. */
const tomlHighlight = HighlightStyle.define([
  { tag: tags.comment, class: 'tok-comment' },
  { tag: tags.string, class: 'tok-string' },
  { tag: [tags.number, tags.bool, tags.atom], class: 'tok-literal' },
  { tag: [tags.propertyName, tags.variableName], class: 'tok-key' },
]);

function engineCompletions(context: CompletionContext): CompletionResult | null {
  const result = complete(context.state.doc.toString(), context.pos);
  if (result.items.length === 0) return null;
  return {
    from: result.from,
    to: result.to,
    options: result.items.map((item) => ({
      label: item.label,
      apply: item.apply,
      type: item.kind === 'table' ? 'class' : item.kind === 'value' ? 'constant' : 'property',
      detail: [item.detail, item.since ? `since ${item.since}` : '', item.deprecated ? 'deprecated' : ''].filter(Boolean).join(' · '),
      info: item.documentation,
      boost: item.deprecated ? -1 : 0,
    })),
  };
}

const engineHover = hoverTooltip((view, pos) => {
  const card = hover(view.state.doc.toString(), pos);
  if (!card) return null;
  return {
    pos: card.from,
    end: card.to,
    create: () => {
      const dom = document.createElement('div');
      dom.className = 'hover-card';
      const title = document.createElement('strong');
      title.textContent = card.title;
      dom.append(title, ...renderMarkdown(card.markdown));
      return { dom };
    },
  };
});

export interface EditorOptions {
  parent: HTMLElement;
  text: string;
  onChange: (text: string) => void;
}

/**
 * The page's colours (CSS variables cross the shadow root) applied to CodeMirror's elements.
 * CodeMirror writes its styles into the shadow root's adopted style sheets, which the page's
 * Content-Security-Policy (`style-src 'self'`, no inline styles) allows.
 */
const pageTheme = EditorView.theme({
  '&': { height: '60vh', minHeight: '16rem', color: 'var(--text)', backgroundColor: 'var(--surface)', borderRadius: '8px' },
  '&.cm-focused': { outline: '2px solid var(--focus)', outlineOffset: '1px' },
  '.cm-scroller': { fontFamily: 'var(--mono)', fontSize: '0.88rem', lineHeight: '1.5' },
  '.cm-gutters': { backgroundColor: 'var(--surface)', color: 'var(--muted)', borderRight: '1px solid var(--border)', borderRadius: '8px 0 0 8px' },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'var(--active-line)' },
  '.cm-content': { caretColor: 'var(--text)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground': { backgroundColor: 'var(--selection)' },
  '.cm-tooltip': { backgroundColor: 'var(--surface)', color: 'var(--text)', border: '1px solid var(--border)', borderRadius: '6px' },
  '.cm-tooltip-lint, .cm-diagnostic': { fontFamily: 'system-ui, sans-serif' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--error)' },
  '.cm-diagnostic-warning': { borderLeftColor: 'var(--warning)' },
  '.cm-diagnostic-info': { borderLeftColor: 'var(--info)' },
  '.hover-card': { maxWidth: '28rem', padding: '0.4rem 0.6rem' },
  '.hover-card p': { margin: '0.3rem 0 0' },
  '.hover-card ul': { margin: '0.3rem 0 0', paddingLeft: '1.2rem' },
  '.hover-card code': { fontFamily: 'var(--mono)', fontSize: '0.85em' },
  '.tok-comment': { color: 'var(--tok-comment)', fontStyle: 'italic' },
  '.tok-string': { color: 'var(--tok-string)' },
  '.tok-literal': { color: 'var(--tok-literal)' },
  '.tok-key': { color: 'var(--tok-key)' },
});

/** The editor lives in a shadow root of `parent` (see `pageTheme` for why). */
export function createEditor({ parent, text, onChange }: EditorOptions): EditorView {
  const root = parent.attachShadow({ mode: 'open' });
  const extensions: Extension[] = [
    pageTheme,
    lineNumbers(),
    highlightActiveLineGutter(),
    history(),
    drawSelection(),
    indentOnInput(),
    bracketMatching(),
    closeBrackets(),
    highlightActiveLine(),
    tomlLanguage,
    syntaxHighlighting(tomlHighlight),
    lintGutter(),
    autocompletion({ override: [engineCompletions] }),
    engineHover,
    keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap, ...lintKeymap, indentWithTab]),
    // tabindex: axe counts a contenteditable as focusable only with it (the scroller around it needs a focusable child).
    EditorView.contentAttributes.of({ 'aria-label': 'config.toml text', tabindex: '0' }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) onChange(update.state.doc.toString());
    }),
  ];
  return new EditorView({ parent: root, root, state: EditorState.create({ doc: text, extensions }) });
}

/** Replaces the whole text (a preset, an import, a form edit) as one undoable change. */
export function setText(view: EditorView, text: string): void {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}

export function showDiagnostics(view: EditorView, diagnostics: EditorDiagnostic[]): void {
  view.dispatch(setDiagnostics(view.state, diagnostics));
}

export function moveCursor(view: EditorView, offset: number): void {
  const at = Math.min(offset, view.state.doc.length);
  view.dispatch({ selection: EditorSelection.cursor(at), scrollIntoView: true });
  view.focus();
}
