//! Where each key of a parsed config was written, kept on the object for `validate()`, with a
//! fingerprint of the config as parsed: once the object changes, the positions are not used.

use gitlab_runner_config::diagnostic::sort_by_position;
use gitlab_runner_config::error::Position;
use gitlab_runner_config::path::KeyPath;
use gitlab_runner_config::render::fingerprint;
use gitlab_runner_config::{decode, schema, Diagnostic, Table, UnknownKeys};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::input::PyInput;

const POSITIONS_ATTRIBUTE: &str = "_toml_positions";

pub fn remember(config: &Bound<'_, PyAny>, table: &Table, positions: Vec<(KeyPath, Position)>) -> PyResult<()> {
    let py = config.py();
    let map = PyDict::new(py);
    for (path, position) in positions {
        map.set_item(path.to_string(), (position.line, position.column))?;
    }
    config.getattr("__dict__")?.set_item(POSITIONS_ATTRIBUTE, (fingerprint(table), map))
}

/// Gives each finding the position of its path (or its nearest enclosing key) when the config
/// is still as it was parsed, and puts them in text order.
pub fn place(config: &Bound<'_, PyAny>, input: &PyInput<'_, '_>, diagnostics: &mut [Diagnostic]) -> PyResult<()> {
    let Ok(remembered) = config.getattr(POSITIONS_ATTRIBUTE) else { return Ok(()) };
    let Ok((parsed, map)) = remembered.extract::<(u64, Bound<'_, PyDict>)>() else { return Ok(()) };
    let current = decode(schema::ROOT, input, UnknownKeys::Reject);
    if !current.errors.is_empty() || fingerprint(&current.table) != parsed {
        return Ok(());
    }
    for diagnostic in diagnostics.iter_mut() {
        for prefix in diagnostic.path.prefixes() {
            if let Some(found) = map.get_item(prefix.to_string())? {
                let (line, column) = found.extract::<(usize, usize)>()?;
                diagnostic.position = Some(Position { line, column });
                break;
            }
        }
    }
    sort_by_position(diagnostics);
    Ok(())
}
