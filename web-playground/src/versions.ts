// The gitlab-runner version picker. The JSON Schema does not carry release versions yet, so
// the releases are listed here: the last minor of every major, 12.0 to 19.4. Replace this list
// with the schema's versions once the engine publishes them.
const LAST_MINOR: Record<number, number> = { 12: 10, 13: 12, 14: 10, 15: 11, 16: 11, 17: 11, 18: 11, 19: 4 };

export const RUNNER_VERSIONS: string[] = Object.entries(LAST_MINOR).flatMap(([major, last]) =>
  Array.from({ length: last + 1 }, (_, minor) => `${major}.${minor}`),
);

export const NEWEST_VERSION = RUNNER_VERSIONS[RUNNER_VERSIONS.length - 1];

export function fillVersionPicker(select: HTMLSelectElement, selected: string): void {
  const options = [...RUNNER_VERSIONS].reverse().map((version) => {
    const option = document.createElement('option');
    option.value = version;
    option.textContent = version === NEWEST_VERSION ? `${version} (newest)` : version;
    return option;
  });
  select.replaceChildren(...options);
  select.value = RUNNER_VERSIONS.includes(selected) ? selected : NEWEST_VERSION;
}
