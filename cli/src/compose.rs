//! `compose TEMPLATE DIR [--current FILE] [-o FILE]`: a config.toml from a template and a
//! folder of runner snippets, keeping registered runners' tokens (the core's `compose`). The
//! files are read here, for the command and for Python's `compose()` alike.

use gitlab_runner_config::compose::{compose, Composed, File, Problems};
use gitlab_runner_config::escape::quoted;
use gitlab_runner_config::parse::text_from_bytes;
use gitlab_runner_config::Diagnostic;

use crate::args::Args;
use crate::commands::{Failure, FAILURE};
use crate::host::Host;
use crate::report;

pub enum ComposeFailure {
    /// A file or folder writable by group or other: nothing was read.
    Unsafe(String),
    /// A file or folder that cannot be read.
    Unreadable(String),
    /// What is wrong in the files, each problem with its file.
    Problems(Problems),
}

/// Group and other write bits: whoever has them could change what the runners run, or read the
/// tokens the files hold once they are composed.
const WRITABLE_BY_OTHERS: u32 = 0o022;

/// Reads the template, every `*.toml` snippet of `folder` (not hidden ones) and, when it
/// exists, the current file, refusing any of them (or the folder) writable by group or other.
pub fn compose_files(
    host: &mut dyn Host,
    template: &str,
    folder: &str,
    current: Option<&str>,
) -> Result<Composed, ComposeFailure> {
    for path in [template, folder] {
        private(host, path)?;
    }
    let mut names: Vec<String> = host
        .list(folder)
        .map_err(|e| ComposeFailure::Unreadable(format!("{folder}: {e}")))?
        .into_iter()
        .filter(|name| name.ends_with(".toml") && !name.starts_with('.'))
        .collect();
    names.sort();
    let paths: Vec<String> = names.iter().map(|name| format!("{}/{name}", folder.trim_end_matches('/'))).collect();
    let mut texts = Vec::new();
    for path in std::iter::once(template).chain(paths.iter().map(String::as_str)) {
        private(host, path)?;
        texts.push((path, read_text(host, path)?));
    }
    // The current file does not exist before the first composition.
    let current = match current {
        Some(path) if host.mode(path).is_ok() => Some((path, read_text(host, path)?)),
        _ => None,
    };
    let files: Vec<File> = texts.iter().map(|(name, text)| File { name, text }).collect();
    let current_file = current.as_ref().map(|(name, text)| File { name, text });
    compose(&files[0], &files[1..], current_file.as_ref()).map_err(ComposeFailure::Problems)
}

fn private(host: &mut dyn Host, path: &str) -> Result<(), ComposeFailure> {
    let mode = host.mode(path).map_err(|e| ComposeFailure::Unreadable(format!("{path}: {e}")))?;
    if mode & WRITABLE_BY_OTHERS != 0 {
        return Err(ComposeFailure::Unsafe(format!(
            "{path} is writable by group or other (mode {mode:o}); it holds secrets: run `chmod go-w {path}`"
        )));
    }
    Ok(())
}

fn read_text(host: &mut dyn Host, path: &str) -> Result<String, ComposeFailure> {
    let bytes = host.read(path).map_err(|e| ComposeFailure::Unreadable(format!("{path}: {e}")))?;
    text_from_bytes(&bytes)
        .map(str::to_owned)
        .map_err(|errors| ComposeFailure::Problems(errors.into_iter().map(|e| (path.to_owned(), e)).collect()))
}

pub fn command(host: &mut dyn Host, arguments: &[String]) -> Result<u8, Failure> {
    let args = Args::parse(arguments, &[], &["--current", "-o"])?;
    let [template, folder] = args.files.as_slice() else {
        return Err(Failure::Usage("compose takes a TEMPLATE and a snippet DIR".into()));
    };
    let composed = match compose_files(host, template, folder, args.value("--current")) {
        Ok(composed) => composed,
        Err(ComposeFailure::Unsafe(message) | ComposeFailure::Unreadable(message)) => {
            return Err(Failure::Other(message))
        }
        Err(ComposeFailure::Problems(problems)) => {
            for (file, error) in problems {
                host.stderr(&format!("{}\n", report::line(&file, &Diagnostic::from(error))));
            }
            return Ok(FAILURE);
        }
    };
    for name in &composed.removed {
        host.stderr(&format!("removed runner {}: no snippet configures it any more\n", quoted(name)));
    }
    for name in &composed.unregistered {
        host.stderr(&format!("runner {} has no token: it needs registering\n", quoted(name)));
    }
    match args.value("-o") {
        Some(path) => host.write(path, &composed.text).map_err(|e| Failure::Other(format!("{path}: {e}")))?,
        None => host.stdout(&composed.text),
    }
    Ok(0)
}
