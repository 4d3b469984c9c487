//! Core errors as the Python package's exceptions, each carrying the key path.

use gitlab_runner_config::error::Range;
use gitlab_runner_config::{Error, ErrorKind, Errors};
use pyo3::prelude::*;
use pyo3::types::PyList;

/// Errors from checking Python objects: `ConfigTypeError` (a `TypeError`) when the first
/// problem is a wrong type or an unknown field, else `ConfigValueError` (a `ValueError`).
pub fn config_error(py: Python<'_>, errors: Vec<Error>) -> PyErr {
    let class = match errors.first().map(|e| e.kind) {
        Some(ErrorKind::Value | ErrorKind::DuplicateKey) => "ConfigValueError",
        _ => "ConfigTypeError",
    };
    raise(py, class, errors)
}

/// Errors from parsing text: always `TomlParseError` (a `ValueError`).
pub fn parse_error(py: Python<'_>, errors: Vec<Error>) -> PyErr {
    raise(py, "TomlParseError", errors)
}

fn raise(py: Python<'_>, class: &str, errors: Vec<Error>) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let details = PyList::empty(py);
        for error in &errors {
            let [line, column, end_line, end_column] = range_numbers(error.range);
            let place = (line, column, end_line, end_column);
            details.append((
                error.path.to_string(),
                error.message.as_str(),
                place.0,
                place.1,
                place.2,
                place.3,
                error.suggestion,
            ))?;
        }
        let message = Errors(&errors).to_string();
        let errors = py.import("wetwire_gitlab.runner_config.errors")?;
        let exception = errors.getattr(class)?.call1((message, details))?;
        Ok(PyErr::from_value(exception))
    };
    build().unwrap_or_else(|e| e)
}

/// Line, column, end line and end column (columns in characters, as Python indexes strings).
pub fn range_numbers(range: Option<Range>) -> [Option<usize>; 4] {
    match range {
        Some(Range { start, end }) => [Some(start.line), Some(start.column), Some(end.line), Some(end.column)],
        None => [None; 4],
    }
}
