//! JSON in the shape of the TOML (keys as gitlab-runner spells them), as kept in secret stores
//! and produced by `convert --to json`. Datetimes are RFC 3339 strings; durations stay strings.

use std::borrow::Cow;
use std::cell::Cell;
use std::convert::Infallible;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess};

use serde_json::{Map, Number, Value as Json};

use crate::document::{Datetime, Table};
use crate::error::{Error, ErrorKind};
use crate::input::{Entry, Input, Integer, NotATable};
use crate::path::KeyPath;
use crate::schema::Struct;
use crate::visit::{self, Entries, Items, Visitor};

/// JSON text as a value. A key written twice in one object is an error (JSON readers keep
/// either one, so the config would depend on the reader); other errors carry the line and
/// column.
pub fn from_text(text: &str) -> Result<Json, Vec<Error>> {
    let twice = Cell::new(false);
    let mut reader = serde_json::Deserializer::from_str(text);
    let read = Unique(&twice).deserialize(&mut reader).and_then(|value| reader.end().map(|()| value));
    let value = read.map_err(|e| {
        let message = format!("invalid JSON: {e}");
        vec![Error::new(ErrorKind::Syntax, KeyPath::root(), message)]
    })?;
    if twice.get() {
        // Read again only then, by the engine's own JSON reader, which says which key and where.
        let why = crate::js_json::read(text).err().unwrap_or_else(|| "a key written twice".to_owned());
        return Err(vec![Error::new(ErrorKind::DuplicateKey, KeyPath::root(), format!("invalid JSON: {why}"))]);
    }
    Ok(value)
}

/// Reads a JSON value as serde_json's own `Value` does, noting in the cell when an object
/// holds a key twice (serde_json keeps the last): one pass over the text when it does not.
#[derive(Clone, Copy)]
struct Unique<'a>(&'a Cell<bool>);

impl<'de> DeserializeSeed<'de> for Unique<'_> {
    type Value = Json;

    fn deserialize<D: Deserializer<'de>>(self, reader: D) -> Result<Json, D::Error> {
        reader.deserialize_any(self)
    }
}

impl<'de> de::Visitor<'de> for Unique<'_> {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_bool<E>(self, b: bool) -> Result<Json, E> {
        Ok(Json::Bool(b))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Json, E> {
        Ok(Json::Number(n.into()))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Json, E> {
        Ok(Json::Number(n.into()))
    }

    fn visit_f64<E>(self, x: f64) -> Result<Json, E> {
        Ok(Number::from_f64(x).map_or(Json::Null, Json::Number))
    }

    fn visit_str<E>(self, text: &str) -> Result<Json, E> {
        Ok(Json::String(text.to_owned()))
    }

    fn visit_string<E>(self, text: String) -> Result<Json, E> {
        Ok(Json::String(text))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Json, A::Error> {
        let mut array = Vec::with_capacity(items.size_hint().unwrap_or(0));
        while let Some(item) = items.next_element_seed(self)? {
            array.push(item);
        }
        Ok(Json::Array(array))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut entries: A) -> Result<Json, A::Error> {
        let mut object = Map::new();
        while let Some(key) = entries.next_key::<String>()? {
            let value = entries.next_value_seed(self)?;
            if object.insert(key, value).is_some() {
                self.0.set(true);
            }
        }
        Ok(Json::Object(object))
    }
}

/// JSON as decoder input.
#[derive(Clone, Copy)]
pub struct JsonValue<'a>(pub &'a Json);

