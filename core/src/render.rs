//! Writes a [`Table`] as config.toml text in gitlab-runner's layout: two spaces of indentation
//! per nesting level, plain keys before sub-tables, a blank line before every table header,
//! keys in the schema's canonical order. Strings are escaped per TOML 1.0, so the output always
//! parses back to the same values.

use std::fmt::Write;

use crate::document::{Table, Value};
use crate::escape;

/// Renders the root table (a whole config.toml).
pub fn render(root: &Table) -> String {
    let mut out = String::with_capacity(1024);
    Renderer::new(&mut out).table_body(root);
    finish(out)
}

/// Exactly one trailing newline; an empty config renders as an empty file.
pub(crate) fn finish(mut out: String) -> String {
    let trimmed = out.trim_end_matches('\n').len();
    out.truncate(trimmed);
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

/// A value as written after `key = `, on one line (arrays of tables as inline tables).
pub(crate) fn inline(value: &Value) -> String {
    let mut out = String::new();
    write_inline(&mut out, value);
    out
}

/// Whether a value is written after `key = ` in the canonical layout (else under headers).
pub(crate) fn inline_only(value: &Value) -> bool {
    Child::of(value).is_none()
}

/// The `[header]` blocks of `key` in a table whose header keys are `header` (quoted), in the
/// canonical layout, without a blank line before the first.
pub(crate) fn render_at(header: &[String], key: &str, value: &Value) -> String {
    let mut out = String::new();
    let mut renderer = Renderer::new(&mut out);
    for key in header {
        renderer.push_header(key);
    }
    renderer.entries(&[(key, value)]);
    out
}

/// A digest of a table: equal tables have equal fingerprints, so a face can tell whether a
/// parsed config was changed since (and its remembered positions still hold). The values are
/// hashed as they are, in the order they render in, not the text they render to: writing that
/// text (escaping, numbers, headers) took most of the time, and tables that render alike are
/// equal.
pub fn fingerprint(table: &Table) -> u64 {
    let mut hasher = Fingerprinter(0);
    hash_entries(&mut hasher, table_entries(table));
    std::hash::Hasher::finish(&hasher)
}

/// A multiply-rotate hash of 8-byte words: SipHash's cost per small write was most of the
/// fingerprint's time. No key: the same table hashes the same in every process (a pickled
/// config carries its fingerprint). Each step is a bijection of the state, so two inputs of one
/// length that differ in one word always differ; nothing here is adversarial (a config is
/// compared with its own parse).
struct Fingerprinter(u64);

impl std::hash::Hasher for Fingerprinter {
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            self.write_u64(u64::from_le_bytes(word.try_into().expect("8 bytes")));
        }
        let mut tail = [0u8; 8];
        tail[..words.remainder().len()].copy_from_slice(words.remainder());
        self.write_u64(u64::from_le_bytes(tail));
        // The length, so that trailing zero bytes count.
        self.write_usize(bytes.len());
    }

    fn write_u64(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    fn write_u8(&mut self, byte: u8) {
        self.write_u64(u64::from(byte));
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

fn hash_entries<'v>(hasher: &mut impl std::hash::Hasher, entries: impl Iterator<Item = (&'v str, &'v Value)>) {
    use std::hash::Hash;
    let mut count = 0;
    for (key, value) in entries {
        key.hash(hasher);
        hash_value(hasher, value);
        count += 1;
    }
    hasher.write_usize(count);
}

/// Each kind with its own tag, each sequence with its length, so that no two tables feed the
/// hasher the same bytes.
fn hash_value(hasher: &mut impl std::hash::Hasher, value: &Value) {
    use std::hash::Hash;
    match value {
        Value::String(s) => {
            hasher.write_u8(0);
            s.hash(hasher);
        }
        Value::Integer(n) => {
            hasher.write_u8(1);
            hasher.write_i64(*n);
        }
        Value::Float(x) => {
            hasher.write_u8(2);
            // Every NaN renders as `nan`.
            hasher.write_u64(if x.is_nan() { f64::NAN.to_bits() } else { x.to_bits() });
        }
        Value::Boolean(b) => {
            hasher.write_u8(3);
            hasher.write_u8(u8::from(*b));
        }
        Value::Datetime(datetime) => {
            hasher.write_u8(4);
            datetime.to_string().hash(hasher);
        }
        Value::Array(items) => {
            hasher.write_u8(5);
            hasher.write_usize(items.len());
            for item in items {
                hash_value(hasher, item);
            }
        }
        Value::Table(table) => {
            hasher.write_u8(6);
            hash_entries(hasher, table_entries(table));
        }
        Value::Tables(tables) => {
            hasher.write_u8(7);
            hasher.write_usize(tables.len());
            for table in tables {
                hash_entries(hasher, table_entries(table));
            }
        }
        Value::Map(map) => {
            hasher.write_u8(8);
            hash_entries(hasher, map.iter().map(|(k, v)| (k.as_str(), v)));
        }
    }
}

pub(crate) struct Renderer<'a> {
    pub(crate) out: &'a mut String,
    /// The current table's header (`runners.docker`), keys quoted where needed, and where
    /// each of its keys starts: one buffer for every header, not a `String` per key.
    header: String,
    starts: Vec<usize>,
}

