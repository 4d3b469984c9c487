//! `wetwire_gitlab._native`: the Rust engine behind `wetwire_gitlab.runner_config`.
//! It holds no logic of its own: it reads Python objects through the core's `Input` trait,
//! hands back the core's documents as Python objects, and turns core errors into exceptions.

mod errors;
mod input;
mod output;
mod registry;

use gitlab_runner_config::schema::Struct;
use gitlab_runner_config::{decode_struct, parse, render, UnknownKeys};
use pyo3::prelude::*;

use input::{PyInput, STRUCT_ATTRIBUTE};

/// The schema struct of a generated class's instance.
fn struct_of(object: &Bound<'_, PyAny>) -> PyResult<&'static Struct> {
    let name: String = object.get_type().getattr(STRUCT_ATTRIBUTE)?.extract()?;
    gitlab_runner_config::schema::structs()
        .iter()
        .copied()
        .find(|s| s.class == name)
        .ok_or_else(|| pyo3::exceptions::PyTypeError::new_err(format!("{name} is not a config table")))
}

fn decode(object: &Bound<'_, PyAny>) -> PyResult<gitlab_runner_config::Table> {
    let py = object.py();
    let registry = registry::get(py)?;
    let schema = struct_of(object)?;
    decode_struct(schema, &PyInput::new(object.clone(), registry), UnknownKeys::Reject)
        .map_err(|errors| errors::config_error(py, registry, errors))
}

/// config.toml text for a `Config` (or any table, rendered as if it were the root).
#[pyfunction]
fn to_toml(object: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(render(&decode(object)?))
}

/// The set fields of a table, in the TOML shape.
#[pyfunction]
fn to_dict<'py>(object: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    output::to_dict(object.py(), &decode(object)?)
}

/// A `Config` from config.toml text.
#[pyfunction]
#[pyo3(signature = (text, strict = true))]
fn from_toml<'py>(py: Python<'py>, text: &str, strict: bool) -> PyResult<Bound<'py, PyAny>> {
    let registry = registry::get(py)?;
    let unknown = if strict { UnknownKeys::Reject } else { UnknownKeys::Keep };
    let table = py.detach(|| parse(text, unknown)).map_err(|errors| errors::parse_error(py, registry, errors))?;
    output::to_object(py, registry, &table)
}

#[pymodule]
fn _native(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(registry::register, module)?)?;
    module.add_function(wrap_pyfunction!(to_toml, module)?)?;
    module.add_function(wrap_pyfunction!(to_dict, module)?)?;
    module.add_function(wrap_pyfunction!(from_toml, module)?)?;
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