impl<'a> Input for JsonValue<'a> {
    fn type_name(&self) -> Cow<'static, str> {
        Cow::Borrowed(match self.0 {
            Json::Null => "null",
            Json::Bool(_) => "boolean",
            Json::Number(n) if n.is_i64() || n.is_u64() => "integer",
            Json::Number(_) => "number",
            Json::String(_) => "string",
            Json::Array(_) => "array",
            Json::Object(_) => "object",
        })
    }

    fn as_str(&self) -> Option<Cow<'_, str>> {
        self.0.as_str().map(Cow::Borrowed)
    }

    fn as_bool(&self) -> Option<bool> {
        self.0.as_bool()
    }

    fn as_integer(&self) -> Option<Integer> {
        let Json::Number(n) = self.0 else { return None };
        if let Some(i) = n.as_i64() {
            return Some(Integer::Fits(i));
        }
        // Beyond u64, JSON parsers hand over a whole number as a float.
        let whole_beyond_i64 = n.is_u64() || n.as_f64().is_some_and(|x| x.fract() == 0.0 && x.abs() >= 9.2e18);
        whole_beyond_i64.then_some(Integer::TooLarge)
    }

    fn as_float(&self) -> Option<f64> {
        self.0.as_f64()
    }

    fn as_array(&self) -> Option<Vec<Self>> {
        Some(self.0.as_array()?.iter().map(JsonValue).collect())
    }

    fn as_map(&self) -> Option<Vec<(String, Self)>> {
        Some(self.0.as_object()?.iter().map(|(k, v)| (k.clone(), JsonValue(v))).collect())
    }

    fn as_table(&self, schema: &'static Struct) -> Result<Vec<Entry<Self>>, NotATable> {
        let object = self.0.as_object().ok_or(NotATable::WrongType)?;
        Ok(object.iter().map(|(key, value)| Entry::keyed(schema, key, JsonValue(value), None)).collect())
    }
}

/// A table as JSON in the TOML shape. Non-finite floats, which JSON cannot hold, become null.
pub fn to_json(table: &Table) -> Json {
    visit::walk(table, &mut ToJson).unwrap_or_else(|never| match never {})
}

struct ToJson;

impl Visitor<'_> for ToJson {
    type Out = Json;
    type Error = Infallible;

    fn string(&mut self, text: &str) -> Result<Json, Infallible> {
        Ok(Json::String(text.to_owned()))
    }

    fn integer(&mut self, n: i64) -> Result<Json, Infallible> {
        Ok(Json::Number(n.into()))
    }

    fn float(&mut self, x: f64) -> Result<Json, Infallible> {
        Ok(Number::from_f64(x).map_or(Json::Null, Json::Number))
    }

    fn boolean(&mut self, b: bool) -> Result<Json, Infallible> {
        Ok(Json::Bool(b))
    }

    fn datetime(&mut self, datetime: &Datetime) -> Result<Json, Infallible> {
        Ok(Json::String(datetime.to_string()))
    }

    fn array(&mut self, items: Items<'_>) -> Result<Json, Infallible> {
        items.map(|item| item.walk(self)).collect::<Result<_, _>>().map(Json::Array)
    }

    fn table(&mut self, entries: Entries<'_>) -> Result<Json, Infallible> {
        let mut object = Map::new();
        for (key, node) in entries {
            object.insert(key.as_str().to_owned(), node.walk(self)?);
        }
        Ok(Json::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> String {
        let errors = from_text(text).unwrap_err();
        errors.iter().map(|e| format!("{:?}: {}", e.kind, e.message)).collect()
    }

    #[test]
    fn a_key_written_twice_is_said_where_the_engines_reader_finds_it() {
        assert_eq!(
            error(r#"{"a": {"b": 1, "b": 2}, "a": 3}"#),
            r#"DuplicateKey: invalid JSON: key "b" written twice at byte 22"#
        );
        // Text that is not JSON at all is said first, as serde_json says it.
        assert_eq!(error(r#"{"a": 1, "a": 2} x"#), "Syntax: invalid JSON: trailing characters at line 1 column 18");
        let read = from_text(r#"{"a": [1, -2, 2.5, 18446744073709551615, "x", null, true, {}]}"#).unwrap();
        assert_eq!(read.to_string(), r#"{"a":[1,-2,2.5,18446744073709551615,"x",null,true,{}]}"#);
    }
}
