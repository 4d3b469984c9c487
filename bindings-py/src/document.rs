//! A `Config` parsed from text remembers that text, so `to_toml()` can change only what the
//! object changed and keep the rest (comments, order, quoting) byte for byte, and `validate()`
//! can say where each finding is while the object still renders as it did when parsed.

use gitlab_runner_config::render::fingerprint;
use gitlab_runner_config::validate::locate;
use gitlab_runner_config::{format_canonical, render, update, Diagnostic, Source, Table};
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
    /// The fingerprint of the config as parsed from `text`: while the object's is the same,
    /// the text says where its keys are.
    parsed: u64,
}

#[pymethods]
impl Document {
    #[new]
    fn new(text: String, parsed: u64) -> Document {
        Document { text, parsed }
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
        let Document { text, parsed } = slf.get();
        Ok((slf.get_type().into_any(), (text.clone(), *parsed).into_pyobject(slf.py())?))
    }
}

pub fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<Document>()
}

/// Keeps `text` on `config`, the object just built from `parsed` (the fingerprint of the
/// table decoded from it).
pub fn remember(config: &Bound<'_, PyAny>, text: &str, parsed: u64) -> PyResult<()> {
    let document = Bound::new(config.py(), Document { text: text.to_owned(), parsed })?;
    config.getattr("__dict__")?.set_item(DOCUMENT_ATTRIBUTE, document)
}

fn document<'py>(object: &Bound<'py, PyAny>) -> Option<Bound<'py, Document>> {
    let document = object.getattr("__dict__").ok()?.get_item(DOCUMENT_ATTRIBUTE).ok()?;
    document.cast_into::<Document>().ok()
}

/// Whether `object` keeps the text it was parsed from.
pub fn kept(object: &Bound<'_, PyAny>) -> bool {
    document(object).is_some()
}

/// Gives each finding the range of its path (or of its nearest enclosing key) in the text
/// `object` was parsed from, as `lint` does, when `current` (the object as it is now) still
/// renders as it did then, and puts them in text order. The text is read again only here:
/// parsing keeps no position, so `from_toml` pays nothing for them.
pub fn place(object: &Bound<'_, PyAny>, current: &Table, diagnostics: &mut [Diagnostic]) {
    let Some(document) = document(object) else { return };
    let Document { text, parsed } = document.get();
    object.py().detach(|| {
        if fingerprint(current) != *parsed {
            return;
        }
        // The text parsed when the object was read from it; one replaced by hand may not.
        if let Ok(source) = Source::parse(text) {
            locate(diagnostics, &source);
        }
    });
}

/// The config's text: its source with the object's changes applied when it was parsed from
/// one, else the canonical layout; `canonical` puts the keys in canonical order, comments
/// moving with them.
pub fn to_toml(object: &Bound<'_, PyAny>, table: &Table, canonical: bool) -> PyResult<String> {
    let Some(document) = document(object) else {
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
