// The gitlab-runner version picker: the releases come from the engine (the list its
// version-aware checks know), shown newest first.
import { runnerVersions } from './engine';

/** The newest release the engine knows: the default target. */
export function newestVersion(): string {
  return runnerVersions().at(-1) ?? '';
}

export function fillVersionPicker(select: HTMLSelectElement, selected: string): void {
  const all = runnerVersions();
  const newest = newestVersion();
  const options = [...all].reverse().map((version) => {
    const option = document.createElement('option');
    option.value = version;
    option.textContent = version === newest ? `${version} (newest)` : version;
    return option;
  });
  select.replaceChildren(...options);
  select.value = all.includes(selected) ? selected : newest;
}
