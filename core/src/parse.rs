//! config.toml text to a typed [`Table`].

use std::borrow::Cow;

use crate::decode::{decode_config, UnknownKeys};
use crate::document::{Datetime, Table, Value};
use crate::error::{Error, ErrorKind, Position};
use crate::input::{Duration, Input, Integer, Member, NotATable};
use crate::path::KeyPath;
use crate::schema::Struct;

/// Parses config.toml text and checks it against the schema.
pub fn parse(text: &str, unknown: UnknownKeys) -> Result<Table, Vec<Error>> {
    let root: toml::Table = toml::from_str(text).map_err(|e| vec![syntax_error(text, &e)])?;
    decode_config(&TomlValue::Table(&root), unknown)
}

fn syntax_error(text: &str, error: &toml::de::Error) -> Error {
    let mut result = Error::new(ErrorKind::Syntax, KeyPath::root(), error.message().trim_end().to_owned());
    if let Some(span) = error.span() {
        let before = &text[..span.start.min(text.len())];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        result.position = Some(Position { line, column });
    }
    result
}

/// Parsed TOML as decoder input: a borrowed root table or value.
#[derive(Clone, Copy)]
enum TomlValue<'a> {
    Table(&'a toml::Table),
    Other(&'a toml::Value),
}

impl<'a> TomlValue<'a> {
    fn value(&self) -> Option<&'a toml::Value> {
        match *self {
            TomlValue::Other(v) => Some(v),
            TomlValue::Table(_) => None,
        }
    }

    fn entries(&self) -> Option<Vec<(String, TomlValue<'a>)>> {
        let table = match *self {
            TomlValue::Table(t) => t,
            TomlValue::Other(toml::Value::Table(t)) => t,
            TomlValue::Other(_) => return None,
        };
        Some(table.iter().map(|(k, v)| (k.clone(), TomlValue::Other(v))).collect())
    }
}

impl<'a> Input for TomlValue<'a> {
    fn type_name(&self) -> Cow<'static, str> {
        Cow::Borrowed(match self.value() {
            None | Some(toml::Value::Table(_)) => "table",
            Some(toml::Value::String(_)) => "string",
            Some(toml::Value::Integer(_)) => "integer",
            Some(toml::Value::Float(_)) => "float",
            Some(toml::Value::Boolean(_)) => "bool",
            Some(toml::Value::Datetime(_)) => "datetime",
            Some(toml::Value::Array(_)) => "array",
        })
    }

    fn as_str(&self) -> Option<Cow<'_, str>> {
        self.value()?.as_str().map(Cow::Borrowed)
    }

    fn as_bool(&self) -> Option<bool> {
        self.value()?.as_bool()
    }

    fn as_integer(&self) -> Option<Integer> {
        self.value()?.as_integer().map(Integer::Fits)
    }

    fn as_float(&self) -> Option<f64> {
        match self.value()? {
            toml::Value::Float(x) => Some(*x),
            toml::Value::Integer(n) => Some(*n as f64),
            _ => None,
        }
    }

    fn as_datetime(&self) -> Option<Result<Datetime, String>> {
        self.value()?.as_datetime().map(|d| Ok(*d))
    }

    fn as_duration(&self) -> Option<Duration> {
        match self.value()? {
            toml::Value::String(s) => Some(Duration::Text(s.clone())),
            toml::Value::Integer(n) => Some(Duration::Nanos(*n)),
            _ => None,
        }
    }

    fn as_array(&self) -> Option<Vec<TomlValue<'a>>> {
        let items = self.value()?.as_array()?;
        Some(items.iter().map(TomlValue::Other).collect())
    }

    fn as_map(&self) -> Option<Vec<(String, TomlValue<'a>)>> {
        self.entries()
    }

    fn as_table(&self, schema: &'static Struct) -> Result<Vec<(Member, TomlValue<'a>)>, NotATable> {
        let entries = self.entries().ok_or(NotATable::WrongType)?;
        Ok(entries
            .into_iter()
            .map(|(key, value)| {
                let member = match schema.field_by_key(&key) {
                    Some(position) => Member::Field(position),
                    None => Member::Unknown(key),
                };
                (member, value)
            })
            .collect())
    }

    fn to_any(&self) -> Result<Value, String> {
        Ok(match self {
            TomlValue::Table(t) => any_table(t),
            TomlValue::Other(v) => any(v),
        })
    }
}

fn any_table(table: &toml::Table) -> Value {
    Value::Map(table.iter().map(|(k, v)| (k.clone(), any(v))).collect())
}

fn any(value: &toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s.clone()),
        toml::Value::Integer(n) => Value::Integer(*n),
        toml::Value::Float(x) => Value::Float(*x),
        toml::Value::Boolean(b) => Value::Boolean(*b),
        toml::Value::Datetime(d) => Value::Datetime(*d),
        toml::Value::Array(items) => Value::Array(items.iter().map(any).collect()),
        toml::Value::Table(t) => any_table(t),
    }
}
