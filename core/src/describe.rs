//! How a key is described to people in an editor: its kind in words, its default as TOML, a
//! placeholder value to start from. Shared by completion and hover.

use crate::schema::{since_along, DefaultValue, Field, Kind, Version};

/// The kind of a key's value, in words.
pub fn kind(field: &Field) -> &'static str {
    match field.kind {
        Kind::String => "string",
        Kind::Integer => "integer",
        Kind::Float => "float",
        Kind::Boolean => "bool",
        Kind::Duration => "duration",
        Kind::Datetime => "datetime",
        Kind::StringOrStrings => "string or array of strings",
        Kind::Strings => "array of strings",
        Kind::Integers => "array of integers",
        Kind::Floats => "array of floats",
        Kind::Map(_) => "table of values",
        Kind::Table(_) => "table",
        Kind::Tables(_) => "array of tables",
    }
}

/// gitlab-runner's default, as TOML would write it.
pub fn default(field: &Field) -> Option<String> {
    match field.default {
        DefaultValue::None => None,
        DefaultValue::Bool(b) => Some(b.to_string()),
        DefaultValue::Int(n) => Some(n.to_string()),
        DefaultValue::Real(x) => Some(crate::float::Literal(x).to_string()),
        DefaultValue::Str(s) => Some(crate::escape::quoted(s)),
        DefaultValue::List(items) => {
            Some(format!("[{}]", items.iter().map(|s| crate::escape::quoted(s)).collect::<Vec<_>>().join(", ")))
        }
    }
}

/// A value to start from when the key is added: its default, or an empty value of its kind.
pub fn placeholder(field: &Field) -> String {
    if let Some(default) = default(field) {
        return default;
    }
    match field.kind {
        Kind::String | Kind::Duration | Kind::StringOrStrings => "\"\"".into(),
        Kind::Integer => "0".into(),
        Kind::Float => "0.0".into(),
        Kind::Boolean => "false".into(),
        Kind::Datetime => "2025-01-01T00:00:00Z".into(),
        Kind::Strings | Kind::Integers | Kind::Floats | Kind::Tables(_) => "[]".into(),
        Kind::Map(_) | Kind::Table(_) => "{}".into(),
    }
}

/// The first gitlab-runner release that reads the key at the end of `chain` (the fields from
/// the root down to it); `None` when it is as old as the oldest release on record.
pub fn since(chain: &[&Field]) -> Option<Version> {
    Some(since_along(chain)).filter(|&since| since > Version::OLDEST)
}
