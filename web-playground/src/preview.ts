// The config.toml that will be written, highlighted with the editor's TOML mode. One element
// per line, each remembering the mode's state at its start, so a keystroke re-highlights only
// the lines that changed (a 100-runner file is about 2,000 lines). The element's text is
// exactly the file's text.
import { StringStream } from '@codemirror/language';
import { toml } from '@codemirror/legacy-modes/mode/toml';

type ModeState = object;

const mode = toml as unknown as { startState(): ModeState; token(stream: StringStream, state: ModeState): string | null };

/** The mode's style names as the editor's highlight classes (see `tomlHighlight`). */
const CLASSES: Record<string, string> = {
  property: 'tok-key',
  string: 'tok-string',
  number: 'tok-literal',
  atom: 'tok-literal',
  comment: 'tok-comment',
};

interface Line {
  element: HTMLElement;
  text: string;
  /** The mode's state where this line starts. */
  start: string;
}

const rendered = new WeakMap<HTMLElement, Line[]>();

function highlightLine(text: string, state: ModeState, last: boolean): HTMLElement {
  const element = document.createElement('span');
  const stream = new StringStream(text, 2, 2);
  while (!stream.eol()) {
    const from = stream.pos;
    const style = mode.token(stream, state);
    if (stream.pos === from) stream.next();
    const piece = text.slice(from, stream.pos);
    const className = style ? CLASSES[style] : undefined;
    if (className) {
      const token = document.createElement('span');
      token.className = className;
      token.textContent = piece;
      element.append(token);
    } else element.append(piece);
  }
  if (!last) element.append('\n');
  return element;
}

export function showPreview(element: HTMLElement, text: string): void {
  const old = rendered.get(element) ?? [];
  const texts = text.split('\n');
  // Lines kept from the top (never the last one, which has no newline after it) and the bottom.
  const most = Math.min(old.length, texts.length) - 1;
  let top = 0;
  while (top < most && old[top].text === texts[top]) top += 1;
  let bottom = 0;
  while (bottom < old.length - top && bottom < texts.length - top && old[old.length - 1 - bottom].text === texts[texts.length - 1 - bottom]) {
    bottom += 1;
  }

  const state: ModeState = top > 0 ? JSON.parse(old[top].start) : mode.startState();
  const lines: Line[] = old.slice(0, top);
  const highlight = (lineText: string) => {
    const start = JSON.stringify(state);
    lines.push({ element: highlightLine(lineText, state, lines.length === texts.length - 1), text: lineText, start });
  };
  for (let index = top; index < texts.length - bottom; index += 1) highlight(texts[index]);
  const middle = lines.slice(top).map((line) => line.element);
  // Lines below the change are kept from the first one the mode reaches in the same state.
  const rehighlighted: [HTMLElement, HTMLElement][] = [];
  let index = old.length - bottom;
  while (index < old.length && JSON.stringify(state) !== old[index].start) {
    highlight(old[index].text);
    rehighlighted.push([old[index].element, lines[lines.length - 1].element]);
    index += 1;
  }
  lines.push(...old.slice(index));

  for (const line of old.slice(top, old.length - bottom)) line.element.remove();
  const inserted = document.createDocumentFragment();
  inserted.append(...middle);
  element.insertBefore(inserted, old[old.length - bottom]?.element ?? null);
  for (const [before, after] of rehighlighted) before.replaceWith(after);
  rendered.set(element, lines);
}
