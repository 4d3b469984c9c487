// The little Markdown the engine writes (hover cards, the codes' explanations): paragraphs,
// `- ` lists, fenced code blocks and `code` spans, drawn as DOM nodes (never parsed as HTML),
// rather than bringing in a Markdown library.

/** `code` spans as <code>, the rest as text. */
function inline(text: string): Node[] {
  return text.split('`').map((part, index) => {
    if (index % 2 === 0) return document.createTextNode(part);
    const code = document.createElement('code');
    code.textContent = part;
    return code;
  });
}

function paragraphOrList(block: string): HTMLElement {
  const lines = block.split('\n');
  if (lines.every((line) => line.startsWith('- '))) {
    const list = document.createElement('ul');
    for (const line of lines) {
      const item = document.createElement('li');
      item.append(...inline(line.slice(2)));
      list.append(item);
    }
    return list;
  }
  const paragraph = document.createElement('p');
  paragraph.append(...inline(block));
  return paragraph;
}

export function renderMarkdown(markdown: string): HTMLElement[] {
  const blocks: HTMLElement[] = [];
  // Odd pieces are the insides of ``` fences.
  markdown.split(/^```[a-z]*\n/m).forEach((piece, index) => {
    if (index % 2 === 1) {
      const [code, rest] = piece.split(/^```$/m);
      const pre = document.createElement('pre');
      pre.textContent = code;
      blocks.push(pre);
      piece = rest ?? '';
    }
    for (const block of piece.trim().split(/\n\s*\n/)) if (block.trim()) blocks.push(paragraphOrList(block.trim()));
  });
  return blocks;
}
