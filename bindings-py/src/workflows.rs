//! The field workflows for Python: runner fragments, `${VAR}` placeholders filled in from the
//! environment, a config composed from a template and snippets. The logic is the core's (and,
//! for reading and checking files, the command line's); this module only converts.

use gitlab_runner_config::docker_auth::DockerAuth;
use gitlab_runner_config::expand::expand_env as expand_table;
use gitlab_runner_config::schema::{self, Struct};
use gitlab_runner_config::{decode, decode_struct, Source, UnknownKeys};
use gitlab_runner_config_cli::compose::{compose_files, ComposeFailure};
use gitlab_runner_config_cli::NativeHost;
use pyo3::prelude::*;
use pyo3::types::{PyMapping, PyType};

use crate::input::{PyInput, Tables, STRUCT_ATTRIBUTE};
use crate::{errors, kept_keys, output, registry};

/// The schema struct of a generated class.
fn struct_of_class(class: &Bound<'_, PyType>) -> PyResult<&'static Struct> {
    let name: String = class.getattr(STRUCT_ATTRIBUTE)?.extract()?;
    schema::structs()
        .iter()
        .copied()
        .find(|s| s.class == name)
        .ok_or_else(|| pyo3::exceptions::PyTypeError::new_err(format!("{name} is not a config table")))
}

/// An instance of `class` (any table, such as `Runner`) from a dict in the TOML shape, and the
/// unknown keys kept (lenient mode).
#[pyfunction]
#[pyo3(signature = (class, data, strict = true))]
fn table_from_dict<'py>(
    class: &Bound<'py, PyType>,
    data: &Bound<'py, PyAny>,
    strict: bool,
) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyAny>)> {
    let py = class.py();
    let registry = registry::get(py)?;
    let decoded = decode(
        struct_of_class(class)?,
        &PyInput::new(data.clone(), registry, Tables::Dicts),
        UnknownKeys::from_strict(strict),
    );
    if !decoded.errors.is_empty() {
        return Err(errors::config_error(py, decoded.errors));
    }
    let object = output::to_root_object(py, registry, &decoded.table, class)?;
    Ok((object, kept_keys(py, &decoded.warnings)?.into_any()))
}

/// An instance of `class` (any table, such as `Runner`) from TOML text holding that table
/// alone (`url = ...`, `[docker]` ...), and the unknown keys kept (lenient mode).
#[pyfunction]
#[pyo3(signature = (class, text, strict = true))]
fn table_from_toml<'py>(
    class: &Bound<'py, PyType>,
    text: &str,
    strict: bool,
) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyAny>)> {
    let py = class.py();
    let registry = registry::get(py)?;
    let table = struct_of_class(class)?;
    let decoded = py
        .detach(|| Source::parse(text).map(|source| source.decode_as(table, UnknownKeys::from_strict(strict))))
        .map_err(|errors| errors::parse_error(py, errors))?;
    if !decoded.errors.is_empty() {
        return Err(errors::parse_error(py, decoded.errors));
    }
    let object = output::to_root_object(py, registry, &decoded.table, class)?;
    Ok((object, kept_keys(py, &decoded.warnings)?.into_any()))
}

/// A copy of a table object with `${VAR}` in its strings replaced from `environment` (a
/// mapping such as `os.environ`); `$$` is a literal `$`. A variable that is not set is a
/// `ConfigValueError` naming it and the key path.
#[pyfunction]
fn expand_env<'py>(object: &Bound<'py, PyAny>, environment: &Bound<'py, PyMapping>) -> PyResult<Bound<'py, PyAny>> {
    let py = object.py();
    let registry = registry::get(py)?;
    let schema = struct_of_class(&object.get_type())?;
    let table = decode_struct(schema, &PyInput::new(object.clone(), registry, Tables::Objects), UnknownKeys::Keep)
        .map_err(|errors| errors::config_error(py, errors))?;
    let mut lookup = |name: &str| environment.get_item(name).ok().and_then(|value| value.extract::<String>().ok());
    let expanded = expand_table(&table, &mut lookup).map_err(|errors| errors::config_error(py, errors))?;
    output::to_root_object(py, registry, &expanded, &object.get_type())
}

/// The command line's `compose` over this process's files: (text, removed, unregistered).
/// A file or folder writable by group or other is a `PermissionError`, one that cannot be read
/// an `OSError`, problems in the files a `TomlParseError` naming each file.
#[pyfunction]
#[pyo3(signature = (template, snippets, current = None))]
fn compose(
    py: Python<'_>,
    template: &str,
    snippets: &str,
    current: Option<&str>,
) -> PyResult<(String, Vec<String>, Vec<String>)> {
    match py.detach(|| compose_files(&mut NativeHost, template, snippets, current)) {
        Ok(composed) => Ok((composed.text, composed.removed, composed.unregistered)),
        Err(ComposeFailure::Unsafe(message)) => Err(pyo3::exceptions::PyPermissionError::new_err(message)),
        Err(ComposeFailure::Unreadable(message)) => Err(pyo3::exceptions::PyOSError::new_err(message)),
        Err(ComposeFailure::Problems(problems)) => {
            let errors = problems
                .into_iter()
                .map(|(file, mut error)| {
                    error.message = format!("{} (in {file})", error.message);
                    error
                })
                .collect();
            Err(errors::parse_error(py, errors))
        }
    }
}

/// The JSON value of `DOCKER_AUTH_CONFIG`: a registry's username and password, a credential
/// helper for a registry, or a credentials store for all. Wrong arguments are a `ValueError`.
#[pyfunction]
#[pyo3(signature = (registry = None, username = None, password = None, cred_helper = None, creds_store = None))]
fn docker_auth_config(
    registry: Option<&str>,
    username: Option<&str>,
    password: Option<&str>,
    cred_helper: Option<&str>,
    creds_store: Option<&str>,
) -> PyResult<String> {
    let auth = match (registry, username, password, cred_helper, creds_store) {
        (Some(registry), Some(username), Some(password), None, None) => {
            DockerAuth::Password { registry, username, password }
        }
        (Some(registry), None, None, Some(helper), None) => DockerAuth::Helper { registry, helper },
        (None, None, None, None, Some(store)) => DockerAuth::Store { store },
        _ => {
            return Err(pyo3::exceptions::PyValueError::new_err(
                "give registry with username and password, or registry with cred_helper, or creds_store alone",
            ))
        }
    };
    gitlab_runner_config::docker_auth::docker_auth_config(&auth).map_err(pyo3::exceptions::PyValueError::new_err)
}

pub fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(docker_auth_config, module)?)?;
    module.add_function(wrap_pyfunction!(compose, module)?)?;
    module.add_function(wrap_pyfunction!(table_from_dict, module)?)?;
    module.add_function(wrap_pyfunction!(table_from_toml, module)?)?;
    module.add_function(wrap_pyfunction!(expand_env, module)?)
}
