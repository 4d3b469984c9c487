//! The Python classes the generated module hands over at import, looked up by the Rust side.

use std::collections::HashMap;

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyType};

pub struct Registry {
    /// Schema class name to the Python class.
    pub classes: HashMap<String, Py<PyType>>,
    pub executor: Py<PyType>,
    /// The list and dict types of defaults materialised by reading an unset field.
    pub default_list: Py<PyType>,
    pub default_dict: Py<PyType>,
    pub enum_type: Py<PyType>,
    pub timedelta: Py<PyType>,
    pub datetime: Py<PyType>,
    pub errors: Py<PyModule>,
}

static REGISTRY: PyOnceLock<Registry> = PyOnceLock::new();

pub fn get(py: Python<'_>) -> PyResult<&Registry> {
    REGISTRY
        .get(py)
        .ok_or_else(|| pyo3::exceptions::PyRuntimeError::new_err("wetwire_gitlab.runner_config was not imported"))
}

/// Called once by `wetwire_gitlab.runner_config` at import.
#[pyfunction]
pub fn register(
    py: Python<'_>,
    classes: &Bound<'_, PyDict>,
    executor: Bound<'_, PyType>,
    default_list: Bound<'_, PyType>,
    default_dict: Bound<'_, PyType>,
    errors: Bound<'_, PyModule>,
) -> PyResult<()> {
    let mut map = HashMap::new();
    for (name, class) in classes.iter() {
        map.insert(name.extract::<String>()?, class.cast_into::<PyType>()?.unbind());
    }
    let enum_type = py.import("enum")?.getattr("Enum")?.cast_into::<PyType>()?.unbind();
    let datetime_module = py.import("datetime")?;
    let timedelta = datetime_module.getattr("timedelta")?.cast_into::<PyType>()?.unbind();
    let datetime = datetime_module.getattr("datetime")?.cast_into::<PyType>()?.unbind();
    let registry = Registry {
        classes: map,
        executor: executor.unbind(),
        default_list: default_list.unbind(),
        default_dict: default_dict.unbind(),
        enum_type,
        timedelta,
        datetime,
        errors: errors.unbind(),
    };
    // A second import (importlib.reload) keeps the first registration.
    let _ = REGISTRY.set(py, registry);
    Ok(())
}
