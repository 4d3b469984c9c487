//! Typed tables back to Python: instances of the generated classes, or dicts in the TOML shape.

use gitlab_runner_config::document::{Datetime, Table, Value};
use gitlab_runner_config::schema::Field;
use gitlab_runner_config::visit::{self, Entries, Items, Key, Node, Visitor};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyType};

use crate::input::KEPT_ATTRIBUTE;
use crate::registry::Registry;

/// An instance of `class` (a subclass the user defined, or the table's own) with exactly the
/// table's keys set, and so each table below it. Instances are built without calling
/// `__init__`, so a parsed runner without `url` or `token` is fine. Python's cyclic garbage
/// collector is paused meanwhile: the objects are new and hold no cycle, and a fleet's tens of
/// thousands of them would otherwise set off collections that walk every object alive, again
/// and again (a tenth of `from_toml`'s time at 1,000 runners). The collector's own state and
/// the program's other objects are left as they were: it runs again however the walk ends.
pub fn to_root_object<'py>(
    py: Python<'py>,
    registry: &Registry,
    table: &Table,
    class: &Bound<'py, PyType>,
) -> PyResult<Bound<'py, PyAny>> {
    let _paused = CollectorPaused::new(py)?;
    visit::walk(table, &mut Builder { py, registry: Some(registry), root: Some(class.clone()) })
}

/// Pauses the collector if it runs, and lets it run again when dropped (after an error or a
/// panic too: a collector left off would grow every program that parses a config).
struct CollectorPaused<'py> {
    gc: Option<Bound<'py, PyModule>>,
}

impl<'py> CollectorPaused<'py> {
    fn new(py: Python<'py>) -> PyResult<CollectorPaused<'py>> {
        let gc = py.import(pyo3::intern!(py, "gc"))?;
        if !gc.call_method0(pyo3::intern!(py, "isenabled"))?.is_truthy()? {
            return Ok(CollectorPaused { gc: None });
        }
        gc.call_method0(pyo3::intern!(py, "disable"))?;
        Ok(CollectorPaused { gc: Some(gc) })
    }
}

impl Drop for CollectorPaused<'_> {
    fn drop(&mut self) {
        if let Some(gc) = &self.gc {
            // `gc.enable()` takes no argument and cannot fail; there is no caller to tell anyway.
            let _ = gc.call_method0(pyo3::intern!(gc.py(), "enable"));
        }
    }
}

/// A dict in the TOML shape: keys as gitlab-runner spells them, only the keys set.
pub fn to_dict<'py>(py: Python<'py>, table: &Table) -> PyResult<Bound<'py, PyAny>> {
    visit::walk(table, &mut Builder { py, registry: None, root: None })
}

/// Python values: schema tables as instances of their classes when there is a registry, else
/// (and free-form tables always) as dicts.
struct Builder<'a, 'py> {
    py: Python<'py>,
    registry: Option<&'a Registry>,
    /// The class of the top table, taken by the first table built.
    root: Option<Bound<'py, PyType>>,
}

impl<'py> Builder<'_, 'py> {
    fn object(&mut self, registry: &Registry, table: &Table, entries: Entries<'_>) -> PyResult<Bound<'py, PyAny>> {
        let py = self.py;
        let schema = table.schema();
        let class = match self.root.take() {
            Some(class) => class,
            None => match registry.class_of_struct(schema) {
                Some(class) => class.class.bind(py).clone(),
                None => {
                    let message = format!("no Python class registered for {}", schema.class);
                    return Err(pyo3::exceptions::PyRuntimeError::new_err(message));
                }
            },
        };
        let object = registry.object_new.bind(py).call1((class,))?;
        let attributes = object.getattr(pyo3::intern!(py, "__dict__"))?;
        let attributes = attributes.cast::<PyDict>()?;
        // The field names as interned once: the same str objects the generated code uses.
        let names = registry.class_of_struct(schema).map(|c| &c.names);
        let first = schema.fields.as_ptr() as usize;
        let mut kept: Option<Bound<'py, PyDict>> = None;
        for (key, node) in entries {
            match key {
                Key::Field(field) => {
                    let value = match node {
                        // Known executor names come back as Executor members, others as written.
                        Node::Value(Value::String(name)) if field.enumeration.is_some() => {
                            match registry.executors.get(name) {
                                Some(member) => member.bind(py).clone(),
                                None => PyString::new(py, name).into_any(),
                            }
                        }
                        _ => node.walk(self)?,
                    };
                    let position = (field as *const Field as usize - first) / std::mem::size_of::<Field>();
                    match names.and_then(|names| names.get(position)) {
                        Some(name) => attributes.set_item(name.bind(py), value)?,
                        None => attributes.set_item(PyString::intern(py, field.name), value)?,
                    }
                }
                Key::Other(key) => {
                    let value = node.walk(self)?;
                    kept.get_or_insert_with(|| PyDict::new(py)).set_item(key, value)?;
                }
            }
        }
        if let Some(kept) = kept {
            attributes.set_item(KEPT_ATTRIBUTE, kept)?;
        }
        Ok(object)
    }
}

impl<'py> Visitor<'_> for Builder<'_, 'py> {
    type Out = Bound<'py, PyAny>;
    type Error = PyErr;

    fn string(&mut self, text: &str) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyString::new(self.py, text).into_any())
    }

    fn integer(&mut self, n: i64) -> PyResult<Bound<'py, PyAny>> {
        Ok(n.into_pyobject(self.py)?.into_any())
    }

    fn float(&mut self, x: f64) -> PyResult<Bound<'py, PyAny>> {
        Ok(x.into_pyobject(self.py)?.into_any())
    }

    fn boolean(&mut self, b: bool) -> PyResult<Bound<'py, PyAny>> {
        Ok(b.into_pyobject(self.py)?.to_owned().into_any())
    }

    fn datetime(&mut self, datetime: &Datetime) -> PyResult<Bound<'py, PyAny>> {
        self.string(&datetime.to_string())
    }

    fn array(&mut self, items: Items<'_>) -> PyResult<Bound<'py, PyAny>> {
        let items = items.map(|item| item.walk(self)).collect::<PyResult<Vec<_>>>()?;
        Ok(PyList::new(self.py, items)?.into_any())
    }

    fn table(&mut self, entries: Entries<'_>) -> PyResult<Bound<'py, PyAny>> {
        if let (Some(registry), Some(table)) = (self.registry, entries.table) {
            return self.object(registry, table, entries);
        }
        let dict = PyDict::new(self.py);
        for (key, node) in entries {
            dict.set_item(key.as_str(), node.walk(self)?)?;
        }
        Ok(dict.into_any())
    }
}
