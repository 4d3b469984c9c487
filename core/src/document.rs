//! The typed document: tables that know their schema, holding only the keys that were set.

pub use toml::value::Datetime;

use crate::schema::handle::Handle;
use crate::schema::{Field, Kind, Struct};

/// An RFC 3339 datetime from its text, as every face reads one.
pub fn parse_datetime(text: &str) -> Result<Datetime, String> {
    text.parse().map_err(|_| format!("{} is not an RFC 3339 datetime", crate::escape::quoted(text)))
}

/// A datetime every reader of the rendered file agrees on: seconds written out (TOML 1.1 lets
/// them be left out, TOML 1.0 readers such as Python's tomllib reject that), no leap second
/// (gitlab-runner's Go `time.Parse` rejects second 60), no year 0 (beyond what TOML 1.0
/// readers and Python's `datetime` hold).
pub fn portable_datetime(mut datetime: Datetime) -> Result<Datetime, String> {
    if let Some(time) = datetime.time.as_mut() {
        match time.second {
            None => time.second = Some(0),
            Some(60) => return Err("a leap second (second 60) is not accepted by gitlab-runner".into()),
            Some(_) => {}
        }
    }
    if datetime.date.is_some_and(|date| date.year == 0) {
        return Err("year 0000 is out of range (the first year TOML readers accept is 0001)".into());
    }
    Ok(datetime)
}

/// A value in a config, already checked against its field's kind.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    String(String),
    Integer(i64),
    Float(f64),
    Boolean(bool),
    Datetime(Datetime),
    /// Scalars (or, inside free-form values, anything).
    Array(Vec<Value>),
    Table(Table),
    Tables(Vec<Table>),
    /// A free-form table: keys as the user wrote them, in the user's order.
    Map(Vec<(String, Value)>),
}

impl Value {
    /// Whether this value can be the value of a field of `kind`, as the decoder makes them.
    pub fn fits(&self, kind: Kind) -> bool {
        let all = |items: &[Value], item: fn(&Value) -> bool| items.iter().all(item);
        match (kind, self) {
            (Kind::String, Value::String(_))
            | (Kind::Integer, Value::Integer(_))
            | (Kind::Float, Value::Float(_))
            | (Kind::Boolean, Value::Boolean(_))
            | (Kind::Duration, Value::String(_) | Value::Integer(_))
            | (Kind::Datetime, Value::Datetime(_))
            | (Kind::StringOrStrings, Value::String(_))
            | (Kind::Map(_), Value::Map(_)) => true,
            (Kind::StringOrStrings | Kind::Strings, Value::Array(items)) => {
                all(items, |v| matches!(v, Value::String(_)))
            }
            (Kind::Integers, Value::Array(items)) => all(items, |v| matches!(v, Value::Integer(_))),
            (Kind::Floats, Value::Array(items)) => all(items, |v| matches!(v, Value::Float(_))),
            (Kind::Table(schema), Value::Table(table)) => table.schema == schema,
            (Kind::Tables(schema), Value::Tables(tables)) => tables.iter().all(|t| t.schema == schema),
            _ => false,
        }
    }
}

/// A table of the schema with the keys that were set, in canonical order.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    schema: &'static Struct,
    /// (field position, value), sorted by position so iteration is render order.
    entries: Vec<(usize, Value)>,
    /// Keys the schema does not know, kept verbatim (lenient parsing), in source order.
    unknown: Vec<(String, Value)>,
}

impl Table {
    pub fn new(schema: &'static Struct) -> Table {
        Table { schema, entries: Vec::new(), unknown: Vec::new() }
    }

    pub fn schema(&self) -> &'static Struct {
        self.schema
    }

    /// Sets the field at `position` in the schema's field list (replacing any earlier value).
    pub fn insert(&mut self, position: usize, value: Value) {
        match self.entries.binary_search_by_key(&position, |(p, _)| *p) {
            Ok(i) => self.entries[i].1 = value,
            Err(i) => self.entries.insert(i, (position, value)),
        }
    }

    /// Sets a field by its TOML key, exactly as the schema spells it; false (and nothing set)
    /// when the schema has no such key or the value is not of the field's kind.
    pub fn set(&mut self, key: &str, value: Value) -> bool {
        match self.schema.field_by_exact_key(key) {
            Some(position) if value.fits(self.schema.fields[position].kind) => {
                self.insert(position, value);
                true
            }
            _ => false,
        }
    }

    /// The value of a field by its TOML key, exactly as the schema spells it.
    pub fn get(&self, key: &str) -> Option<&Value> {
        let position = self.schema.field_by_exact_key(key)?;
        self.entries.iter().find(|(p, _)| *p == position).map(|(_, v)| v)
    }

    /// The value of the field a handle names, in a table of the handle's struct.
    pub fn value(&self, handle: &Handle) -> Option<&Value> {
        debug_assert!(handle.table == self.schema, "{} read from a {}", handle.key, self.schema.class);
        self.get(handle.key)
    }

    pub fn insert_unknown(&mut self, key: String, value: Value) {
        self.unknown.push((key, value));
    }

    /// The positions in the schema's field list of the fields that are set, and their values.
    pub(crate) fn entries(&self) -> &[(usize, Value)] {
        &self.entries
    }

    /// The fields that are set, in canonical order.
    pub fn fields(&self) -> impl Iterator<Item = (&'static Field, &Value)> {
        let fields = self.schema.fields;
        self.entries.iter().map(move |(p, v)| (&fields[*p], v))
    }

    pub fn unknown(&self) -> &[(String, Value)] {
        &self.unknown
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty() && self.unknown.is_empty()
    }
}
