// Secrets out of shared and stored text: every value the engine flags as an inline secret
// (`inline-secret`: token, SecretKey, AccountKey, password ... as the schema marks them) and
// every `NAME=value` string whose name says it holds a credential (environment entries,
// docker-machine options) become `${VARIABLE}` placeholders. The text is edited in place, so comments and layout survive.
import { validate, type Finding } from './engine';

/** `NAME=value` entries are free text, so their names are the only hint. */
const SECRET_NAME = /TOKEN|SECRET|PASSW|PRIVATE|CREDENTIAL|AUTH|API[_-]?KEY|ACCESS[_-]?KEY|[_-]KEY$/i;

const VALUE_AFTER_EQUALS = /\s*=\s*("(?:[^"\\\n]|\\.)*"|'[^'\n]*')/y;

function isPlaceholder(value: string): boolean {
  return value === '' || value.startsWith('$');
}

/** `runners[1].cache.s3.SecretKey` → `RUNNER_2_CACHE_S3_SECRET_KEY`. */
export function placeholderName(path: string): string {
  return path
    .split('.')
    .map((segment) => {
      const runner = /^runners\[(\d+)\]$/.exec(segment);
      if (runner) return runner[1] === '0' ? 'RUNNER' : `RUNNER_${Number(runner[1]) + 1}`;
      return segment.replace(/\[(\d+)\]/g, '_$1').replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9]+/g, '_');
    })
    .join('_')
    .toUpperCase();
}

interface Edit {
  from: number;
  to: number;
  insert: string;
}

function lineStart(text: string, line: number): number {
  let at = 0;
  for (let n = 1; n < line; n += 1) {
    const next = text.indexOf('\n', at);
    if (next === -1) return text.length;
    at = next + 1;
  }
  return at;
}

/** The string value of the key the finding points at (its line and column are the key's). */
function valueEdit(text: string, finding: Finding): Edit | null {
  const placeholder = JSON.stringify(`\${${placeholderName(finding.path)}}`);
  // A range around the value itself (newer engines) is replaced as it is.
  if (finding.range && /^["']/.test(text.slice(finding.range.start.offset))) {
    return { from: finding.range.start.offset, to: finding.range.end.offset, insert: placeholder };
  }
  if (finding.line == null) return null;
  const key = finding.range ? finding.range.start.offset : lineStart(text, finding.line) + Math.max((finding.column ?? 1) - 1, 0);
  const keyEnd = text.slice(key).search(/\s*=/);
  if (keyEnd === -1) return null;
  VALUE_AFTER_EQUALS.lastIndex = key + keyEnd;
  const match = VALUE_AFTER_EQUALS.exec(text);
  if (!match) return null;
  const from = VALUE_AFTER_EQUALS.lastIndex - match[1].length;
  return { from, to: VALUE_AFTER_EQUALS.lastIndex, insert: placeholder };
}

/** Comments and strings in order, so a quote inside a comment or another string is skipped. */
const STRINGS_AND_COMMENTS = /#[^\n]*|"""[^]*?"""|'''[^]*?'''|"(?:[^"\\\n]|\\.)*"|'[^'\n]*'/g;
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_.-]*)=([^]*)$/;

/**
 * `NAME=value` strings whose name looks secret, wherever they are (`environment`, docker-machine's
 * `MachineOptions` ...), found in the text itself so that text the engine cannot read is covered.
 */
function assignmentEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  for (const match of text.matchAll(STRINGS_AND_COMMENTS)) {
    const literal = match[0];
    if (literal.startsWith('#') || literal.startsWith('"""') || literal.startsWith("'''")) continue;
    const assignment = ASSIGNMENT.exec(literal.slice(1, -1));
    if (!assignment || !SECRET_NAME.test(assignment[1]) || isPlaceholder(assignment[2])) continue;
    const variable = assignment[1].toUpperCase().replace(/[^A-Z0-9]+/g, '_');
    edits.push({ from: match.index, to: match.index + literal.length, insert: JSON.stringify(`${assignment[1]}=\${${variable}}`) });
  }
  return edits;
}

/**
 * Keys whose name says secret, for text the engine cannot read (a syntax error): nothing is
 * known about its structure, so every such string value is replaced.
 */
function fallbackEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  const line = /^[ \t]*"?([A-Za-z0-9_.-]*(?:token|password|secret|accountkey|accesskey|privatekey)[A-Za-z0-9_.-]*)"?[ \t]*=[ \t]*("(?:[^"\\\n]|\\.)*"|'[^'\n]*')/gim;
  for (let match = line.exec(text); match; match = line.exec(text)) {
    const literal = match[2];
    if (isPlaceholder(literal.slice(1, -1))) continue;
    const from = match.index + match[0].length - literal.length;
    edits.push({ from, to: from + literal.length, insert: JSON.stringify(`\${${placeholderName(match[1])}}`) });
  }
  return edits;
}

export interface Redacted {
  text: string;
  count: number;
}

/** The text with its secrets replaced by placeholders; `findings` may be passed when known. */
export function redactSecrets(text: string, findings: Finding[] = validate(text)): Redacted {
  const readable = !findings.some((finding) => finding.code === 'syntax');
  let edits = findings
    .filter((finding) => finding.code === 'inline-secret')
    .map((finding) => valueEdit(text, finding))
    .filter((edit): edit is Edit => edit !== null);
  edits.push(...assignmentEdits(text));
  if (!readable) edits.push(...fallbackEdits(text));
  edits = edits.sort((a, b) => b.from - a.from).filter((edit, index, all) => index === 0 || edit.to <= all[index - 1].from);
  let redacted = text;
  for (const edit of edits) redacted = redacted.slice(0, edit.from) + edit.insert + redacted.slice(edit.to);
  return { text: redacted, count: edits.length };
}
