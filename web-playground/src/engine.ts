// The npm package, loaded once, and the functions other work on the engine is adding
// (`complete`, `hover`, `toPython`): they are looked up at run time so the playground builds
// against either version of the package and lights the features up when they exist.
import * as pkg from '@wetwire/gitlab-runner-config';
import type { Config, Diagnostic } from '@wetwire/gitlab-runner-config';

export type { Config, Diagnostic };

/** A finding with its range (UTF-16 offsets, so CodeMirror's positions) and suggestion. */
export type Finding = Diagnostic;

export interface CompletionItem {
  label: string;
  kind: 'key' | 'table' | 'value';
  detail: string;
  documentation: string;
  apply: string;
  since?: string;
  deprecated?: boolean;
}

export interface Completions {
  from: number;
  to: number;
  items: CompletionItem[];
}

export interface HoverCard {
  from: number;
  to: number;
  title: string;
  markdown: string;
}

interface Optional {
  complete?: (text: string, offset: number) => Completions;
  hover?: (text: string, offset: number) => HoverCard | null;
  toPython?: (config: Config) => string;
}

const optional = pkg as unknown as Optional;

export async function loadEngine(): Promise<void> {
  await pkg.init();
}

export const { render, parse, format, schema, version } = pkg;

export interface CheckOptions {
  runnerVersion?: string;
}

export function validate(text: string, options: CheckOptions = {}): Finding[] {
  return pkg.validate(text, { strict: true, ...options }) as Finding[];
}

export const complete = optional.complete;
export const hover = optional.hover;
export const toPython = optional.toPython;
