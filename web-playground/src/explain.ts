// What each finding's code means, with a bad and a fixed example: the engine's own reference
// (docs/diagnostics.md, generated from core/src/code.rs), bundled so nothing is fetched.
import reference from '../../docs/diagnostics.md?raw';

const sections = new Map<string, string>();
for (const section of reference.split(/^## /m).slice(1)) {
  const newline = section.indexOf('\n');
  sections.set(section.slice(0, newline).trim(), section.slice(newline + 1));
}

/** The explanation of a code in Markdown, or undefined for a code the reference lacks. */
export function explanation(code: string): string | undefined {
  return sections.get(code);
}
