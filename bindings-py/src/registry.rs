//! The Python classes the generated module hands over at import, looked up by the Rust side.
//!
//! Lookups on the hot paths (`to_toml` of a fleet reads tens of thousands of attributes) go by
//! object address: a class to its schema struct, and an attribute name to its field. The field
//! names are interned strings, held here, so the names the generated `__init__` writes into an
//! instance `__dict__` (interned by the compiler) are these very objects.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use gitlab_runner_config::schema::{self, Struct};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyString, PyType};

/// Hashes an object address: addresses are unique and spread, so one multiplication does.
#[derive(Default)]
pub struct AddressHasher(u64);

impl Hasher for AddressHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8 | u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_usize(&mut self, address: usize) {
        // Objects are 16-byte aligned: the low bits say nothing. The high bits of the product
        // are the well-mixed ones.
        self.0 = ((address as u64) >> 4).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(32);
    }
}

/// A map keyed by object address.
pub type ByAddress<V> = HashMap<usize, V, BuildHasherDefault<AddressHasher>>;

/// A generated class and what reading and building its instances needs.
pub struct Class {
    pub schema: &'static Struct,
    pub class: Py<PyType>,
    /// Each field's name as an interned string, by field position.
    pub names: Vec<Py<PyString>>,
    /// Interned field name (address) to field position.
    positions: ByAddress<usize>,
}

impl Class {
    /// The field an attribute name names, when it is the interned name (the usual case).
    pub fn field_of_name(&self, name: &Bound<'_, PyAny>) -> Option<usize> {
        self.positions.get(&(name.as_ptr() as usize)).copied()
    }
}

/// Generated classes registered together, found by class or by struct.
pub struct Classes {
    /// By address of the class object.
    by_type: ByAddress<usize>,
    /// By address of the schema struct.
    by_struct: ByAddress<usize>,
    classes: Vec<Class>,
}

impl Classes {
    /// The classes of a `{class name: class}` dict.
    fn new(py: Python<'_>, classes: &Bound<'_, PyDict>) -> PyResult<Classes> {
        let mut registered = Vec::new();
        for (name, class) in classes.iter() {
            let name = name.extract::<String>()?;
            let schema = schema::structs().iter().copied().find(|s| s.class == name).ok_or_else(|| {
                pyo3::exceptions::PyRuntimeError::new_err(format!("{name} is not a struct of the schema"))
            })?;
            let names: Vec<Py<PyString>> =
                schema.fields.iter().map(|f| PyString::intern(py, f.name).unbind()).collect();
            let positions = names.iter().enumerate().map(|(i, n)| (n.as_ptr() as usize, i)).collect();
            registered.push(Class { schema, class: class.cast_into::<PyType>()?.unbind(), names, positions });
        }
        let by_type = registered.iter().enumerate().map(|(i, c)| (c.class.as_ptr() as usize, i)).collect();
        let by_struct = registered.iter().enumerate().map(|(i, c)| (c.schema as *const Struct as usize, i)).collect();
        Ok(Classes { by_type, by_struct, classes: registered })
    }

    fn of_type(&self, class: *mut pyo3::ffi::PyTypeObject) -> Option<&Class> {
        self.by_type.get(&(class as usize)).map(|&i| &self.classes[i])
    }

    fn of_struct(&self, schema: &'static Struct) -> Option<&Class> {
        self.by_struct.get(&(schema as *const Struct as usize)).map(|&i| &self.classes[i])
    }
}

/// The module that defines (and registers) the classes loaded on first use.
const LAZY_MODULE: &str = "wetwire_gitlab.runner_config._executor_tables";

/// The classes of `LAZY_MODULE`, once it is loaded. Set once, as the package's registry is:
/// lookups on the hot paths take no lock.
static MORE: std::sync::OnceLock<Classes> = std::sync::OnceLock::new();

