//! Semantic checks of a typed document: what gitlab-runner would reject or misread, beyond the
//! types the decoder already checked. One module per concern; each adds [`Diagnostic`]s.

mod cache;
mod executors;
mod fleet;
mod labels;
mod numbers;
mod syntax;
mod values;
mod versions;

use crate::code::Code;
use crate::decode::{decode, Decoded, MOST_REPORTED};
use crate::diagnostic::{sort_by_position, Diagnostic, Severity};
use crate::document::{Table, Value};
use crate::input::Input;
use crate::parse::Source;
use crate::path::KeyPath;
use crate::schema::handle::{self, Handle};
use crate::schema::{Field, Kind, Version};
use crate::UnknownKeys;

/// What a config is checked against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// Keys the schema does not know: errors (strict, the default), or kept with a warning.
    pub unknown: UnknownKeys,
    /// The gitlab-runner release that will read the config; the newest by default.
    pub runner_version: Version,
    /// A snippet rather than a whole config.toml (documentation examples, template parts):
    /// keys a whole config needs are not asked for.
    pub fragment: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options { unknown: UnknownKeys::Reject, runner_version: Version::NEWEST, fragment: false }
    }
}

/// Every finding about a config, in document order.
pub fn validate(root: &Table, options: &Options) -> Vec<Diagnostic> {
    let mut report = Report { diagnostics: Vec::new(), options: *options, omitted: Vec::new() };
    values::check(&mut report, root);
    fleet::check(&mut report, root);
    numbers::check(&mut report, root);
    syntax::check(&mut report, root);
    executors::check(&mut report, root);
    cache::check(&mut report, root);
    labels::check(&mut report, root);
    versions::check(&mut report, root);
    if let Some(worst) = report.omitted.iter().min() {
        let message = format!("{} more findings not shown (only the first {MOST_REPORTED} are)", report.omitted.len());
        let mut note = Diagnostic::new(Code::MoreErrors, KeyPath::root(), message);
        note.severity = *worst;
        report.diagnostics.push(note);
    }
    report.diagnostics
}

/// Every finding about config.toml text: syntax, types and unknown keys, then the semantic
/// checks on whatever could be read, each with its line and column.
pub fn lint(text: &str, options: &Options) -> Vec<Diagnostic> {
    let source = match Source::parse(text) {
        Ok(source) => source,
        Err(errors) => return errors.into_iter().map(Diagnostic::from).collect(),
    };
    let mut diagnostics = findings(&source.decode(options.unknown), options);
    locate(&mut diagnostics, &source);
    crate::fix::attach(&mut diagnostics, &source);
    diagnostics
}

/// Every finding about a whole config from any face's input (a Python object, a JS value):
/// wrong types and unknown keys, then the semantic checks on whatever could be read.
pub fn validate_input<I: Input>(input: &I, options: &Options) -> Vec<Diagnostic> {
    findings(&decode(crate::schema::ROOT, input, options.unknown), options)
}

/// Gives each finding the range of its path in `source`, and puts them in text order.
pub fn locate(diagnostics: &mut [Diagnostic], source: &Source<'_>) {
    for diagnostic in diagnostics.iter_mut() {
        if diagnostic.range.is_none() {
            if let Some((written, exact)) = source.locate(&diagnostic.path) {
                diagnostic.place(written, exact);
                if let Some(within) = diagnostic.within.clone().filter(|_| exact) {
                    diagnostic.range = source.inside_string(written.value, within).or(diagnostic.range);
                }
            }
        }
    }
    sort_by_position(diagnostics);
}

/// Every finding about a decoded config: the decoder's errors and warnings, then the checks.
pub fn findings(decoded: &Decoded, options: &Options) -> Vec<Diagnostic> {
    let mut diagnostics: Vec<Diagnostic> = decoded.errors.iter().cloned().map(Diagnostic::from).collect();
    // A key the decoder could not read is absent from the table; the checks would call it
    // missing, which the decoder's error already explains.
    let unread: Vec<KeyPath> = diagnostics.iter().map(|d| d.path.clone()).collect();
    diagnostics.extend(decoded.warnings.iter().cloned());
    diagnostics.extend(validate(&decoded.table, options).into_iter().filter(|d| !unread.contains(&d.path)));
    diagnostics
}

/// Collects diagnostics as the checks walk the document.
struct Report {
    diagnostics: Vec<Diagnostic>,
    options: Options,
    /// The severities of the findings past `MOST_REPORTED`.
    omitted: Vec<Severity>,
}

impl Report {
    fn add(&mut self, code: Code, path: &KeyPath, message: impl Into<String>) {
        if self.diagnostics.len() >= MOST_REPORTED {
            self.omitted.push(code.severity());
            return;
        }
        self.diagnostics.push(Diagnostic::new(code, path.clone(), message));
    }

    /// A finding about the bytes `within` of the string value at `path`.
    fn add_within(&mut self, code: Code, path: &KeyPath, message: impl Into<String>, within: std::ops::Range<usize>) {
        self.add(code, path, message);
        if let Some(added) = self.diagnostics.last_mut().filter(|d| d.path == *path && d.code == code) {
            added.within = Some(within);
        }
    }
}

/// Calls `visit` on every set field of every table below `table`, with its path.
fn walk(table: &Table, path: &mut KeyPath, visit: &mut dyn FnMut(&Table, &'static Field, &Value, &KeyPath)) {
    for (field, value) in table.fields() {
        path.push_key(field.key);
        visit(table, field, value, path);
        match (field.kind, value) {
            (Kind::Table(_), Value::Table(child)) => walk(child, path, visit),
            (Kind::Tables(_), Value::Tables(children)) => {
                for (i, child) in children.iter().enumerate() {
                    path.push_index(i);
                    walk(child, path, visit);
                    path.pop();
                }
            }
            _ => {}
        }
        path.pop();
    }
}

/// Calls `visit` on every table below `root` (itself included), with its path.
fn walk_tables(root: &Table, visit: &mut dyn FnMut(&Table, &KeyPath)) {
    let mut path = KeyPath::root();
    visit(root, &path);
    walk(root, &mut path, &mut |_, _, value, path| match value {
        Value::Table(child) => visit(child, path),
        Value::Tables(children) => {
            let mut element = path.clone();
            for (i, child) in children.iter().enumerate() {
                element.push_index(i);
                visit(child, &element);
                element.pop();
            }
        }
        _ => {}
    });
}

/// Calls `check` on a string value, or on each string of an array with its element's path.
fn each_string(value: &Value, path: &KeyPath, check: &mut dyn FnMut(&str, &KeyPath)) {
    match value {
        Value::String(text) => check(text, path),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                if let Value::String(text) = item {
                    let mut element = path.clone();
                    element.push_index(i);
                    check(text, &element);
                }
            }
        }
        _ => {}
    }
}

/// The runners of a config with their paths.
fn runners(root: &Table) -> Vec<(KeyPath, &Table)> {
    match root.value(&handle::RUNNERS) {
        Some(Value::Tables(runners)) => runners
            .iter()
            .enumerate()
            .map(|(i, runner)| {
                let mut path = KeyPath::root();
                path.push_key(handle::RUNNERS.key);
                path.push_index(i);
                (path, runner)
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn string<'v>(table: &'v Table, field: &Handle) -> Option<&'v str> {
    match table.value(field) {
        Some(Value::String(s)) => Some(s),
        _ => None,
    }
}

fn integer(table: &Table, field: &Handle) -> Option<i64> {
    match table.value(field) {
        Some(Value::Integer(n)) => Some(*n),
        _ => None,
    }
}
