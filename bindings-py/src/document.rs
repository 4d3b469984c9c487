//! A `Config` parsed from text remembers that text, so `to_toml()` can change only what the
//! object changed and keep the rest (comments, order, quoting) byte for byte.

use gitlab_runner_config::{format_canonical, render, update, Table};
use pyo3::prelude::*;
use pyo3::types::PyTuple;

/// Where the document is kept: a private attribute, so never in a config's repr, `==` or
/// `to_dict()`.
const DOCUMENT_ATTRIBUTE: &str = "_toml_document";

/// The text a config was parsed from. It holds tokens, so Python sees no more of it than its
/// size (`vars(config)` shows `<config.toml text, 1234 bytes>`); copies share it, and pickling
/// carries it, as it carries the config's own values.
#[pyclass(module = "wetwire_gitlab._native", frozen)]
pub struct Document {
    text: String,
}

#[pymethods]
impl Document {
    #[new]
    fn new(text: String) -> Document {
        Document { text }
    }

    fn __repr__(&self) -> String {
        format!("<config.toml text, {} bytes>", self.text.len())
    }

    fn __copy__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    fn __deepcopy__(slf: Py<Self>, _memo: &Bound<'_, PyAny>) -> Py<Self> {
        slf
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let text = slf.get().text.clone();
        Ok((slf.get_type().into_any(), PyTuple::new(slf.py(), [text])?))
    }
}

pub fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<Document>()
}

pub fn remember(config: &Bound<'_, PyAny>, text: &str) -> PyResult<()> {
    let document = Bound::new(config.py(), Document { text: text.to_owned() })?;
    config.getattr("__dict__")?.set_item(DOCUMENT_ATTRIBUTE, document)
}

/// The config's text: its source with the object's changes applied when it was parsed from
/// one, else the canonical layout; `canonical` puts the keys in canonical order, comments
/// moving with them.
pub fn to_toml(object: &Bound<'_, PyAny>, table: &Table, canonical: bool) -> PyResult<String> {
    let document = object.getattr("__dict__")?.get_item(DOCUMENT_ATTRIBUTE).ok();
    let Some(document) = document.and_then(|d| d.cast_into::<Document>().ok()) else {
        return Ok(render(table));
    };
    let source = &document.get().text;
    let py = object.py();
    let text = py.detach(|| {
        // The source parsed when the config was read from it; the fallbacks are for a text
        // replaced by hand with something that does not.
        let updated = update(source, table).unwrap_or_else(|_| render(table));
        if canonical {
            format_canonical(&updated).unwrap_or_else(|_| render(table))
        } else {
            updated
        }
    });
    Ok(text)
}
