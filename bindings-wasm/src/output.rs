//! What the engine hands to the package's JavaScript, as JSON text it reads with one
//! `JSON.parse`: documents in the TOML's shape, findings, and errors.

use std::convert::Infallible;
use std::fmt::Write;

use gitlab_runner_config::document::{Datetime, Table};
use gitlab_runner_config::error::Position;
use gitlab_runner_config::escape::write_json_string as string;
use gitlab_runner_config::lines::utf16_offsets;
use gitlab_runner_config::visit::{self, Entries, Items, Visitor};
use gitlab_runner_config::{Diagnostic, Error, Errors};

/// The largest integer a JavaScript number holds exactly (2^53 - 1).
const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// `[document, specials]`: the document with `null` where a value JSON cannot hold belongs,
/// and each such value as `[path, "bigint" | "number", text]` for the JavaScript to put back
/// (integers beyond 2^53 as BigInt, NaN and infinities as numbers).
pub fn document(table: &Table) -> String {
    let mut writer = DocumentWriter { out: String::from("["), path: Vec::new(), specials: String::new() };
    visit::walk(table, &mut writer).unwrap_or_else(|never| match never {});
    let DocumentWriter { mut out, specials, .. } = writer;
    out.push_str(",[");
    out.push_str(&specials);
    out.push_str("]]");
    out
}

enum Step<'v> {
    Key(&'v str),
    Index(usize),
}

struct DocumentWriter<'v> {
    out: String,
    /// Where the value being written sits, for the specials.
    path: Vec<Step<'v>>,
    specials: String,
}

impl DocumentWriter<'_> {
    fn special(&mut self, kind: &str, text: &str) {
        self.out.push_str("null");
        if !self.specials.is_empty() {
            self.specials.push(',');
        }
        self.specials.push_str("[[");
        for (i, step) in self.path.iter().enumerate() {
            if i > 0 {
                self.specials.push(',');
            }
            match step {
                Step::Key(key) => string(&mut self.specials, key),
                Step::Index(index) => {
                    let _ = write!(self.specials, "{index}");
                }
            }
        }
        let _ = write!(self.specials, "],\"{kind}\",\"{text}\"]");
    }
}

impl<'v> Visitor<'v> for DocumentWriter<'v> {
    type Out = ();
    type Error = Infallible;

    fn string(&mut self, text: &str) -> Result<(), Infallible> {
        string(&mut self.out, text);
        Ok(())
    }

    fn integer(&mut self, n: i64) -> Result<(), Infallible> {
        if n.unsigned_abs() > MAX_SAFE_INTEGER {
            self.special("bigint", &n.to_string());
        } else {
            let _ = write!(self.out, "{n}");
        }
        Ok(())
    }

    fn float(&mut self, x: f64) -> Result<(), Infallible> {
        if x.is_finite() {
            // Debug writes the shortest text that reads back as the same float (`1e300`, `-0.0`).
            let _ = write!(self.out, "{}", gitlab_runner_config::float::Literal(x));
        } else {
            let text = if x.is_nan() {
                "NaN"
            } else if x > 0.0 {
                "Infinity"
            } else {
                "-Infinity"
            };
            self.special("number", text);
        }
        Ok(())
    }

    fn boolean(&mut self, b: bool) -> Result<(), Infallible> {
        self.out.push_str(if b { "true" } else { "false" });
        Ok(())
    }

    fn datetime(&mut self, datetime: &Datetime) -> Result<(), Infallible> {
        self.string(&datetime.to_string())
    }

    fn array(&mut self, items: Items<'v>) -> Result<(), Infallible> {
        self.out.push('[');
        for (i, item) in items.enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            self.path.push(Step::Index(i));
            item.walk(self)?;
            self.path.pop();
        }
        self.out.push(']');
        Ok(())
    }

    fn table(&mut self, entries: Entries<'v>) -> Result<(), Infallible> {
        self.out.push('{');
        for (i, (key, node)) in entries.enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            string(&mut self.out, key.as_str());
            self.out.push(':');
            self.path.push(Step::Key(key.as_str()));
            node.walk(self)?;
            self.path.pop();
        }
        self.out.push('}');
        Ok(())
    }
}

