//! Where each key of a parsed config was written, kept on the object for `validate()`, with a
//! fingerprint of the config as parsed: once the object changes, the positions are not used.
//! They are kept as two objects: the key paths, one a line, and their ranges as packed numbers
//! (line, column and byte offset of the key's start and end and of the value's start and end,
//! little-endian u32 each): cheap to build for a fleet (no number is formatted), and copied and
//! pickled with the config like any attribute.

use std::collections::HashMap;
use std::fmt::Write;

use gitlab_runner_config::diagnostic::sort_by_position;
use gitlab_runner_config::error::{Position, Range, Written};
use gitlab_runner_config::render::fingerprint;
use gitlab_runner_config::{Diagnostic, Source, Table};
use pyo3::prelude::*;
use pyo3::types::PyBytes;

const POSITIONS_ATTRIBUTE: &str = "_toml_positions";

/// Numbers packed for each path: three for each of four positions.
const NUMBERS: usize = 12;

/// The fingerprint of a parsed table, its key paths and their ranges, encoded.
pub struct Remembered(u64, String, Vec<u8>);

pub fn remembered(source: &Source<'_>, table: &Table) -> Remembered {
    let (mut paths, mut numbers) = (String::new(), Vec::new());
    source.for_each_position(&mut |path, written| {
        // Key paths never hold a newline unescaped: Display quotes such keys.
        writeln!(paths, "{path}").expect("writing to a String");
        for p in [written.key.start, written.key.end, written.value.start, written.value.end] {
            for n in [p.line, p.column, p.offset] {
                numbers.extend_from_slice(&u32::try_from(n).unwrap_or(u32::MAX).to_le_bytes());
            }
        }
    });
    Remembered(fingerprint(table), paths, numbers)
}

pub fn remember(config: &Bound<'_, PyAny>, remembered: Remembered) -> PyResult<()> {
    let Remembered(parsed, paths, numbers) = remembered;
    let numbers = PyBytes::new(config.py(), &numbers);
    config.getattr("__dict__")?.set_item(POSITIONS_ATTRIBUTE, (parsed, paths, numbers))
}

fn decode_positions<'a>(paths: &'a str, numbers: &[u8]) -> HashMap<&'a str, Written> {
    let records = numbers.chunks_exact(4 * NUMBERS);
    paths
        .lines()
        .zip(records)
        .map(|(path, record)| {
            let n = |i: usize| u32::from_le_bytes(record[4 * i..4 * i + 4].try_into().expect("4 bytes")) as usize;
            let at = |i: usize| Position { line: n(3 * i), column: n(3 * i + 1), offset: n(3 * i + 2) };
            (path, Written { key: Range { start: at(0), end: at(1) }, value: Range { start: at(2), end: at(3) } })
        })
        .collect()
}

/// Gives each finding the position of its path (or its nearest enclosing key) when `current`
/// (the config as it is now) still renders as it did when parsed, and puts them in text order.
pub fn place(config: &Bound<'_, PyAny>, current: &Table, diagnostics: &mut [Diagnostic]) -> PyResult<()> {
    let Ok(remembered) = config.getattr(POSITIONS_ATTRIBUTE) else { return Ok(()) };
    let Ok((parsed, paths, numbers)) = remembered.extract::<(u64, String, Bound<'_, PyBytes>)>() else { return Ok(()) };
    if fingerprint(current) != parsed {
        return Ok(());
    }
    let positions = decode_positions(&paths, numbers.as_bytes());
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
