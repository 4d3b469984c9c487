//! `wetwire_gitlab._native`: the Rust engine behind `wetwire_gitlab.runner_config`.
//! It holds no logic of its own: it reads Python objects through the core's `Input` trait,
//! hands back the core's documents as Python objects, and turns core errors into exceptions.

mod errors;
mod input;
mod output;
mod registry;

use gitlab_runner_config::schema::Struct;
use gitlab_runner_config::validate::locate;
use gitlab_runner_config::{decode_struct, render, validate_input, Diagnostic, Source, UnknownKeys};
use pyo3::prelude::*;
use pyo3::types::PyList;

use input::{PyInput, SOURCE_ATTRIBUTE, STRUCT_ATTRIBUTE};

/// The schema struct of a generated class's instance.
fn struct_of(object: &Bound<'_, PyAny>) -> PyResult<&'static Struct> {
    let name: String = object.get_type().getattr(STRUCT_ATTRIBUTE)?.extract()?;
    gitlab_runner_config::schema::structs()
        .iter()
        .copied()
        .find(|s| s.class == name)
        .ok_or_else(|| pyo3::exceptions::PyTypeError::new_err(format!("{name} is not a config table")))
}

fn decode_object(object: &Bound<'_, PyAny>) -> PyResult<gitlab_runner_config::Table> {
    let py = object.py();
    let registry = registry::get(py)?;
    let schema = struct_of(object)?;
    decode_struct(schema, &PyInput::new(object.clone(), registry), UnknownKeys::Reject)
        .map_err(|errors| errors::config_error(py, registry, errors))
}

/// config.toml text for a `Config` (or any table, rendered as if it were the root).
#[pyfunction]
fn to_toml(object: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(render(&decode_object(object)?))
}

/// The set fields of a table, in the TOML shape.
#[pyfunction]
fn to_dict<'py>(object: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    output::to_dict(object.py(), &decode_object(object)?)
}

/// A `Config` from config.toml text. The text is kept on the object so that `validate()` can
/// say where in it each finding is.
#[pyfunction]
#[pyo3(signature = (text, strict = true))]
fn from_toml<'py>(py: Python<'py>, text: &str, strict: bool) -> PyResult<Bound<'py, PyAny>> {
    let registry = registry::get(py)?;
    let unknown = if strict { UnknownKeys::Reject } else { UnknownKeys::Keep };
    let table = py
        .detach(|| gitlab_runner_config::parse(text, unknown))
        .map_err(|errors| errors::parse_error(py, registry, errors))?;
    let config = output::to_object(py, registry, &table)?;
    config.getattr("__dict__")?.set_item(SOURCE_ATTRIBUTE, text)?;
    Ok(config)
}

/// Every finding about a config: wrong types and unknown fields, then the semantic checks,
/// as (severity, code, path, message, line, column) tuples; positions come from the text the
/// object was parsed from, if it was.
#[pyfunction]
fn validate<'py>(object: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    let py = object.py();
    let registry = registry::get(py)?;
    let mut diagnostics = validate_input(&PyInput::new(object.clone(), registry), UnknownKeys::Reject);
    let text: Option<String> = object.getattr(SOURCE_ATTRIBUTE).ok().and_then(|s| s.extract().ok());
    if let Some(source) = text.as_deref().and_then(|text| Source::parse(text).ok()) {
        locate(&mut diagnostics, &source);
    }
    diagnostic_tuples(py, diagnostics)
}

/// Every finding about config.toml text, each with its line and column.
#[pyfunction]
#[pyo3(signature = (text, strict = true))]
fn lint<'py>(py: Python<'py>, text: &str, strict: bool) -> PyResult<Bound<'py, PyList>> {
    let unknown = if strict { UnknownKeys::Reject } else { UnknownKeys::Keep };
    let diagnostics = py.detach(|| gitlab_runner_config::lint(text, unknown));
    diagnostic_tuples(py, diagnostics)
}

fn diagnostic_tuples(py: Python<'_>, diagnostics: Vec<Diagnostic>) -> PyResult<Bound<'_, PyList>> {
    let items = diagnostics.into_iter().map(|d| {
        let (line, column) = d.position.map_or((None, None), |p| (Some(p.line), Some(p.column)));
        (d.severity.as_str(), d.code, d.path.to_string(), d.message, line, column)
    });
    PyList::new(py, items.collect::<Vec<_>>())
}

#[pymodule]
fn _native(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(registry::register, module)?)?;
    module.add_function(wrap_pyfunction!(to_toml, module)?)?;
    module.add_function(wrap_pyfunction!(to_dict, module)?)?;
    module.add_function(wrap_pyfunction!(from_toml, module)?)?;
    module.add_function(wrap_pyfunction!(validate, module)?)?;
    module.add_function(wrap_pyfunction!(lint, module)?)?;
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