/// Findings as a JSON array. Their byte offsets become JS string indexes (UTF-16) in one pass
/// over `text`, the text they came from (only findings about text have ranges).
pub fn diagnostics(list: &[Diagnostic], text: &str) -> String {
    let mut out = String::from("[");
    write_diagnostics(&mut out, list, text);
    out.push(']');
    out
}

fn write_diagnostics(out: &mut String, list: &[Diagnostic], text: &str) {
    // Each finding's range, then its fix's edits: the order `diagnostic` reads them in.
    let bytes: Vec<usize> = list
        .iter()
        .flat_map(|d| {
            let range = d.range.into_iter().flat_map(|r| [r.start.offset, r.end.offset]);
            let edits = d.fix.iter().flat_map(|f| f.edits.iter().flat_map(|e| [e.start, e.end]));
            range.chain(edits).collect::<Vec<_>>()
        })
        .collect();
    let mut indexes = utf16_offsets(text, &bytes).into_iter();
    for (i, d) in list.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        diagnostic(out, d, &mut indexes);
    }
}

/// `indexes` yields the JS string index of each range's start and end, in order.
fn diagnostic(out: &mut String, d: &Diagnostic, indexes: &mut impl Iterator<Item = usize>) {
    out.push_str("{\"severity\":");
    string(out, d.severity.as_str());
    out.push_str(",\"code\":");
    string(out, d.code.name());
    out.push_str(",\"path\":");
    string(out, &d.path.to_string());
    out.push_str(",\"message\":");
    string(out, &d.message);
    let _ = match d.position() {
        Some(p) => write!(out, ",\"line\":{},\"column\":{}", p.line, p.column),
        None => write!(out, ",\"line\":null,\"column\":null"),
    };
    out.push_str(",\"range\":");
    match d.range {
        Some(range) => {
            out.push_str("{\"start\":");
            position(out, range.start, indexes.next().unwrap_or_default());
            out.push_str(",\"end\":");
            position(out, range.end, indexes.next().unwrap_or_default());
            out.push('}');
        }
        None => out.push_str("null"),
    }
    out.push_str(",\"suggestion\":");
    match d.suggestion {
        Some(suggestion) => string(out, suggestion),
        None => out.push_str("null"),
    }
    out.push_str(",\"fix\":");
    match &d.fix {
        Some(fix) => {
            let _ = write!(out, "{{\"safe\":{},\"edits\":[", fix.safe);
            for (i, edit) in fix.edits.iter().enumerate() {
                let (start, end) = (indexes.next().unwrap_or_default(), indexes.next().unwrap_or_default());
                let _ = write!(out, "{}{{\"start\":{start},\"end\":{end},\"text\":", if i > 0 { "," } else { "" });
                string(out, &edit.text);
                out.push('}');
            }
            out.push_str("]}");
        }
        None => out.push_str("null"),
    }
    out.push('}');
}

fn position(out: &mut String, p: Position, index: usize) {
    let _ = write!(out, "{{\"line\":{},\"column\":{},\"offset\":{index}}}", p.line, p.column);
}

/// `{"message", "errors"}`: one message listing every error, and each error as a finding
/// (ranges counted in `text`), for the JavaScript to throw as one `Error`.
pub fn errors(errors: Vec<Error>, text: &str) -> String {
    let mut out = String::from("{\"message\":");
    string(&mut out, &Errors(&errors).to_string());
    out.push_str(",\"errors\":[");
    let findings: Vec<Diagnostic> = errors.into_iter().map(Diagnostic::from).collect();
    write_diagnostics(&mut out, &findings, text);
    out.push_str("]}");
    out
}
