// Paths and loading shared by the Node suites.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PACKAGE = join(ROOT, 'bindings-wasm', 'pkg');
export const GOLDEN = join(ROOT, 'tests', 'golden');
export const SHARED = join(ROOT, '..', 'shared');
export const CROSS_FACE = join(ROOT, 'target', 'cross-face', 'python.json');

export const golden = (name) => readFileSync(join(GOLDEN, name), 'utf8');

/** The Python face's outputs, or a reason to skip. */
export function pythonOutputs() {
  if (!existsSync(join(SHARED, 'corpus'))) return { skip: `${SHARED} is absent: needs ../shared beside the repository` };
  if (!existsSync(CROSS_FACE)) return { skip: `${CROSS_FACE} is absent: run \`make test\`` };
  return { outputs: JSON.parse(readFileSync(CROSS_FACE, 'utf8')) };
}

/** Installs the packed package into `folder`, as a user's `npm install` would. */
export function installPackage(folder) {
  const tarball = execFileSync('npm', ['pack', PACKAGE, '--pack-destination', folder, '--silent'], { encoding: 'utf8' }).trim();
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: 'scratch', private: true }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', join(folder, tarball)], { cwd: folder });
}
