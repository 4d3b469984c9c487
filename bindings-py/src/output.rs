//! Typed tables back to Python: instances of the generated classes, or dicts in the TOML shape.

use gitlab_runner_config::document::{Table, Value};
use gitlab_runner_config::schema::Field;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyType};

use crate::input::KEPT_ATTRIBUTE;
use crate::registry::Registry;

/// An instance of the table's class with exactly the table's keys set. It is built without
/// calling `__init__`, so a parsed runner without `url` or `token` is fine.
pub fn to_object<'py>(py: Python<'py>, registry: &Registry, table: &Table) -> PyResult<Bound<'py, PyAny>> {
    let schema = table.schema();
    let class = registry.class_of_struct(schema).ok_or_else(|| {
        pyo3::exceptions::PyRuntimeError::new_err(format!("no Python class registered for {}", schema.class))
    })?;
    build_object(py, registry, table, class.class.bind(py))
}

/// As `to_object`, with the top table an instance of `class` (a subclass the user defined).
/// Python's cyclic garbage collector is paused meanwhile: the objects are new and hold no
/// cycle, and a fleet's tens of thousands of them would otherwise set off collections that
/// walk every object alive, again and again (a tenth of `from_toml`'s time at 1,000 runners).
pub fn to_root_object<'py>(
    py: Python<'py>,
    registry: &Registry,
    table: &Table,
    class: &Bound<'py, PyType>,
) -> PyResult<Bound<'py, PyAny>> {
    let gc = py.import(pyo3::intern!(py, "gc"))?;
    let was_enabled = gc.call_method0(pyo3::intern!(py, "isenabled"))?.is_truthy()?;
    if was_enabled {
        gc.call_method0(pyo3::intern!(py, "disable"))?;
    }
    let object = build_object(py, registry, table, class);
    if was_enabled {
        gc.call_method0(pyo3::intern!(py, "enable"))?;
    }
    object
}

fn build_object<'py>(
    py: Python<'py>,
    registry: &Registry,
    table: &Table,
    class: &Bound<'py, PyType>,
) -> PyResult<Bound<'py, PyAny>> {
    let object = registry.object_new.bind(py).call1((class,))?;
    let attributes = object.getattr(pyo3::intern!(py, "__dict__"))?;
    let attributes = attributes.cast::<PyDict>()?;
    // The field names as interned once: the same str objects the generated code uses.
    let names = registry.class_of_struct(table.schema()).map(|c| &c.names);
    let first = table.schema().fields.as_ptr() as usize;
    for (field, value) in table.fields() {
        let value = field_to_python(py, registry, field, value)?;
        let position = (field as *const Field as usize - first) / std::mem::size_of::<Field>();
        match names.and_then(|names| names.get(position)) {
            Some(name) => attributes.set_item(name.bind(py), value)?,
            None => attributes.set_item(PyString::intern(py, field.name), value)?,
        }
    }
    if !table.unknown().is_empty() {
        let kept = PyDict::new(py);
        for (key, value) in table.unknown() {
            kept.set_item(key, plain(py, value, &|t| to_dict(py, t))?)?;
        }
        attributes.set_item(KEPT_ATTRIBUTE, kept)?;
    }
    Ok(object)
}

fn field_to_python<'py>(
    py: Python<'py>,
    registry: &Registry,
    field: &Field,
    value: &Value,
) -> PyResult<Bound<'py, PyAny>> {
    match value {
        Value::Table(table) => to_object(py, registry, table),
        Value::Tables(tables) => {
            let items = tables.iter().map(|t| to_object(py, registry, t)).collect::<PyResult<Vec<_>>>()?;
            Ok(PyList::new(py, items)?.into_any())
        }
        Value::String(s) if field.enumeration.is_some() => {
            // Known executor names come back as Executor members, others as the string written.
            Ok(match registry.executors.get(s) {
                Some(member) => member.bind(py).clone(),
                None => PyString::new(py, s).into_any(),
            })
        }
        other => plain(py, other, &|t| to_object(py, registry, t)),
    }
}

/// A dict in the TOML shape: keys as gitlab-runner spells them, only the keys set.
pub fn to_dict<'py>(py: Python<'py>, table: &Table) -> PyResult<Bound<'py, PyAny>> {
    let dict = PyDict::new(py);
    for (field, value) in table.fields() {
        dict.set_item(field.key, plain(py, value, &|t| to_dict(py, t))?)?;
    }
    for (key, value) in table.unknown() {
        dict.set_item(key, plain(py, value, &|t| to_dict(py, t))?)?;
    }
    Ok(dict.into_any())
}

/// Scalars, arrays and maps as Python values; sub-tables through `table`.
fn plain<'py>(
    py: Python<'py>,
    value: &Value,
    table: &dyn Fn(&Table) -> PyResult<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Integer(n) => n.into_pyobject(py)?.into_any(),
        Value::Float(x) => x.into_pyobject(py)?.into_any(),
        Value::Boolean(b) => b.into_pyobject(py)?.to_owned().into_any(),
        Value::Datetime(d) => PyString::new(py, &d.to_string()).into_any(),
        Value::Array(items) => {
            let items = items.iter().map(|v| plain(py, v, table)).collect::<PyResult<Vec<_>>>()?;
            PyList::new(py, items)?.into_any()
        }
        Value::Table(t) => table(t)?,
        Value::Tables(ts) => {
            let items = ts.iter().map(table).collect::<PyResult<Vec<_>>>()?;
            PyList::new(py, items)?.into_any()
        }
        Value::Map(entries) => {
            let dict = PyDict::new(py);
            for (k, v) in entries {
                dict.set_item(k, plain(py, v, table)?)?;
            }
            dict.into_any()
        }
    })
}
