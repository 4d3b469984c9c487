//! Turns any [`Input`] into a typed [`Table`], checking every value against the schema and
//! collecting every problem with its key path.

use std::borrow::Cow;

use crate::code::Code;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{portable_datetime, Table, Value};
use crate::duration;
use crate::error::{Error, ErrorKind, Range};
use crate::input::{Duration, DynInput, Entry, Input, Integer, Member, NotATable};
use crate::path::KeyPath;
use crate::schema::{Field, Kind, MapOf, Struct};
use crate::suggest;

/// What to do with keys the schema does not know.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnknownKeys {
    /// Report each as an error.
    Reject,
    /// Keep them, verbatim, to be written back (each is still reported, as a warning).
    Keep,
}

impl UnknownKeys {
    /// The faces' `strict` option: true rejects, false keeps.
    pub fn from_strict(strict: bool) -> UnknownKeys {
        if strict {
            UnknownKeys::Reject
        } else {
            UnknownKeys::Keep
        }
    }
}

/// What decoding found: the table with every value that could be read, every error, and
/// warnings about values that were read but are probably not what was meant.
pub struct Decoded {
    pub table: Table,
    pub errors: Vec<Error>,
    pub warnings: Vec<Diagnostic>,
}

impl Decoded {
    /// The table when nothing was wrong, else every error.
    pub fn into_result(self) -> Result<Table, Vec<Error>> {
        if self.errors.is_empty() {
            Ok(self.table)
        } else {
            Err(self.errors)
        }
    }
}

/// Decodes one table of the given struct; paths in errors start at that table.
pub fn decode<I: Input>(schema: &'static Struct, input: &I, unknown: UnknownKeys) -> Decoded {
    let mut decoder = Decoder::new(unknown);
    let table = decoder.table(schema, input).unwrap_or_else(|| Table::new(schema));
    let mut errors = decoder.errors;
    if decoder.omitted > 0 {
        let message = format!("{} more problems not shown (only the first {MOST_REPORTED} are)", decoder.omitted);
        errors.push(Error::new(ErrorKind::Omitted, KeyPath::root(), message));
    }
    Decoded { table, errors, warnings: decoder.warnings }
}

/// The most errors (and, apart, warnings) one call reports: a million bad list items must not
/// make a message of many megabytes. The rest are counted.
pub const MOST_REPORTED: usize = 100;

/// Decodes one table, failing on any error.
pub fn decode_struct<I: Input>(schema: &'static Struct, input: &I, unknown: UnknownKeys) -> Result<Table, Vec<Error>> {
    decode(schema, input, unknown).into_result()
}

/// Decodes the root table (a whole config.toml), failing on any error.
pub fn decode_config<I: Input>(input: &I, unknown: UnknownKeys) -> Result<Table, Vec<Error>> {
    decode_struct(crate::schema::ROOT, input, unknown)
}

pub(crate) struct Decoder {
    unknown: UnknownKeys,
    errors: Vec<Error>,
    warnings: Vec<Diagnostic>,
    /// Errors and warnings past `MOST_REPORTED`.
    omitted: usize,
    path: Trail,
}

/// The decoder's current key path, cheap on the way down: the schema's keys are borrowed, and
/// a `KeyPath` is built only for an error or a warning.
#[derive(Default)]
struct Trail(Vec<Step>);

enum Step {
    Field(&'static str),
    Key(String),
    Index(usize),
}

impl Trail {
    fn push_field(&mut self, key: &'static str) {
        self.0.push(Step::Field(key));
    }

    fn push_key(&mut self, key: &str) {
        self.0.push(Step::Key(key.to_owned()));
    }

    fn push_index(&mut self, index: usize) {
        self.0.push(Step::Index(index));
    }

    fn pop(&mut self) {
        self.0.pop();
    }

    fn to_path(&self) -> KeyPath {
        let mut path = KeyPath::root();
        for step in &self.0 {
            match step {
                Step::Field(key) => path.push_key(key),
                Step::Key(key) => path.push_key(key),
                Step::Index(index) => path.push_index(*index),
            }
        }
        path
    }
}

impl Decoder {
    pub(crate) fn new(unknown: UnknownKeys) -> Decoder {
        Decoder { unknown, errors: Vec::new(), warnings: Vec::new(), omitted: 0, path: Trail::default() }
    }

    /// Whether any error was found.
    pub(crate) fn failed(&self) -> bool {
        !self.errors.is_empty() || self.omitted > 0
    }

    /// Records an error at the current path; the error, unless it is past `MOST_REPORTED`.
    fn fail_at(&mut self, kind: ErrorKind, range: Option<Range>, message: impl Into<String>) -> Option<&mut Error> {
        if self.errors.len() >= MOST_REPORTED {
            self.omitted += 1;
            return None;
        }
        let mut error = Error::new(kind, self.path.to_path(), message);
        error.range = range;
        self.errors.push(error);
        self.errors.last_mut()
    }

