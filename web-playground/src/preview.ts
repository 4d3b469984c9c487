// The config.toml that will be written, highlighted with the editor's TOML mode (one parse,
// no second grammar). The element's text is exactly the file's text.
import { highlightTree } from '@lezer/highlight';

import { tomlHighlight, tomlLanguage } from './editor';

export function showPreview(element: HTMLElement, text: string): void {
  const tree = tomlLanguage.parser.parse(text);
  const parts: Node[] = [];
  let at = 0;
  highlightTree(tree, tomlHighlight, (from, to, classes) => {
    if (from > at) parts.push(document.createTextNode(text.slice(at, from)));
    const span = document.createElement('span');
    span.className = classes;
    span.textContent = text.slice(from, to);
    parts.push(span);
    at = to;
  });
  if (at < text.length) parts.push(document.createTextNode(text.slice(at)));
  element.replaceChildren(...parts);
}
