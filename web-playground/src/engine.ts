// The npm package, loaded once: the only place the playground's knowledge of config.toml
// comes from (checks, layout, schema, completion, hover, Python).
import * as pkg from '@wetwire/gitlab-runner-config';
import type { Diagnostic, ValidateOptions } from '@wetwire/gitlab-runner-config';

export type { Config } from '@wetwire/gitlab-runner-config';


/** A finding with its range (UTF-16 offsets, so CodeMirror's positions) and suggestion. */
export type Finding = Diagnostic;

export async function loadEngine(): Promise<void> {
  await pkg.init();
}

export const { parse, format, update, schema, runnerVersions, complete, hover, toPython, version } = pkg;

/**
 * The config in gitlab-runner's canonical layout (the text Python's `to_toml()` and `render`
 * write), unknown keys kept. Comments are not carried: `format` keeps them in the user's layout.
 */
export function canonicalLayout(text: string): string {
  return pkg.render(pkg.parse(text, { strict: false }), { strict: false });
}

export function validate(text: string, options: ValidateOptions = {}): Finding[] {
  return pkg.validate(text, { strict: true, ...options });
}
