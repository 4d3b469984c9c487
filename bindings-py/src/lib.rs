//! `wetwire_gitlab._native`: the Rust engine behind `wetwire_gitlab.runner_config`.
//! It holds no logic of its own: it reads Python objects through the core's `Input` trait,
//! hands back the core's documents as Python objects, and turns core errors into exceptions.

mod cli;
mod document;
mod errors;
mod input;
mod output;
mod registry;
mod workflows;

use gitlab_runner_config::diagnostic::Line;
use gitlab_runner_config::direct::render_input;
use gitlab_runner_config::render::fingerprint;
use gitlab_runner_config::schema::{self, Struct};
use gitlab_runner_config::validate::findings;
use gitlab_runner_config::{decode, decode_struct, Code, Diagnostic, Options, Source, UnknownKeys};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyType};

use input::{PyInput, Tables, STRUCT_ATTRIBUTE};

/// The schema struct of a generated class's instance.
fn struct_of(object: &Bound<'_, PyAny>) -> PyResult<&'static Struct> {
    let name: String = object.get_type().getattr(STRUCT_ATTRIBUTE)?.extract()?;
    schema::structs()
        .iter()
        .copied()
        .find(|s| s.class == name)
        .ok_or_else(|| pyo3::exceptions::PyTypeError::new_err(format!("{name} is not a config table")))
}

fn decode_object(object: &Bound<'_, PyAny>) -> PyResult<gitlab_runner_config::Table> {
    let py = object.py();
    let registry = registry::get(py)?;
    let schema = struct_of(object)?;
    decode_struct(schema, &PyInput::new(object.clone(), registry, Tables::Objects), UnknownKeys::Reject)
        .map_err(|errors| errors::config_error(py, errors))
}

/// config.toml text for a `Config` (or any table, rendered as if it were the root): the text
/// it was parsed from with its changes applied, or the canonical layout.
#[pyfunction]
#[pyo3(signature = (object, canonical = false))]
fn to_toml(object: &Bound<'_, PyAny>, canonical: bool) -> PyResult<String> {
    // A config built in code is written straight from its objects; one with an error (or
    // anything else out of the ordinary) is decoded, which names the key path of each error.
    if !document::kept(object) {
        let input = PyInput::new(object.clone(), registry::get(object.py())?, Tables::Objects);
        if let Some(text) = render_input(struct_of(object)?, &input) {
            return Ok(text);
        }
    }
    document::to_toml(object, &decode_object(object)?, canonical)
}

/// The set fields of a table, in the TOML shape.
#[pyfunction]
fn to_dict<'py>(object: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    output::to_dict(object.py(), &decode_object(object)?)
}

/// Unknown keys a lenient read kept, as diagnostic tuples: the Python face warns about each.
fn kept_keys<'py>(py: Python<'py>, warnings: &[Diagnostic]) -> PyResult<Bound<'py, PyList>> {
    diagnostic_tuples(py, warnings.iter().filter(|w| w.code == Code::UnknownKey).cloned().collect(), "")
}

/// An instance of `class` (a `Config` or a subclass) from config.toml text, and the unknown
/// keys kept (lenient mode). The text is kept (out of Python's sight: it holds tokens), so
/// that `to_toml()` changes only what changed and `validate()` says where each finding is.
#[pyfunction]
#[pyo3(signature = (class, text, strict = true))]
fn from_toml<'py>(
    class: &Bound<'py, PyType>,
    text: &str,
    strict: bool,
) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyList>)> {
    let py = class.py();
    let registry = registry::get(py)?;
    let parsed = py.detach(|| {
        let source = Source::parse(text)?;
        let decoded = source.decode(UnknownKeys::from_strict(strict));
        if decoded.errors.is_empty() {
            Ok((fingerprint(&decoded.table), decoded.table, decoded.warnings))
        } else {
            Err(decoded.errors)
        }
    });
    let (parsed, table, warnings) = parsed.map_err(|errors| errors::parse_error(py, errors))?;
    let config = output::to_root_object(py, registry, &table, class)?;
    document::remember(&config, text, parsed)?;
    Ok((config, kept_keys(py, &warnings)?))
}

/// An instance of `class` from a dict in the TOML shape (the JSON of a secret store), and the
/// unknown keys kept (lenient mode).
#[pyfunction]
#[pyo3(signature = (class, data, strict = true))]
fn from_dict<'py>(
    class: &Bound<'py, PyType>,
    data: &Bound<'py, PyAny>,
    strict: bool,
) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyList>)> {
    let py = class.py();
    let registry = registry::get(py)?;
    let input = PyInput::new(data.clone(), registry, Tables::Dicts);
    let decoded = decode(schema::ROOT, &input, UnknownKeys::from_strict(strict));
    if !decoded.errors.is_empty() {
        return Err(errors::config_error(py, decoded.errors));
    }
    Ok((output::to_root_object(py, registry, &decoded.table, class)?, kept_keys(py, &decoded.warnings)?))
}

/// The checks' options from keyword arguments; a version that is not one is a `ValueError`.
fn checks(strict: bool, runner_version: Option<&str>, fragment: bool) -> PyResult<Options> {
    let runner_version = match runner_version {
        Some(text) => text.parse().map_err(pyo3::exceptions::PyValueError::new_err)?,
        None => schema::Version::NEWEST,
    };
    Ok(Options { unknown: UnknownKeys::from_strict(strict), runner_version, fragment })
}

