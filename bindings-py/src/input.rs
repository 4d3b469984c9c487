//! Python objects as decoder input: instances of the generated classes, read by field name,
//! or (for `from_dict`) dicts in the TOML shape, read by TOML key.

use std::borrow::Cow;

use gitlab_runner_config::document::{parse_datetime, Datetime};
use gitlab_runner_config::duration;
use gitlab_runner_config::input::{only_fields, Duration, Entry, Input, Integer, Member, NotATable};
use gitlab_runner_config::schema::Struct;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};

use crate::registry::{Class, Registry};

extern "C" {
    // In the limited API from 3.10 on, and exported by every CPython 3 (pyo3 leaves it out of
    // its abi3-py39 bindings). pyo3's fallback copies every string through a new bytes
    // object; this returns the string's own UTF-8 (kept by the string), no copy.
    fn PyUnicode_AsUTF8AndSize(unicode: *mut pyo3::ffi::PyObject, size: *mut pyo3::ffi::Py_ssize_t) -> *const u8;
}

/// A `str`'s text, borrowed from the string; `None` when it is not valid Unicode (a lone
/// surrogate), with Python's error cleared.
fn str_text<'s>(string: &'s Bound<'_, PyString>) -> Option<&'s str> {
    let mut size: pyo3::ffi::Py_ssize_t = 0;
    // SAFETY: `string` is a str; the UTF-8 buffer lives as long as the string, which `'s`
    // borrows, and CPython guarantees it is valid UTF-8.
    unsafe {
        let data = PyUnicode_AsUTF8AndSize(string.as_ptr(), &mut size);
        if data.is_null() {
            drop(PyErr::take(string.py()));
            return None;
        }
        Some(std::str::from_utf8_unchecked(std::slice::from_raw_parts(data, size as usize)))
    }
}

extern "C" {
    // In the stable ABI and exported by every CPython 3: the instance `__dict__` without the
    // attribute lookup through the type that `getattr(object, "__dict__")` makes.
    fn PyObject_GenericGetDict(
        object: *mut pyo3::ffi::PyObject,
        context: *mut std::ffi::c_void,
    ) -> *mut pyo3::ffi::PyObject;
}

/// An object's instance `__dict__`; `None` (Python's error cleared) for an object without one.
fn instance_dict<'py>(object: &Bound<'py, PyAny>) -> Option<Bound<'py, PyDict>> {
    let py = object.py();
    // SAFETY: `object` is a live object; the result is a new reference or null with an error set.
    let dict =
        unsafe { Bound::from_owned_ptr_or_opt(py, PyObject_GenericGetDict(object.as_ptr(), std::ptr::null_mut())) };
    match dict {
        Some(dict) => dict.cast_into::<PyDict>().ok(),
        None => {
            drop(PyErr::take(py));
            None
        }
    }
}

/// The item of `dict` at `next` (0 for the first), and where the one after it is. pyo3's
/// iterator asks the dict's size at every step and takes a reference to each key and value,
/// each a call in the stable ABI; this is the loop CPython's own C code makes.
///
/// # Safety
///
/// The key and value are the dict's own references: the caller runs no Python code (which
/// could change the dict) before it takes references of its own to what it keeps.
unsafe fn next_item<'a, 'py>(
    dict: &'a Bound<'py, PyDict>,
    next: &mut pyo3::ffi::Py_ssize_t,
) -> Option<(Borrowed<'a, 'py, PyAny>, Borrowed<'a, 'py, PyAny>)> {
    let mut key = std::ptr::null_mut();
    let mut value = std::ptr::null_mut();
    if pyo3::ffi::PyDict_Next(dict.as_ptr(), next, &mut key, &mut value) == 0 {
        return None;
    }
    Some((Borrowed::from_ptr(dict.py(), key), Borrowed::from_ptr(dict.py(), value)))
}

