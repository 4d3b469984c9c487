//! Where each key of a parsed config was written, kept on the object for `validate()`, with a
//! fingerprint of the config as parsed: once the object changes, the positions are not used.
//! They are kept as one string (lines of the path, then line, column and byte offset of the
//! key's start and end and of the value's start and end, tab-separated): one Python object,
//! cheap to build for a fleet, and copied and pickled with the config like any attribute.

use std::collections::HashMap;
use std::fmt::Write;

use gitlab_runner_config::diagnostic::sort_by_position;
use gitlab_runner_config::error::{Position, Range, Written};
use gitlab_runner_config::render::fingerprint;
use gitlab_runner_config::{Diagnostic, Source, Table};
use pyo3::prelude::*;

const POSITIONS_ATTRIBUTE: &str = "_toml_positions";

/// The fingerprint of a parsed table and the positions of its source, encoded.
pub struct Remembered(u64, String);

pub fn remembered(source: &Source<'_>, table: &Table) -> Remembered {
    let mut encoded = String::new();
    source.for_each_position(&mut |path, written| {
        // Key paths never hold a tab or a newline unescaped: Display quotes such keys.
        write!(encoded, "{path}").expect("writing to a String");
        for p in [written.key.start, written.key.end, written.value.start, written.value.end] {
            write!(encoded, "\t{}\t{}\t{}", p.line, p.column, p.offset).expect("writing to a String");
        }
        encoded.push('\n');
    });
    Remembered(fingerprint(table), encoded)
}

pub fn remember(config: &Bound<'_, PyAny>, remembered: Remembered) -> PyResult<()> {
    config.getattr("__dict__")?.set_item(POSITIONS_ATTRIBUTE, (remembered.0, remembered.1))
}

fn decode_positions(encoded: &str) -> HashMap<&str, Written> {
    encoded
        .lines()
        .filter_map(|line| {
            let mut parts = line.split('\t');
            let path = parts.next()?;
            let mut numbers = parts.map(|n| n.parse::<usize>().ok());
            let mut position =
                || Some(Position { line: numbers.next()??, column: numbers.next()??, offset: numbers.next()?? });
            let key = Range { start: position()?, end: position()? };
            let value = Range { start: position()?, end: position()? };
            Some((path, Written { key, value }))
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
        let own = diagnostic.path.to_string();
        let found = diagnostic.path.prefixes().find_map(|prefix| {
            let prefix = prefix.to_string();
            positions.get(prefix.as_str()).map(|written| (*written, prefix == own))
        });
        if let Some((written, exact)) = found {
            diagnostic.place(written, exact);
        }
    }
    sort_by_position(diagnostics);
    Ok(())
}
