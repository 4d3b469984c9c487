//! JSON in the shape of the TOML (keys as gitlab-runner spells them), as kept in secret stores
//! and produced by `convert --to json`. Datetimes are RFC 3339 strings; durations stay strings.

use std::borrow::Cow;
use std::convert::Infallible;

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
    let value: Json = serde_json::from_str(text).map_err(|e| {
        let message = format!("invalid JSON: {e}");
        vec![Error::new(ErrorKind::Syntax, KeyPath::root(), message)]
    })?;
    // serde_json keeps the last of two equal keys; the engine's own JSON reader refuses them.
    crate::js_json::read(text)
        .map_err(|e| vec![Error::new(ErrorKind::DuplicateKey, KeyPath::root(), format!("invalid JSON: {e}"))])?;
    Ok(value)
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