/// A table-like entry, written after the plain keys.
enum Child<'v> {
    Table(&'v Table),
    Tables(&'v [Table]),
    Map(&'v [(String, Value)]),
    /// A free-form array whose elements are all tables: `[[key]]` blocks.
    MapArray(&'v [Value]),
}

impl<'v> Child<'v> {
    fn of(value: &'v Value) -> Option<Child<'v>> {
        match value {
            Value::Table(t) => Some(Child::Table(t)),
            Value::Tables(ts) if !ts.is_empty() => Some(Child::Tables(ts)),
            Value::Map(m) => Some(Child::Map(m)),
            Value::Array(items) if !items.is_empty() && items.iter().all(|v| matches!(v, Value::Map(_))) => {
                Some(Child::MapArray(items))
            }
            _ => None,
        }
    }
}

impl<'a> Renderer<'a> {
    pub(crate) fn new(out: &'a mut String) -> Renderer<'a> {
        Renderer { out, header: String::new(), starts: Vec::new() }
    }

    /// How many tables deep the current one is.
    fn depth(&self) -> usize {
        self.starts.len()
    }

    fn indent(&mut self, level: usize) {
        const SPACES: &str = "                                ";
        let mut width = level * 2;
        while width > 0 {
            let run = width.min(SPACES.len());
            self.out.push_str(&SPACES[..run]);
            width -= run;
        }
    }

    /// `key = ` at the current table's indentation.
    pub(crate) fn key(&mut self, key: &str) {
        self.indent(self.depth());
        write_key(self.out, key);
        self.out.push_str(" = ");
    }

    /// Starts the next key of the header; the caller writes it.
    fn open_header(&mut self) {
        self.starts.push(self.header.len());
        if !self.header.is_empty() {
            self.header.push('.');
        }
    }

    fn push_header(&mut self, quoted: &str) {
        self.open_header();
        self.header.push_str(quoted);
    }

    fn table_body(&mut self, table: &Table) {
        let entries: Vec<(&str, &Value)> = table_entries(table).collect();
        self.entries(&entries);
    }

    pub(crate) fn entries(&mut self, entries: &[(&str, &Value)]) {
        for (key, value) in entries {
            if Child::of(value).is_none() {
                self.key(key);
                write_inline(self.out, value);
                self.out.push('\n');
            }
        }
        for (key, value) in entries {
            match Child::of(value) {
                Some(Child::Table(table)) => self.child(key, false, |r| r.table_body(table)),
                Some(Child::Tables(tables)) => {
                    for table in tables {
                        self.child(key, true, |r| r.table_body(table));
                    }
                }
                Some(Child::Map(map)) => self.child(key, false, |r| r.map_body(map)),
                Some(Child::MapArray(items)) => {
                    for item in items {
                        if let Value::Map(map) = item {
                            self.child(key, true, |r| r.map_body(map));
                        }
                    }
                }
                None => {}
            }
        }
    }

    pub(crate) fn map_body(&mut self, map: &[(String, Value)]) {
        let entries: Vec<(&str, &Value)> = map.iter().map(|(k, v)| (k.as_str(), v)).collect();
        self.entries(&entries);
    }

    /// Writes a blank line and the `[header]` (or `[[header]]`) of a sub-table, then its body.
    fn child(&mut self, key: &str, array: bool, body: impl FnOnce(&mut Self)) {
        self.open(key, array);
        body(self);
        self.close();
    }

    /// Writes a blank line and the `[header]` (or `[[header]]`) of a sub-table, whose body
    /// follows until `close`.
    pub(crate) fn open(&mut self, key: &str, array: bool) {
        self.open_header();
        write_key(&mut self.header, key);
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        self.indent(self.depth() - 1);
        let (open, close) = if array { ("[[", "]]") } else { ("[", "]") };
        self.out.push_str(open);
        self.out.push_str(&self.header);
        self.out.push_str(close);
        self.out.push('\n');
    }

    /// Back to the table around the one `open` started.
    pub(crate) fn close(&mut self) {
        let start = self.starts.pop().unwrap_or(0);
        self.header.truncate(start);
    }
}

/// A value written after `key = `, on one line.
pub(crate) fn write_inline(out: &mut String, value: &Value) {
    match value {
        Value::String(s) => escape::write_basic_string(out, s).expect("writing to a String"),
        Value::Integer(n) => write!(out, "{n}").expect("writing to a String"),
        Value::Float(x) => write_float(out, *x),
        Value::Boolean(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Datetime(d) => write!(out, "{d}").expect("writing to a String"),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_inline(out, item);
            }
            out.push(']');
        }
        // Sub-tables are written as headers; these meet an empty array of tables, or one
        // that replaces an array of inline tables.
        Value::Tables(tables) => {
            out.push('[');
            for (i, table) in tables.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_inline_table(out, table_entries(table));
            }
            out.push(']');
        }
        Value::Table(table) => write_inline_table(out, table_entries(table)),
        Value::Map(map) => write_inline_table(out, map.iter().map(|(k, v)| (k.as_str(), v))),
    }
}

fn table_entries(table: &Table) -> impl Iterator<Item = (&str, &Value)> {
    let known = table.fields().map(|(f, v)| (f.key, v));
    known.chain(table.unknown().iter().map(|(k, v)| (k.as_str(), v)))
}

fn write_inline_table<'v>(out: &mut String, entries: impl Iterator<Item = (&'v str, &'v Value)>) {
    let mut empty = true;
    for (key, value) in entries {
        out.push_str(if empty { "{ " } else { ", " });
        empty = false;
        write_key(out, key);
        out.push_str(" = ");
        write_inline(out, value);
    }
    out.push_str(if empty { "{}" } else { " }" });
}

fn write_float(out: &mut String, x: f64) {
    if x.is_nan() {
        out.push_str("nan");
    } else if x.is_infinite() {
        out.push_str(if x > 0.0 { "inf" } else { "-inf" });
    } else {
        // Debug always keeps a fraction or an exponent ("1.0", "1e-7"), as TOML floats need.
        write!(out, "{}", crate::float::Literal(x)).expect("writing to a String");
    }
}

pub(crate) fn write_key(out: &mut String, key: &str) {
    escape::write_key(out, key).expect("writing to a String");
}
