// Leaving with the result: config.toml (as written, comments kept), the same config as JSON
// (the shape people keep in secret stores) and as Python.
import { parse, toPython } from './engine';

export function configAsJson(text: string): string {
  const config = parse(text);
  // Integers beyond 2^53 come back as BigInt: written as the exact number they are.
  const json = JSON as JSON & { rawJSON?: (text: string) => unknown };
  return JSON.stringify(
    config,
    (_key, value: unknown) => (typeof value === 'bigint' ? (json.rawJSON?.(value.toString()) ?? Number(value)) : value),
    2,
  );
}

/** A script that builds the config with `wetwire_gitlab.runner_config` and prints it. */
export function configAsPython(text: string): string {
  return toPython(parse(text));
}

export async function copy(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
}

export function download(text: string, name = 'config.toml'): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/toml' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