/// The attribute naming a generated class's schema struct.
pub const STRUCT_ATTRIBUTE: &str = "_toml_struct";
/// The instance attribute holding keys a lenient parse kept (TOML key to value).
pub const KEPT_ATTRIBUTE: &str = "_toml_kept";

/// How tables are given.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Tables {
    /// As instances of the generated classes (`to_toml`, `validate`).
    Objects,
    /// As dicts keyed as in TOML (`Config.from_dict`, the JSON of a secret store).
    Dicts,
}

pub struct PyInput<'a, 'py> {
    value: Bound<'py, PyAny>,
    registry: &'a Registry,
    tables: Tables,
}

impl<'a, 'py> PyInput<'a, 'py> {
    pub fn new(value: Bound<'py, PyAny>, registry: &'a Registry, tables: Tables) -> Self {
        PyInput { value, registry, tables }
    }

    fn child(&self, value: Bound<'py, PyAny>) -> Self {
        PyInput { value, registry: self.registry, tables: self.tables }
    }

    fn py(&self) -> Python<'py> {
        self.value.py()
    }

    /// True for an `int` that is not a `bool`.
    fn is_int(&self) -> bool {
        self.value.is_instance_of::<PyInt>() && !self.value.is_instance_of::<PyBool>()
    }

    fn is_instance(&self, class: &Py<pyo3::types::PyType>) -> bool {
        self.value.is_instance(class.bind(self.py())).unwrap_or(false)
    }

    /// Whether the value is a `datetime.<name>`. The module is looked up here, not at import:
    /// such a value means it is loaded already, and a program without one never loads it.
    fn is_datetime(&self, name: &str) -> bool {
        let class = self.py().import("datetime").and_then(|module| module.getattr(name));
        class.is_ok_and(|class| self.value.is_instance(&class).unwrap_or(false))
    }

    /// A dict's entries; `None` when a key is not a string (TOML keys are strings, and turning
    /// `1` and `"1"` into the same key would write it twice).
    fn dict_entries(dict: &Bound<'py, PyDict>) -> Option<Vec<(String, Bound<'py, PyAny>)>> {
        dict.iter()
            .map(|(k, v)| {
                let key = str_text(k.cast::<PyString>().ok()?)?.to_owned();
                Some((key, v))
            })
            .collect()
    }

    /// A key as text; otherwise how to show it in a path and why it cannot be a key.
    fn key_text(key: &Bound<'py, PyAny>) -> Result<String, (String, String)> {
        match key.cast::<PyString>() {
            Ok(text) => str_text(text).map(str::to_owned).ok_or_else(|| {
                (text.to_string_lossy().into_owned(), "is not valid Unicode (a lone surrogate)".to_owned())
            }),
            Err(_) => {
                let shown = key.repr().map(|r| r.to_string_lossy().into_owned()).unwrap_or_default();
                let type_name = key.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "object".into());
                Err((shown, format!("is not a str but {type_name}")))
            }
        }
    }

    /// Whether an attribute value means "not set": None, or an untouched default container.
    fn is_unset(&self, value: &Bound<'py, PyAny>) -> bool {
        if value.is_none() {
            return true;
        }
        // By address: abi3 makes each reference count change a call, and this runs per value.
        let class = value.get_type_ptr().cast::<pyo3::ffi::PyObject>();
        let untouched_default =
            class == self.registry.default_list.as_ptr() || class == self.registry.default_dict.as_ptr();
        untouched_default && value.len().is_ok_and(|n| n == 0)
    }

    /// The generated class of an instance of `schema`'s class (or of a user's subclass).
    fn class_for(&self, schema: &'static Struct) -> Result<&'a Class, NotATable> {
        // The generated classes are known by address; a user's subclass names its struct.
        let class = match self.registry.class_of_type(self.value.get_type_ptr()) {
            Some(class) => class,
            None => {
                let class_struct = self
                    .value
                    .get_type()
                    .getattr(STRUCT_ATTRIBUTE)
                    .ok()
                    .and_then(|s| s.extract::<String>().ok())
                    .ok_or(NotATable::WrongType)?;
                if class_struct != schema.class {
                    return Err(NotATable::OtherStruct(class_struct));
                }
                self.registry.class_of_struct(schema).ok_or(NotATable::WrongType)?
            }
        };
        if !std::ptr::eq(class.schema, schema) {
            return Err(NotATable::OtherStruct(class.schema.class.to_owned()));
        }
        Ok(class)
    }

    fn instance_entries(&self, schema: &'static Struct) -> Result<Vec<Entry<Self>>, NotATable> {
        let class = self.class_for(schema)?;
        let attributes = instance_dict(&self.value).ok_or(NotATable::WrongType)?;
        let mut entries = Vec::with_capacity(attributes.len());
        let mut next = 0;
        // SAFETY: a field's name and value are used without running Python code (an address, a
        // type, a list's length) until the value is taken; any other item is taken at once.
        while let Some((name, value)) = unsafe { next_item(&attributes, &mut next) } {
            if let Some(position) = class.field_of_name(&name) {
                if !self.is_unset(&value) {
                    entries.push(Entry {
                        key: Cow::Borrowed(schema.fields[position].name),
                        member: Member::Field(position),
                        value: self.child(value.to_owned()),
                        position: None,
                    });
                }
                continue;
            }
            let (name, value) = (name.to_owned(), value.to_owned());
            let name = match Self::key_text(&name) {
                Ok(name) => name,
                Err((shown, why)) => {
                    let why = format!("attribute name {why}");
                    entries.push(Entry {
                        key: shown.into(),
                        member: Member::Invalid(why),
                        value: self.child(value),
                        position: None,
                    });
                    continue;
                }
            };
            if name == KEPT_ATTRIBUTE {
                let Ok(kept) = value.cast::<PyDict>() else { continue };
                for (key, value) in kept.iter() {
                    let (key, member) = match Self::key_text(&key) {
                        Ok(key) => (key, Member::Kept),
                        Err((shown, why)) => (shown, Member::Invalid(format!("key {why}"))),
                    };
                    entries.push(Entry { key: key.into(), member, value: self.child(value), position: None });
                }
                continue;
            }
            // Private attributes (a user's own caches, say) are not config.
            if name.starts_with('_') || self.is_unset(&value) {
                continue;
            }
            let member = schema.field_by_name(&name).map_or(Member::Unknown, Member::Field);
            entries.push(Entry { key: name.into(), member, value: self.child(value), position: None });
        }
        Ok(entries)
    }
}