pub struct Registry {
    /// The classes made at import.
    classes: Classes,
    /// `Executor` members by value, for parsed executors.
    pub executors: HashMap<String, Py<PyAny>>,
    /// `Executor` members (by address) to their values, for writing them: reading an enum
    /// member's `value` runs Python code.
    executor_values: ByAddress<&'static str>,
    /// The list and dict types of defaults materialised by reading an unset field.
    pub default_list: Py<PyType>,
    pub default_dict: Py<PyType>,
    pub enum_type: Py<PyType>,
    /// `object.__new__`, which makes an instance without calling `__init__`.
    pub object_new: Py<PyAny>,
}

impl Registry {
    /// The generated class exactly of this type (not a user's subclass).
    pub fn class_of_type(&self, class: *mut pyo3::ffi::PyTypeObject) -> Option<&Class> {
        self.classes.of_type(class).or_else(|| MORE.get()?.of_type(class))
    }

    /// The value of an `Executor` member.
    pub fn executor_value(&self, member: &Bound<'_, PyAny>) -> Option<&'static str> {
        self.executor_values.get(&(member.as_ptr() as usize)).copied()
    }

    /// The generated class of a schema struct.
    /// The generated class of a schema struct, its module loaded if it was not yet (a parsed
    /// config with a `[runners.kubernetes]` table is the first to name `KubernetesConfig`).
    pub fn class_of_struct(&self, schema: &'static Struct) -> Option<&Class> {
        if let Some(class) = self.classes.of_struct(schema) {
            return Some(class);
        }
        if MORE.get().is_none() {
            // The module registers its classes as it is imported (`register_more`).
            Python::attach(|py| py.import(LAZY_MODULE).map(drop)).ok()?;
        }
        MORE.get()?.of_struct(schema)
    }
}

static REGISTRY: PyOnceLock<Registry> = PyOnceLock::new();

pub fn get(py: Python<'_>) -> PyResult<&Registry> {
    REGISTRY
        .get(py)
        .ok_or_else(|| pyo3::exceptions::PyRuntimeError::new_err("wetwire_gitlab.runner_config was not imported"))
}

/// Registers the classes `wetwire_gitlab.runner_config` makes at import, when this module is
/// loaded: the package loads it on its first call into the engine, not at import.
pub fn register(py: Python<'_>) -> PyResult<()> {
    let tables = py.import("wetwire_gitlab.runner_config._tables")?;
    let base = py.import("wetwire_gitlab.runner_config._base")?;
    let by_name = PyDict::new(py);
    for name in tables.getattr("__all__")?.try_iter()? {
        let name = name?;
        if name.extract::<String>()? != "Executor" {
            by_name.set_item(&name, tables.getattr(name.cast::<PyString>()?)?)?;
        }
    }
    let classes = Classes::new(py, &by_name)?;
    let executor = tables.getattr("Executor")?;
    let default_list = base.getattr("DefaultList")?.cast_into::<PyType>()?;
    let default_dict = base.getattr("DefaultDict")?.cast_into::<PyType>()?;
    let enum_type = py.import("enum")?.getattr("Enum")?.cast_into::<PyType>()?.unbind();
    let mut executors = HashMap::new();
    let mut executor_values = ByAddress::default();
    for member in executor.try_iter()? {
        let member = member?;
        let value = member.getattr("value")?.extract::<String>()?;
        if let Some(known) = schema::EXECUTORS.iter().find(|e| e.value == value) {
            executor_values.insert(member.as_ptr() as usize, known.value);
        }
        executors.insert(value, member.unbind());
    }
    let object_new = py.import("builtins")?.getattr("object")?.getattr("__new__")?.unbind();
    let registry = Registry {
        classes,
        executors,
        executor_values,
        default_list: default_list.unbind(),
        default_dict: default_dict.unbind(),
        enum_type,
        object_new,
    };
    // A second import (importlib.reload) keeps the first registration.
    let _ = REGISTRY.set(py, registry);
    Ok(())
}

/// Called once by `wetwire_gitlab.runner_config._executor_tables` as it is imported, with the
/// classes loaded on first use.
#[pyfunction]
pub fn register_more(py: Python<'_>, classes: &Bound<'_, PyDict>) -> PyResult<()> {
    // A second import (importlib.reload) keeps the first registration.
    let _ = MORE.set(Classes::new(py, classes)?);
    Ok(())
}