    fn warn_at(&mut self, code: Code, range: Option<Range>, message: String, suggestion: Option<&'static str>) {
        if self.warnings.len() >= MOST_REPORTED {
            self.omitted += 1;
            return;
        }
        let mut warning = Diagnostic::new(code, self.path.to_path(), message);
        // An unknown key kept on purpose (lenient mode) is said, not refused.
        warning.severity = Severity::Warning;
        warning.range = range;
        warning.suggestion = suggestion;
        self.warnings.push(warning);
    }

    fn fail(&mut self, input: &dyn DynInput, kind: ErrorKind, message: impl Into<String>) {
        self.fail_at(kind, input.position(), message);
    }

    fn type_error(&mut self, expected: &str, input: &dyn DynInput) {
        self.fail(input, ErrorKind::Type, format!("expected {expected}, got {}", input.type_name()));
    }

    fn table(&mut self, schema: &'static Struct, input: &dyn DynInput) -> Option<Table> {
        let mut table = Table::new(schema);
        // The key each field was first written as: a second spelling of it is an error.
        let mut written: Vec<(usize, Cow<'static, str>)> = Vec::new();
        let read = input.table_entries(schema, &mut |entry| self.entry(schema, &mut table, &mut written, entry));
        match read {
            Ok(()) => Some(table),
            Err(NotATable::WrongType) => {
                self.type_error(&format!("table ({})", schema.class), input);
                None
            }
            Err(NotATable::OtherStruct(other)) => {
                self.fail(input, ErrorKind::Type, format!("expected {}, got {other}", schema.class));
                None
            }
        }
    }

    /// One entry of a table; `written` holds the key each field was first written as.
    fn entry(
        &mut self,
        schema: &'static Struct,
        table: &mut Table,
        written: &mut Vec<(usize, Cow<'static, str>)>,
        entry: Entry<&dyn DynInput>,
    ) {
        if let Member::Field(position) | Member::FoldedField(position) = entry.member {
            if let Some((_, first)) = written.iter().find(|(p, _)| *p == position) {
                self.path.push_key(&entry.key);
                let message = format!(
                    "written twice in this table, as {} and {}: gitlab-runner would keep either, depending on map order",
                    crate::escape::quoted(first),
                    crate::escape::quoted(&entry.key)
                );
                self.fail_at(ErrorKind::DuplicateKey, entry.position, message);
                self.path.pop();
                return;
            }
        }
        match entry.member {
            Member::Field(position) => {
                self.set_field(table, position, entry.value);
                written.push((position, entry.key));
            }
            Member::FoldedField(position) => {
                let field = &schema.fields[position];
                self.path.push_field(field.key);
                let message = format!(
                    "written as {}; gitlab-runner matches it ignoring letter case, but spells it {}",
                    crate::escape::quoted(&entry.key),
                    field.key
                );
                self.warn_at(Code::KeyCase, entry.position, message, Some(field.key));
                self.path.pop();
                self.set_field(table, position, entry.value);
                written.push((position, entry.key));
            }
            Member::Unknown => self.unknown_key(schema, table, entry, false),
            Member::Kept => self.unknown_key(schema, table, entry, true),
            Member::Invalid(why) => {
                self.path.push_key(&entry.key);
                self.fail_at(ErrorKind::Type, entry.position, why);
                self.path.pop();
            }
        }
    }

    fn set_field(&mut self, table: &mut Table, position: usize, input: &dyn DynInput) {
        let field = &table.schema().fields[position];
        self.path.push_field(field.key);
        if let Some(value) = self.field(field, input) {
            table.insert(position, value);
        }
        self.path.pop();
    }

    /// A key the schema does not know: an error, or kept with a warning (lenient mode, or
    /// `kept_before` by a lenient parse of the text the input came from).
    fn unknown_key(
        &mut self,
        schema: &'static Struct,
        table: &mut Table,
        entry: Entry<&dyn DynInput>,
        kept_before: bool,
    ) {
        if crate::schema::removed_key(schema, &entry.key).is_some() {
            // Kept whatever the mode: whether gitlab-runner reads it depends on its release,
            // which the checks know (validate/versions.rs).
            self.kept_key(table, entry);
            return;
        }
        let (message, suggestion) = suggest::unknown_key(schema, &entry.key, entry.value.names_fields());
        self.path.push_key(&entry.key);
        match self.unknown {
            UnknownKeys::Reject if !kept_before => {
                if let Some(error) = self.fail_at(ErrorKind::UnknownKey, entry.position, message) {
                    error.suggestion = suggestion;
                }
            }
            // Kept, but said: a typo must not pass unnoticed because the mode is lenient (or
            // was, when the input was parsed).
            _ => self.warn_at(Code::UnknownKey, entry.position, message, suggestion),
        }
        self.path.pop();
        if self.unknown == UnknownKeys::Keep || kept_before {
            self.kept_key(table, entry);
        }
    }

    fn kept_key(&mut self, table: &mut Table, entry: Entry<&dyn DynInput>) {
        match entry.value.to_any() {
            Ok(value) => table.insert_unknown(entry.key.into_owned(), value),
            Err(message) => {
                self.path.push_key(&entry.key);
                self.fail(entry.value, ErrorKind::Type, message);
                self.path.pop();
            }
        }
    }

    pub(crate) fn field(&mut self, field: &'static Field, input: &dyn DynInput) -> Option<Value> {
        match field.kind {
            Kind::String => self.string(input),
            Kind::Integer => self.integer(input),
            Kind::Float => self.float(input),
            Kind::Boolean => self.boolean(input),
            Kind::Duration => self.duration(field, input),
            Kind::Datetime => self.datetime(input),
            Kind::StringOrStrings if input.is_array() => self.array(input, Decoder::string),
            Kind::StringOrStrings if input.as_str().is_some() => self.string(input),
            Kind::StringOrStrings => {
                self.type_error("string or array of strings", input);
                None
            }
            Kind::Strings => self.array(input, Decoder::string),
            Kind::Integers => self.array(input, Decoder::integer),
            Kind::Floats => self.array(input, Decoder::float),
            Kind::Map(of) => self.map(of, input),
            Kind::Table(schema) => self.table(schema, input).map(Value::Table),
            Kind::Tables(schema) => {
                let mut tables = Vec::new();
                let read = input.items(&mut |i, item| {
                    self.path.push_index(i);
                    if let Some(table) = self.table(schema, item) {
                        tables.push(table);
                    }
                    self.path.pop();
                });
                if !read {
                    self.type_error(&format!("array of tables ({})", schema.class), input);
                    return None;
                }
                Some(Value::Tables(tables))
            }
        }
    }

    fn string(&mut self, input: &dyn DynInput) -> Option<Value> {
        self.read(input, "string", input.as_str()).map(|text| Value::String(text.into_owned()))
    }

    /// What the input gave when read as the kind expected (`read`), or a type error.
    fn read<T>(&mut self, input: &dyn DynInput, expected: &str, read: Option<T>) -> Option<T> {
        if read.is_none() {
            self.type_error(expected, input);
        }
        read
    }

    fn integer(&mut self, input: &dyn DynInput) -> Option<Value> {
        let message = match self.read(input, "integer", input.as_integer())? {
            Integer::Fits(n) => return Some(Value::Integer(n)),
            Integer::TooLarge => "integer out of range (TOML integers are 64-bit)",
            Integer::Imprecise => "integer beyond 2^53 has lost precision as a JavaScript number; pass a BigInt",
        };
        self.fail(input, ErrorKind::Value, message);
        None
    }

    fn float(&mut self, input: &dyn DynInput) -> Option<Value> {
        let x = self.read(input, "float", input.as_float())?;
        if x.is_nan() {
            self.fail(input, ErrorKind::Value, "NaN is not a number gitlab-runner can use");
            return None;
        }
        Some(Value::Float(x))
    }

    fn boolean(&mut self, input: &dyn DynInput) -> Option<Value> {
        self.read(input, "bool", input.as_bool()).map(Value::Boolean)
    }

    fn duration(&mut self, field: &Field, input: &dyn DynInput) -> Option<Value> {
        let text = match self.read(input, "duration string such as \"15m\"", input.as_duration())? {
            Duration::Text(text) => text,
            Duration::Nanos(n) => return Some(Value::Integer(n)),
        };
        if let Err(why) = duration::check(&text) {
            let shown = if field.secret { String::new() } else { format!(" {}", crate::escape::quoted(&text)) };
            let message = format!("invalid duration{shown}: {why} (Go syntax, e.g. \"1h30m\")");
            self.fail(input, ErrorKind::Value, message);
            return None;
        }
        Some(Value::String(text))
    }

    fn datetime(&mut self, input: &dyn DynInput) -> Option<Value> {
        match self.read(input, "datetime", input.as_datetime())?.and_then(portable_datetime) {
            Ok(datetime) => Some(Value::Datetime(datetime)),
            Err(why) => {
                self.fail(input, ErrorKind::Value, format!("invalid datetime: {why}"));
                None
            }
        }
    }

    /// An array whose items are each read by `item`.
    fn array(&mut self, input: &dyn DynInput, item: fn(&mut Self, &dyn DynInput) -> Option<Value>) -> Option<Value> {
        let mut values = Vec::new();
        let read = input.items(&mut |i, element| {
            self.path.push_index(i);
            if let Some(value) = item(self, element) {
                values.push(value);
            }
            self.path.pop();
        });
        self.read(input, "array", read.then_some(Value::Array(values)))
    }

    fn map(&mut self, of: MapOf, input: &dyn DynInput) -> Option<Value> {
        let mut values = Vec::new();
        let read = input.map_entries(&mut |key, value| {
            self.path.push_key(&key);
            let checked = match of {
                MapOf::String => self.string(value),
                MapOf::Boolean => self.boolean(value),
                MapOf::Integer => self.integer(value),
                MapOf::Strings => self.array(value, Decoder::string),
                MapOf::Any => match value.to_any() {
                    Ok(any) => Some(any),
                    Err(message) => {
                        self.fail(value, ErrorKind::Type, message);
                        None
                    }
                },
            };
            if let Some(checked) = checked {
                values.push((key, checked));
            }
            self.path.pop();
        });
        self.read(input, "table", read.then_some(Value::Map(values)))
    }
}