impl<'py> Input for PyInput<'_, 'py> {
    fn type_name(&self) -> Cow<'static, str> {
        if let Ok(s) = self.value.cast::<PyString>() {
            if str_text(s).is_none() {
                return Cow::Borrowed("str that is not valid Unicode (a lone surrogate)");
            }
        }
        if let Ok(dict) = self.value.cast::<PyDict>() {
            if Self::dict_entries(dict).is_none() {
                return Cow::Borrowed("dict with a key that is not a str");
            }
        }
        let name = self.value.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "object".into());
        Cow::Owned(name)
    }

    fn as_str(&self) -> Option<Cow<'_, str>> {
        if let Ok(s) = self.value.cast::<PyString>() {
            return str_text(s).map(Cow::Borrowed);
        }
        // An enum member whose value is a string (Executor.DOCKER) stands for that string.
        if let Some(value) = self.registry.executor_value(&self.value) {
            return Some(Cow::Borrowed(value));
        }
        if self.is_instance(&self.registry.enum_type) {
            let value = self.value.getattr("value").ok()?;
            let s = value.cast::<PyString>().ok()?;
            return str_text(s).map(|s| Cow::Owned(s.to_owned()));
        }
        None
    }

    fn as_bool(&self) -> Option<bool> {
        self.value.cast::<PyBool>().ok().map(|b| b.is_true())
    }

    fn as_integer(&self) -> Option<Integer> {
        if !self.is_int() {
            return None;
        }
        Some(match self.value.extract::<i64>() {
            Ok(n) => Integer::Fits(n),
            Err(_) => Integer::TooLarge,
        })
    }

    fn as_float(&self) -> Option<f64> {
        if self.value.is_instance_of::<PyFloat>() || self.is_int() {
            self.value.extract::<f64>().ok()
        } else {
            None
        }
    }

    fn native_datetime(&self) -> Option<Result<Datetime, String>> {
        if !self.is_datetime("datetime") {
            return None;
        }
        let text: String = self.value.call_method0("isoformat").ok()?.extract().ok()?;
        Some(parse_datetime(&text))
    }

    fn native_duration(&self) -> Option<Duration> {
        if !self.is_datetime("timedelta") {
            return None;
        }
        let part = |name: &str| self.value.getattr(name).and_then(|v| v.extract::<i64>()).unwrap_or(0) as i128;
        let nanos = ((part("days") * 86_400 + part("seconds")) * 1_000_000 + part("microseconds")) * 1_000;
        Some(Duration::Text(duration::format_nanos(nanos)))
    }

    fn as_array(&self) -> Option<Vec<Self>> {
        if let Ok(list) = self.value.cast::<PyList>() {
            return Some(list.iter().map(|item| self.child(item)).collect());
        }
        let tuple = self.value.cast::<PyTuple>().ok()?;
        Some(tuple.iter().map(|item| self.child(item)).collect())
    }

    fn as_map(&self) -> Option<Vec<(String, Self)>> {
        let dict = self.value.cast::<PyDict>().ok()?;
        Some(Self::dict_entries(dict)?.into_iter().map(|(k, v)| (k, self.child(v))).collect())
    }

    fn as_table(&self, schema: &'static Struct) -> Result<Vec<Entry<Self>>, NotATable> {
        match (self.tables, self.value.cast::<PyDict>()) {
            (Tables::Dicts, Ok(dict)) => {
                let entries = Self::dict_entries(dict).ok_or(NotATable::WrongType)?;
                Ok(entries
                    .into_iter()
                    .map(|(key, value)| Entry::keyed(schema, &key, self.child(value), None))
                    .collect())
            }
            // A dict where a table object belongs would keep its secrets out of the masked repr.
            (Tables::Objects, Ok(_)) => {
                Err(NotATable::OtherStruct("dict (use Config.from_dict for TOML-shaped data)".into()))
            }
            (_, Err(_)) => self.instance_entries(schema),
        }
    }

    fn fields(&self, schema: &'static Struct) -> Option<Vec<(usize, Self)>> {
        if self.tables == Tables::Dicts {
            return only_fields(self.as_table(schema).ok()?);
        }
        // `instance_entries` for the common case, without an `Entry` per attribute.
        let class = self.class_for(schema).ok()?;
        let attributes = instance_dict(&self.value)?;
        let mut fields = Vec::with_capacity(attributes.len());
        let mut next = 0;
        // SAFETY: nothing here runs Python code (addresses, types, a list's length, a str's
        // text) before a value is taken.
        while let Some((name, value)) = unsafe { next_item(&attributes, &mut next) } {
            if let Some(position) = class.field_of_name(&name) {
                if !self.is_unset(&value) {
                    fields.push((position, self.child(value.to_owned())));
                }
                continue;
            }
            // A private attribute (a user's own cache) is not config; the keys a lenient read
            // kept, and anything else, are for `as_table` to describe.
            let name = name.cast::<PyString>().ok()?;
            let name = str_text(&name)?;
            if !((name.starts_with('_') && name != KEPT_ATTRIBUTE) || self.is_unset(&value)) {
                return None;
            }
        }
        Some(fields)
    }

    fn names_fields(&self) -> bool {
        self.tables == Tables::Objects
    }
}