/// Every finding about a config: wrong types and unknown fields, then the semantic checks,
/// as tuples (see `diagnostic_tuples`). A config parsed from text and not changed since gets
/// the range of each finding.
#[pyfunction]
#[pyo3(signature = (object, runner_version = None, fragment = false))]
fn validate<'py>(
    object: &Bound<'py, PyAny>,
    runner_version: Option<&str>,
    fragment: bool,
) -> PyResult<Bound<'py, PyList>> {
    let py = object.py();
    let registry = registry::get(py)?;
    let checks = checks(true, runner_version, fragment)?;
    let decoded = decode(schema::ROOT, &PyInput::new(object.clone(), registry, Tables::Objects), checks.unknown);
    let mut diagnostics = findings(&decoded, &checks);
    if decoded.errors.is_empty() {
        document::place(object, &decoded.table, &mut diagnostics);
    }
    diagnostic_tuples(py, diagnostics, "")
}

/// Every finding about config.toml text, each with its range.
#[pyfunction]
#[pyo3(signature = (text, strict = true, runner_version = None, fragment = false))]
fn lint<'py>(
    py: Python<'py>,
    text: &str,
    strict: bool,
    runner_version: Option<&str>,
    fragment: bool,
) -> PyResult<Bound<'py, PyList>> {
    let checks = checks(strict, runner_version, fragment)?;
    let diagnostics = py.detach(|| gitlab_runner_config::lint(text, &checks));
    diagnostic_tuples(py, diagnostics, text)
}

/// (severity, code, path, message, line, column, end_line, end_column, suggestion, fix)
/// tuples, the fields of the Python `Diagnostic` in order; a fix is (safe, [(start, end,
/// text)]) with character offsets into `text`, the text the findings are about.
fn diagnostic_tuples<'py>(py: Python<'py>, diagnostics: Vec<Diagnostic>, text: &str) -> PyResult<Bound<'py, PyList>> {
    let characters = |byte: usize| text.get(..byte).map_or(0, |before| before.chars().count());
    let items = diagnostics.into_iter().map(|d| {
        let [line, column, end_line, end_column] = errors::range_numbers(d.range);
        let fix = d.fix.map(|fix| {
            let edits: Vec<(usize, usize, String)> =
                fix.edits.into_iter().map(|e| (characters(e.start), characters(e.end), e.text)).collect();
            (fix.safe, edits)
        });
        (
            d.severity.as_str(),
            d.code.name(),
            d.path.to_string(),
            d.message,
            line,
            column,
            end_line,
            end_column,
            d.suggestion,
            fix,
        )
    });
    PyList::new(py, items.collect::<Vec<_>>())
}

/// A finding in one line, said as the core says it (`Diagnostic.__str__`).
#[pyfunction]
fn diagnostic_line(
    severity: &str,
    code: &str,
    path: &str,
    message: &str,
    line: Option<usize>,
    column: Option<usize>,
) -> String {
    let shown: &dyn std::fmt::Display = &path;
    let path = (!path.is_empty()).then_some(shown);
    Line { start: line.zip(column), severity, code, path, message }.to_string()
}

/// `text` with every safe fix made (and the unsafe ones with `unsafe_fixes`).
#[pyfunction]
#[pyo3(signature = (text, unsafe_fixes = false, strict = true, runner_version = None, fragment = false))]
fn fix(
    py: Python<'_>,
    text: &str,
    unsafe_fixes: bool,
    strict: bool,
    runner_version: Option<&str>,
    fragment: bool,
) -> PyResult<String> {
    let checks = checks(strict, runner_version, fragment)?;
    Ok(py.detach(|| gitlab_runner_config::fix(text, unsafe_fixes, &checks)))
}

/// A file's bytes as text, by the rule every face reads files with: UTF-8 only, newlines as
/// written (Python's universal newlines would turn a lone CR, which TOML refuses, into one).
/// Other bytes are a `TomlParseError` at the first bad one.
#[pyfunction]
fn text_from_bytes(py: Python<'_>, data: &[u8]) -> PyResult<String> {
    gitlab_runner_config::parse::text_from_bytes(data)
        .map(str::to_owned)
        .map_err(|errors| errors::parse_error(py, errors))
}

/// Writes `text` to `path` by the CLI's policy (atomic; the old file's owner and mode kept, a
/// new file 0600; stale temporary files of killed writes removed). I/O errors are `OSError`s.
#[pyfunction]
fn write_file(py: Python<'_>, path: std::path::PathBuf, text: &str) -> PyResult<()> {
    py.detach(|| gitlab_runner_config_cli::files::write_atomically(&path, text)).map_err(PyErr::from)
}

#[pymodule]
fn _native(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(registry::register_more, module)?)?;
    module.add_function(wrap_pyfunction!(to_toml, module)?)?;
    module.add_function(wrap_pyfunction!(to_dict, module)?)?;
    module.add_function(wrap_pyfunction!(from_toml, module)?)?;
    module.add_function(wrap_pyfunction!(from_dict, module)?)?;
    module.add_function(wrap_pyfunction!(validate, module)?)?;
    module.add_function(wrap_pyfunction!(lint, module)?)?;
    module.add_function(wrap_pyfunction!(diagnostic_line, module)?)?;
    module.add_function(wrap_pyfunction!(fix, module)?)?;
    module.add_function(wrap_pyfunction!(write_file, module)?)?;
    module.add_function(wrap_pyfunction!(text_from_bytes, module)?)?;
    cli::register(module)?;
    document::register(module)?;
    workflows::register(module)?;
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    registry::register(module.py())?;
    Ok(())
}
