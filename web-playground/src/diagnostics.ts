// The engine's findings, placed in the text (squiggles) and listed under the editor.
import type { Diagnostic as EditorDiagnostic } from '@codemirror/lint';
import type { Text } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';

import type { Finding } from './engine';
import { explanation } from './explain';
import { renderMarkdown } from './markdown';

export interface Placed {
  finding: Finding;
  from: number;
  to: number;
}

const QUOTED = /^("(?:[^"\\\n]|\\.)*"?|'[^'\n]*'?)/;
const BARE = /^[^\s=,\]}#]+/;
/** A key, `=`, and a one-line value: the finding is about the pair. */
const PAIR = /^([^\s=#]+|"(?:[^"\\\n]|\\.)*")\s*=\s*("(?:[^"\\\n]|\\.)*"|'[^'\n]*'|\[[^\n]*\]|[^\s#,]+)/;

/**
 * Where a finding sits in the text: its range. For findings with a line but no range the finding's line and column start the range, and it runs to the end of what is
 * there: a whole `key = value` pair, a quoted string or bare word, or else the line.
 */
export function place(finding: Finding, doc: Text): Placed {
  if (finding.range) {
    const from = Math.min(finding.range.start.offset, doc.length);
    return { finding, from, to: Math.max(from, Math.min(finding.range.end.offset, doc.length)) };
  }
  if (finding.line == null || finding.line < 1 || finding.line > doc.lines) return { finding, from: 0, to: 0 };
  const line = doc.line(finding.line);
  const from = Math.min(line.from + Math.max((finding.column ?? 1) - 1, 0), line.to);
  const rest = doc.sliceString(from, line.to);
  const token = PAIR.exec(rest) ?? QUOTED.exec(rest) ?? BARE.exec(rest);
  const to = token && token[0].length > 0 ? from + token[0].length : line.to;
  return { finding, from, to };
}

function messageOf(finding: Finding): string {
  const where = finding.path ? `${finding.path}: ` : '';
  const suggestion = finding.suggestion && !finding.message.includes(finding.suggestion) ? ` (did you mean ${finding.suggestion}?)` : '';
  return `${where}${finding.message}${suggestion}`;
}

export interface QuickFix {
  label: string;
  changes: { from: number; to: number; insert: string }[];
}

/**
 * The engine's repair of a finding as a change of the text (only the edits it names, so
 * comments and everything else stay): "Fix" when it is safe (the config means the same after),
 * "Change to ..." when it is the engine's best guess (the known key close to an unknown one).
 */
export function fixOf({ finding }: Placed): QuickFix | null {
  if (!finding.fix) return null;
  const changes = finding.fix.edits.map((edit) => ({ from: edit.start, to: edit.end, insert: edit.text }));
  const label = finding.fix.safe ? 'Fix' : finding.suggestion ? `Change to ${finding.suggestion}` : 'Apply the suggested fix';
  return { label, changes };
}

export function applyFix(view: EditorView, fix: QuickFix): void {
  view.dispatch({ changes: fix.changes });
}

export function toEditorDiagnostics(placed: Placed[]): EditorDiagnostic[] {
  return placed.map((one) => {
    const fix = fixOf(one);
    return {
      from: one.from,
      to: one.to,
      severity: one.finding.severity,
      source: one.finding.code,
      message: messageOf(one.finding),
      actions: fix ? [{ name: fix.label, apply: (view: EditorView) => applyFix(view, fix) }] : undefined,
    };
  });
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

let explanations = 0;

/** An "Explain" button and the panel it opens under the finding. */
function explainToggle(code: string, markdown: string): HTMLElement[] {
  const panel = document.createElement('div');
  panel.className = 'explanation';
  panel.id = `explanation-${(explanations += 1)}`;
  panel.hidden = true;
  const toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.className = 'explain';
  toggle.textContent = 'Explain';
  toggle.setAttribute('aria-label', `Explain ${code}`);
  toggle.setAttribute('aria-expanded', 'false');
  toggle.setAttribute('aria-controls', panel.id);
  toggle.addEventListener('click', () => {
    if (panel.hidden && !panel.hasChildNodes()) panel.append(...renderMarkdown(markdown));
    panel.hidden = !panel.hidden;
    toggle.setAttribute('aria-expanded', String(!panel.hidden));
  });
  return [toggle, panel];
}

export interface ListActions {
  goTo: (offset: number) => void;
  fixFor: (placed: Placed) => QuickFix | null;
  apply: (fix: QuickFix) => void;
}

/** Lists the findings, worst first then by position; a click (or Enter) moves the cursor there. */
export function renderList(list: HTMLElement, count: HTMLElement, placed: Placed[], { goTo, fixFor, apply }: ListActions): void {
  const sorted = [...placed].sort(
    (a, b) => SEVERITY_ORDER[a.finding.severity] - SEVERITY_ORDER[b.finding.severity] || a.from - b.from,
  );
  const items = sorted.map((one) => {
    const { finding, from } = one;
    const item = document.createElement('li');
    item.dataset.testid = 'diagnostic';
    item.dataset.severity = finding.severity;
    item.dataset.code = finding.code;
    if (finding.line != null) item.dataset.line = String(finding.line);
    const button = document.createElement('button');
    button.type = 'button';
    button.className = `diagnostic ${finding.severity}`;
    const severity = document.createElement('span');
    severity.className = 'severity';
    severity.textContent = finding.severity;
    const code = document.createElement('code');
    code.className = 'code';
    code.textContent = finding.code;
    const message = document.createElement('span');
    message.className = 'message';
    message.textContent = messageOf(finding);
    const position = document.createElement('span');
    position.className = 'position';
    position.textContent = finding.line != null ? `${finding.line}:${finding.column ?? 1}` : 'file';
    button.append(severity, code, message, position);
    button.addEventListener('click', () => goTo(from));
    item.append(button);
    const explained = explanation(finding.code);
    if (explained) item.append(...explainToggle(finding.code, explained));
    const fix = fixFor(one);
    if (fix) {
      const fixButton = document.createElement('button');
      fixButton.type = 'button';
      fixButton.className = 'fix';
      fixButton.dataset.testid = 'quick-fix';
      fixButton.textContent = fix.label;
      fixButton.addEventListener('click', () => apply(fix));
      item.append(fixButton);
    }
    return item;
  });
  list.replaceChildren(...items);
  const errors = placed.filter((p) => p.finding.severity === 'error').length;
  count.textContent = placed.length === 0 ? 'none' : `${placed.length} (${errors} error${errors === 1 ? '' : 's'})`;
}
