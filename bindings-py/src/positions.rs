//! Where each key of a parsed config was written, kept on the object for `validate()`, with a
//! fingerprint of the config as parsed: once the object changes, the positions are not used.
//! They are kept as one string (`path<TAB>line<TAB>column` lines): one Python object, cheap to
//! build for a fleet, and copied and pickled with the config like any attribute.

use std::collections::HashMap;
use std::fmt::Write;

use gitlab_runner_config::diagnostic::sort_by_position;
use gitlab_runner_config::error::Position;
use gitlab_runner_config::render::fingerprint;
use gitlab_runner_config::{Diagnostic, Source, Table};
use pyo3::prelude::*;

const POSITIONS_ATTRIBUTE: &str = "_toml_positions";

/// The fingerprint of a parsed table and the positions of its source, encoded.
pub struct Remembered(u64, String);

pub fn remembered(source: &Source<'_>, table: &Table) -> Remembered {
    let mut encoded = String::new();
    source.for_each_position(&mut |path, position| {
        // Key paths never hold a tab or a newline unescaped: Display quotes such keys.
        writeln!(encoded, "{path}\t{}\t{}", position.line, position.column).expect("writing to a String");
    });
    Remembered(fingerprint(table), encoded)
}

pub fn remember(config: &Bound<'_, PyAny>, remembered: Remembered) -> PyResult<()> {
    config.getattr("__dict__")?.set_item(POSITIONS_ATTRIBUTE, (remembered.0, remembered.1))
}

fn decode_positions(encoded: &str) -> HashMap<&str, Position> {
    encoded
        .lines()
        .filter_map(|line| {
            let mut parts = line.rsplitn(3, '\t');
            let column = parts.next()?.parse().ok()?;
            let line_number = parts.next()?.parse().ok()?;
            Some((parts.next()?, Position { line: line_number, column }))
        })
        .collect()
}

/// Gives each finding the position of its path (or its nearest enclosing key) when `current`
/// (the config as it is now) still renders as it did when parsed, and puts them in text order.
pub fn place(config: &Bound<'_, PyAny>, current: &Table, diagnostics: &mut [Diagnostic]) -> PyResult<()> {
    let Ok(remembered) = config.getattr(POSITIONS_ATTRIBUTE) else { return Ok(()) };
    let Ok((parsed, encoded)) = remembered.extract::<(u64, String)>() else { return Ok(()) };
    if fingerprint(current) != parsed {
        return Ok(());
    }
    let positions = decode_positions(&encoded);
    for diagnostic in diagnostics.iter_mut() {
        diagnostic.position =
            diagnostic.path.prefixes().find_map(|prefix| positions.get(prefix.to_string().as_str()).copied());
    }
    sort_by_position(diagnostics);
    Ok(())
}
