//! The schema covers gitlab-runner's key inventory (../shared/reference), key for key: same
//! tables, keys, kinds, allowed values and deprecations. Ignored without ../shared.

use std::collections::BTreeSet;

use gitlab_runner_config::schema::{self, Kind, MapOf, Struct};
use serde_json::Value;

mod shared;

fn inventory() -> Value {
    shared::json("reference/gitlab-runner-schema.json")
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::String => "string",
        Kind::Integer => "int",
        Kind::Float => "float",
        Kind::Boolean => "bool",
        Kind::Duration => "duration-string",
        Kind::Datetime => "datetime",
        Kind::StringOrStrings => "string-or-array-of-strings",
        Kind::Strings => "array-of-strings",
        Kind::Integers => "array-of-ints",
        Kind::Floats => "array-of-floats",
        Kind::Map(MapOf::String) => "map-string-string",
        Kind::Map(MapOf::Boolean) => "map-string-bool",
        Kind::Map(MapOf::Integer) => "map-string-int",
        Kind::Map(MapOf::Strings) => "map-string-array-of-strings",
        Kind::Map(MapOf::Any) => "map-string-any",
        Kind::Table(_) => "table",
        Kind::Tables(_) => "array-of-tables",
    }
}

/// Every table path reachable from the root ("global" for the root), with its struct.
fn paths() -> Vec<(String, &'static Struct)> {
    fn walk(prefix: &str, s: &'static Struct, out: &mut Vec<(String, &'static Struct)>) {
        out.push((if prefix.is_empty() { "global".into() } else { prefix.into() }, s));
        for field in s.fields {
            if let Kind::Table(child) | Kind::Tables(child) = field.kind {
                let path = if prefix.is_empty() { field.key.to_owned() } else { format!("{prefix}.{}", field.key) };
                walk(&path, child, out);
            }
        }
    }
    let mut out = Vec::new();
    walk("", schema::ROOT, &mut out);
    out
}

fn their_keys<'a>(inventory: &'a Value, path: &str) -> Vec<&'a Value> {
    inventory["tables"][path].as_array().expect("a table of the inventory").iter().collect()
}

#[test]
#[ignore = "reads ../shared"]
fn every_table_and_key_of_gitlab_runner_is_in_the_schema() {
    let inventory = inventory();
    let ours = paths();
    let our_paths: BTreeSet<&str> = ours.iter().map(|(p, _)| p.as_str()).collect();
    let their_paths: BTreeSet<&str> = inventory["tables"].as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(our_paths, their_paths);
    let counts = &inventory["counts"];
    assert_eq!(ours.len() as u64, counts["tables_including_global"].as_u64().unwrap());
    let flags: Vec<&str> =
        inventory["feature_flags"].as_array().unwrap().iter().map(|f| f["name"].as_str().unwrap()).collect();

    let mut keys = 0;
    for (path, s) in &ours {
        let theirs = their_keys(&inventory, path);
        assert_eq!(s.fields.len(), theirs.len(), "number of keys of {path}");
        for key in theirs {
            keys += 1;
            let name = key["key"].as_str().unwrap();
            let position = s.field_by_key(name).unwrap_or_else(|| panic!("{path}.{name} is missing"));
            let field = &s.fields[position];
            assert_eq!(field.key, name, "{path}.{name} matched in another letter case");
            assert_eq!(kind_name(field.kind), key["toml_kind"].as_str().unwrap(), "{path}.{name}");
            assert_eq!(field.deprecated, key["deprecated"].as_bool().unwrap_or(false), "{path}.{name} deprecation");
            assert!(!field.doc.is_empty(), "{path}.{name} has no description");
            let allowed: Vec<&str> = if name == "feature_flags" {
                flags.clone()
            } else {
                let values = key["enum"]["values"].as_array();
                values.map(|v| v.iter().map(|x| x.as_str().unwrap()).collect()).unwrap_or_default()
            };
            assert_eq!(field.allowed, allowed.as_slice(), "{path}.{name} allowed values");
        }
    }
    assert_eq!(keys, counts["total_keys"].as_u64().unwrap());
}

#[test]
#[ignore = "reads ../shared"]
fn after_the_guides_keys_each_table_follows_gitlab_runners_struct_order() {
    let inventory = inventory();
    for (path, s) in paths() {
        let theirs: Vec<&str> = their_keys(&inventory, &path).iter().map(|k| k["key"].as_str().unwrap()).collect();
        let ours: Vec<&str> = s.fields.iter().map(|f| f.key).collect();
        // Some prefix of ours is the guide's order; the rest must be the inventory's order.
        let fits = (0..=ours.len()).any(|guide| {
            let rest: Vec<&str> = theirs.iter().copied().filter(|k| !ours[..guide].contains(k)).collect();
            ours[guide..] == rest[..]
        });
        assert!(fits, "order of {path}: {ours:?}");
    }
}
