// The work survives a reload: the text (secrets already replaced by placeholders) and the
// chosen version in localStorage.
import type { SharedState } from './share';

const KEY = 'grc-playground-state';

export function loadSaved(): SharedState | null {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<SharedState> | null;
    if (!saved || typeof saved.text !== 'string') return null;
    return { text: saved.text, runnerVersion: typeof saved.runnerVersion === 'string' ? saved.runnerVersion : '' };
  } catch {
    return null;
  }
}

export function save(state: SharedState): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(state));
  } catch {
    // Storage full or disabled (private windows): the page keeps working without it.
  }
}
