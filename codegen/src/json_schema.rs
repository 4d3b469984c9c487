//! `gitlab-runner-config.schema.json`: the config as JSON Schema (draft 2020-12), with each
//! key's description, default, allowed values and deprecation, for editors (taplo / Even
//! Better TOML through a `#:schema` directive) and JSON tooling.

use gitlab_runner_config::schema::{self, DefaultValue, Field, Kind, MapOf, Struct, FEATURE_FLAGS};
use serde_json::{json, Map, Value};

/// Go's `time.ParseDuration` syntax, or a bare "0".
const DURATION_PATTERN: &str = r"^[-+]?(0|(([0-9]+(\.[0-9]*)?|\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$";

pub fn document() -> String {
    let mut root = Map::new();
    root.insert("$schema".into(), json!("https://json-schema.org/draft/2020-12/schema"));
    root.insert("$id".into(), json!("https://wetwire.dev/schemas/gitlab-runner-config.schema.json"));
    root.insert("title".into(), json!("GitLab Runner config.toml"));
    // The root's keys sit at the top level (not behind a $ref) so every editor completes them.
    let Value::Object(config) = object(schema::ROOT) else { unreachable!("a struct is an object") };
    root.extend(config);
    let definitions: Map<String, Value> = schema::structs()
        .iter()
        .filter(|s| !std::ptr::eq(**s, schema::ROOT))
        .map(|s| (s.class.to_owned(), object(s)))
        .collect();
    root.insert("$defs".into(), Value::Object(definitions));
    let mut text = serde_json::to_string_pretty(&Value::Object(root)).expect("JSON of plain values");
    text.push('\n');
    text
}

fn object(s: &'static Struct) -> Value {
    let properties: Map<String, Value> = s.fields.iter().map(|f| (f.key.to_owned(), property(f))).collect();
    json!({
        "type": "object",
        "description": s.doc,
        "properties": properties,
        "additionalProperties": false,
    })
}

fn reference(s: &Struct) -> Value {
    json!({ "$ref": format!("#/$defs/{}", s.class) })
}

/// A string, one of `allowed` when given, or empty: gitlab-runner reads "" as "not set".
fn string(allowed: &[&str]) -> Value {
    if allowed.is_empty() {
        json!({ "type": "string" })
    } else {
        let mut values: Vec<&str> = allowed.to_vec();
        if !values.contains(&"") {
            values.push("");
        }
        json!({ "type": "string", "enum": values })
    }
}

fn property(f: &'static Field) -> Value {
    let mut value = match f.kind {
        Kind::String => string(f.allowed),
        Kind::Integer => json!({ "type": "integer" }),
        Kind::Float => json!({ "type": "number" }),
        Kind::Boolean => json!({ "type": "boolean" }),
        Kind::Duration => json!({
            "anyOf": [
                { "type": "string", "pattern": DURATION_PATTERN },
                { "type": "integer", "description": "nanoseconds" },
            ],
        }),
        Kind::Datetime => json!({ "type": "string", "format": "date-time" }),
        Kind::StringOrStrings => {
            json!({ "anyOf": [string(f.allowed), { "type": "array", "items": string(f.allowed) }] })
        }
        Kind::Strings => json!({ "type": "array", "items": string(f.allowed) }),
        Kind::Integers => json!({ "type": "array", "items": { "type": "integer" } }),
        Kind::Floats => json!({ "type": "array", "items": { "type": "number" } }),
        Kind::Map(of) => map(f, of),
        Kind::Table(child) => reference(child),
        Kind::Tables(child) => json!({ "type": "array", "items": reference(child) }),
    };
    let Value::Object(entries) = &mut value else { unreachable!("every property is an object") };
    entries.insert("description".into(), json!(f.doc));
    match f.default {
        DefaultValue::None => {}
        DefaultValue::Bool(b) => drop(entries.insert("default".into(), json!(b))),
        DefaultValue::Int(n) => drop(entries.insert("default".into(), json!(n))),
        DefaultValue::Real(x) => drop(entries.insert("default".into(), json!(x))),
        DefaultValue::Str(s) => drop(entries.insert("default".into(), json!(s))),
        DefaultValue::List(items) => drop(entries.insert("default".into(), json!(items))),
    }
    if f.deprecated {
        entries.insert("deprecated".into(), json!(true));
    }
    value
}

fn map(f: &'static Field, of: MapOf) -> Value {
    let values = match of {
        MapOf::String => json!({ "type": "string" }),
        MapOf::Boolean => json!({ "type": "boolean" }),
        MapOf::Integer => json!({ "type": "integer" }),
        MapOf::Strings => json!({ "type": "array", "items": { "type": "string" } }),
        MapOf::Any => json!({}),
    };
    if f.key == "feature_flags" {
        // Listed for completion; gitlab-runner ignores (and validation warns about) others.
        let flags: Map<String, Value> = FEATURE_FLAGS
            .iter()
            .map(|flag| {
                let mut entry = json!({ "type": "boolean", "default": flag.default });
                if flag.deprecated {
                    entry["deprecated"] = json!(true);
                }
                (flag.name.to_owned(), entry)
            })
            .collect();
        return json!({ "type": "object", "properties": flags, "additionalProperties": values });
    }
    if f.allowed.is_empty() {
        json!({ "type": "object", "additionalProperties": values })
    } else {
        json!({ "type": "object", "propertyNames": { "enum": f.allowed }, "additionalProperties": values })
    }
}
