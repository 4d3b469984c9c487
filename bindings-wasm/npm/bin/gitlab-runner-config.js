#!/usr/bin/env node
// `gitlab-runner-config` on Node: the native binary's command code (Rust, in an engine build
// of its own, node/cli/, which the libraries do not load) over Node's files, environment and
// streams. Only the I/O is here.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const engine = createRequire(import.meta.url)('../node/cli/gitlab_runner_config_wasm.js');

// Reasons worded as Rust words them, so every face prints the same message.
const REASONS = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  EEXIST: 'File exists',
  EROFS: 'Read-only file system',
  ENOSPC: 'No space left on device',
};

/** Runs `action`; a failure is thrown as its reason alone (the command names the file). */
function attempt(action) {
  try {
    return action();
  } catch (error) {
    if (typeof error === 'string') throw error;
    const reason = REASONS[error.code];
    throw reason && typeof error.errno === 'number' ? `${reason} (os error ${-error.errno})` : String(error.message);
  }
}

/**
 * The write policy of cli/src/files.rs: a private temporary file beside the target, written to
 * disk, given the old file's owner and mode, then renamed over it (a new file stays 0600).
 * Through a symlink the file it points to is replaced. The temporary file's name is the one
 * the native writer recognises and removes if a killed write left it behind.
 */
function writeAtomically(file, text) {
  let target = file;
  const link = fs.lstatSync(file, { throwIfNoEntry: false });
  if (link?.isSymbolicLink()) {
    try {
      target = fs.realpathSync(file);
    } catch (error) {
      const reason = REASONS[error.code] ? `${REASONS[error.code]} (os error ${-error.errno})` : error.message;
      throw `${file} is a symlink to nothing (${reason})`;
    }
  } else if (link?.isDirectory()) {
    throw `${file} is a directory`;
  }
  const old = fs.statSync(target, { throwIfNoEntry: false });
  const temporary = path.join(
    path.dirname(target),
    `.${path.basename(target)}.gitlab-runner-config.${process.pid}.${process.hrtime()[1]}.tmp`,
  );
  let descriptor;
  try {
    descriptor = fs.openSync(temporary, 'wx', 0o600);
    fs.writeFileSync(descriptor, text);
    fs.fsyncSync(descriptor);
    if (old) {
      const now = fs.fstatSync(descriptor);
      if (now.uid !== old.uid || now.gid !== old.gid) fs.fchownSync(descriptor, old.uid, old.gid);
      fs.fchmodSync(descriptor, old.mode & 0o7777);
    }
    fs.closeSync(descriptor);
    descriptor = undefined;
    fs.renameSync(temporary, target);
  } catch (error) {
    if (descriptor !== undefined) fs.closeSync(descriptor);
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

const out = [];
const err = [];
const host = {
  read: (file) => attempt(() => fs.readFileSync(file === '-' ? 0 : file)),
  write: (file, text) => attempt(() => writeAtomically(file, text)),
  list: (folder) => attempt(() => fs.readdirSync(folder)),
  mode: (file) => attempt(() => fs.statSync(file).mode & 0o7777),
  env: (name) => process.env[name],
  stdout: (text) => out.push(text),
  stderr: (text) => err.push(text),
};

const status = engine.cliMain(process.argv.slice(2), host);
// A reader that has gone (`schema | head -1`) ends the command the way SIGPIPE ends the binary.
process.stdout.on('error', (error) => process.exit(error.code === 'EPIPE' ? 141 : 2));
process.stderr.write(err.join(''));
process.stdout.write(out.join(''));
process.exitCode = status;
