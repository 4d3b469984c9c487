//! The JSON Schema (draft 2020-12) of config.toml, built from the schema: each key's
//! description, default, allowed values and deprecation, for editors (taplo / Even Better TOML
//! through `#:schema`), the CLI's `schema` command and the wasm face's `schema()`. Built on
//! demand rather than embedded, so the descriptions are not carried twice.

use std::fmt::Write;

use crate::schema::{self, DefaultValue, Field, Kind, MapOf, Struct, Version, FEATURE_FLAGS};

/// Go's `time.ParseDuration` syntax, or a bare "0".
const DURATION_PATTERN: &str = r"^[-+]?(0|(([0-9]+(\.[0-9]*)?|\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$";

/// A JSON value, with object keys in insertion order.
enum Json {
    Bool(bool),
    Int(i64),
    Real(f64),
    Str(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

fn s(text: &str) -> Json {
    Json::Str(text.to_owned())
}

fn object(entries: Vec<(&str, Json)>) -> Json {
    Json::Object(entries.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}

/// The schema as pretty-printed JSON text (two-space indentation, one trailing newline).
pub fn json_schema() -> String {
    let Json::Object(config) = struct_object(schema::ROOT) else { unreachable!("a struct is an object") };
    let mut root = vec![
        ("$schema".to_owned(), s("https://json-schema.org/draft/2020-12/schema")),
        ("$id".to_owned(), s("https://wetwire.dev/schemas/gitlab-runner-config.schema.json")),
        ("title".to_owned(), s("GitLab Runner config.toml")),
    ];
    // The root's keys sit at the top level (not behind a $ref) so every editor completes them.
    root.extend(config);
    let definitions = schema::structs()
        .iter()
        .filter(|s| !std::ptr::eq(**s, schema::ROOT))
        .map(|s| (s.class.to_owned(), struct_object(s)))
        .collect();
    root.push(("$defs".to_owned(), Json::Object(definitions)));
    let mut out = String::with_capacity(160 * 1024);
    write_json(&mut out, &Json::Object(root), 0);
    out.push('\n');
    out
}

/// The field's description, with the gitlab-runner release that brought the key when it is on
/// record (a key of the oldest release on record may be older still).
fn description(f: &Field) -> Json {
    if f.since > Version::OLDEST {
        Json::Str(format!("{} Since gitlab-runner {}.", f.doc, f.since))
    } else {
        s(f.doc)
    }
}

fn struct_object(st: &'static Struct) -> Json {
    let properties = st.fields.iter().map(|f| (f.key.to_owned(), property(f))).collect();
    object(vec![
        ("type", s("object")),
        ("description", s(st.doc)),
        ("properties", Json::Object(properties)),
        ("additionalProperties", Json::Bool(false)),
    ])
}

fn reference(st: &Struct) -> Json {
    object(vec![("$ref", Json::Str(format!("#/$defs/{}", st.class)))])
}

fn typed(name: &str) -> Json {
    object(vec![("type", s(name))])
}

/// A string, one of `allowed` when given, or empty: gitlab-runner reads "" as "not set".
fn string(allowed: &[&str]) -> Json {
    if allowed.is_empty() {
        return typed("string");
    }
    let mut values: Vec<Json> = allowed.iter().map(|v| s(v)).collect();
    if !allowed.contains(&"") {
        values.push(s(""));
    }
    object(vec![("type", s("string")), ("enum", Json::Array(values))])
}

/// A number with the bounds gitlab-runner holds it to: the key's own, within its Go type.
fn bounded(name: &str, f: &Field) -> Json {
    let mut entries = vec![("type", s(name))];
    let (go_min, go_max) = f.bounds.go_range().map_or((None, None), |(low, high)| (Some(low), Some(high)));
    if let Some(min) = f.bounds.min().max(go_min) {
        entries.push(("minimum", Json::Int(min)));
    }
    let max = match (f.bounds.max(), go_max) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    if let Some(max) = max {
        entries.push(("maximum", Json::Int(max)));
    }
    object(entries)
}

fn array(items: Json) -> Json {
    object(vec![("type", s("array")), ("items", items)])
}

fn property(f: &'static Field) -> Json {
    let Json::Object(mut entries) = (match f.kind {
        Kind::String => string(f.allowed),
        Kind::Integer => bounded("integer", f),
        Kind::Float => bounded("number", f),
        Kind::Boolean => typed("boolean"),
        Kind::Duration => object(vec![(
            "anyOf",
            Json::Array(vec![
                object(vec![("type", s("string")), ("pattern", s(DURATION_PATTERN))]),
                object(vec![("type", s("integer")), ("description", s("nanoseconds"))]),
            ]),
        )]),
        Kind::Datetime => object(vec![("type", s("string")), ("format", s("date-time"))]),
        Kind::StringOrStrings => {
            object(vec![("anyOf", Json::Array(vec![string(f.allowed), array(string(f.allowed))]))])
        }
        Kind::Strings => array(string(f.allowed)),
        Kind::Integers => array(bounded("integer", f)),
        Kind::Floats => array(typed("number")),
        Kind::Map(of) => map(f, of),
        Kind::Table(child) => reference(child),
        Kind::Tables(child) => array(reference(child)),
    }) else {
        unreachable!("every property is an object")
    };
    entries.push(("description".to_owned(), description(f)));
    let default = match f.default {
        DefaultValue::None => None,
        DefaultValue::Bool(b) => Some(Json::Bool(b)),
        DefaultValue::Int(n) => Some(Json::Int(n)),
        DefaultValue::Real(x) => Some(Json::Real(x)),
        DefaultValue::Str(text) => Some(s(text)),
        DefaultValue::List(items) => Some(Json::Array(items.iter().map(|v| s(v)).collect())),
    };
    if let Some(default) = default {
        entries.push(("default".to_owned(), default));
    }
    if f.deprecated {
        entries.push(("deprecated".to_owned(), Json::Bool(true)));
    }
    Json::Object(entries)
}

fn map(f: &'static Field, of: MapOf) -> Json {
    let values = match of {
        MapOf::String => typed("string"),
        MapOf::Boolean => typed("boolean"),
        MapOf::Integer => typed("integer"),
        MapOf::Strings => array(typed("string")),
        MapOf::Any => Json::Object(Vec::new()),
    };
    if f.key == "feature_flags" {
        // Listed for completion; gitlab-runner ignores (and validation warns about) others.
        let flags = FEATURE_FLAGS
            .iter()
            .map(|flag| {
                let mut entry = vec![("type", s("boolean")), ("default", Json::Bool(flag.default))];
                if flag.deprecated {
                    entry.push(("deprecated", Json::Bool(true)));
                }
                (flag.name.to_owned(), object(entry))
            })
            .collect();
        return object(vec![
            ("type", s("object")),
            ("properties", Json::Object(flags)),
            ("additionalProperties", values),
        ]);
    }
    let mut entries = vec![("type", s("object"))];
    if !f.allowed.is_empty() {
        let names = Json::Array(f.allowed.iter().map(|v| s(v)).collect());
        entries.push(("propertyNames", object(vec![("enum", names)])));
    }
    entries.push(("additionalProperties", values));
    object(entries)
}

fn indent(out: &mut String, level: usize) {
    for _ in 0..level {
        out.push_str("  ");
    }
}

fn write_json(out: &mut String, value: &Json, level: usize) {
    match value {
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Int(n) => write!(out, "{n}").expect("writing to a String"),
        Json::Real(x) => write!(out, "{}", crate::float::Literal(*x)).expect("writing to a String"),
        Json::Str(text) => crate::escape::write_json_string(out, text),
        Json::Array(items) if items.is_empty() => out.push_str("[]"),
        Json::Object(entries) if entries.is_empty() => out.push_str("{}"),
        Json::Array(items) => {
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                indent(out, level + 1);
                write_json(out, item, level + 1);
                out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
            }
            indent(out, level);
            out.push(']');
        }
        Json::Object(entries) => {
            out.push_str("{\n");
            for (i, (key, item)) in entries.iter().enumerate() {
                indent(out, level + 1);
                crate::escape::write_json_string(out, key);
                out.push_str(": ");
                write_json(out, item, level + 1);
                out.push_str(if i + 1 < entries.len() { ",\n" } else { "\n" });
            }
            indent(out, level);
            out.push('}');
        }
    }
}
