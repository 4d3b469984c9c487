// The engine's findings, placed in the text (squiggles) and listed under the editor.
import type { Diagnostic as EditorDiagnostic } from '@codemirror/lint';
import type { Text } from '@codemirror/state';

import type { Finding } from './engine';

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

export function toEditorDiagnostics(placed: Placed[]): EditorDiagnostic[] {
  return placed.map(({ finding, from, to }) => ({
    from,
    to,
    severity: finding.severity,
    source: finding.code,
    message: messageOf(finding),
  }));
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Lists the findings, worst first then by position; a click (or Enter) moves the cursor there. */
export function renderList(list: HTMLElement, count: HTMLElement, placed: Placed[], goTo: (offset: number) => void): void {
  const sorted = [...placed].sort(
    (a, b) => SEVERITY_ORDER[a.finding.severity] - SEVERITY_ORDER[b.finding.severity] || a.from - b.from,
  );
  const items = sorted.map(({ finding, from }) => {
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
    return item;
  });
  list.replaceChildren(...items);
  const errors = placed.filter((p) => p.finding.severity === 'error').length;
  count.textContent = placed.length === 0 ? 'none' : `${placed.length} (${errors} error${errors === 1 ? '' : 's'})`;
}
