//! The release facts in the schema (each key's and executor's first and last gitlab-runner
//! release, the keys whose kind changed) against gitlab-runner's own history in
//! ../shared/reference/key-versions.json, key for key. Ignored without ../shared.

use std::collections::BTreeMap;

use gitlab_runner_config::schema::{self, since_along, Field, Kind, Struct, Version, EXECUTORS, REMOVED_KEYS};
use serde_json::Value;

mod shared;

fn history() -> Value {
    shared::json("reference/key-versions.json")
}

fn version(value: &Value) -> Option<Version> {
    value.as_str().map(|v| v.parse().expect("a version"))
}

/// Every key path of the schema with the fields from the root down to it.
fn key_paths() -> BTreeMap<String, Vec<&'static Field>> {
    fn walk(
        prefix: &str,
        s: &'static Struct,
        chain: &mut Vec<&'static Field>,
        out: &mut BTreeMap<String, Vec<&'static Field>>,
    ) {
        for field in s.fields {
            let path = if prefix.is_empty() { field.key.to_owned() } else { format!("{prefix}.{}", field.key) };
            chain.push(field);
            out.insert(path.clone(), chain.clone());
            if let Kind::Table(child) | Kind::Tables(child) = field.kind {
                walk(&path, child, chain, out);
            }
            chain.pop();
        }
    }
    let mut out = BTreeMap::new();
    walk("", schema::ROOT, &mut Vec::new(), &mut out);
    out
}

/// The table path of a struct (its first one), as the history writes paths.
fn table_path(target: &'static Struct) -> String {
    key_paths()
        .into_iter()
        .find(|(_, chain)| matches!(chain.last().map(|f| f.kind), Some(Kind::Table(s) | Kind::Tables(s)) if std::ptr::eq(s, target)))
        .map(|(path, _)| path)
        .unwrap_or_default()
}

#[test]
#[ignore = "reads ../shared"]
fn every_key_came_when_gitlab_runner_says() {
    let history = history();
    let ours = key_paths();
    let mut differences = Vec::new();
    for (path, facts) in history["keys"].as_object().expect("keys") {
        let since = version(&facts["since"]).expect("since");
        let until = version(&facts["until"]);
        match ours.get(path) {
            Some(chain) => {
                let ours = since_along(chain);
                if ours != since || until.is_some() {
                    differences.push(format!("{path}: since {ours} here, {since} (until {until:?}) in gitlab-runner"));
                }
            }
            None => {
                let removed = REMOVED_KEYS.iter().find(|r| format!("{}.{}", table_path(r.table), r.key) == *path);
                match removed {
                    Some(r) if r.since == since && Some(r.until) == until => {}
                    _ => {
                        differences.push(format!("{path}: not in the schema nor in REMOVED_KEYS as {since}..{until:?}"))
                    }
                }
            }
        }
    }
    for path in ours.keys() {
        if history["keys"].get(path).is_none() {
            differences.push(format!("{path}: not in gitlab-runner's history"));
        }
    }
    assert_eq!(differences, Vec::<String>::new());
}

#[test]
#[ignore = "reads ../shared"]
fn keys_whose_kind_changed_say_when() {
    let history = history();
    let ours = key_paths();
    let mut changed: Vec<(String, Version)> = Vec::new();
    for (path, facts) in history["keys"].as_object().expect("keys") {
        if let Some(changes) = facts.get("kind_changes").and_then(Value::as_array) {
            changed.push((path.clone(), version(&changes.last().expect("a change")["since"]).expect("since")));
        }
    }
    let mut marked: Vec<(String, Version)> = ours
        .iter()
        .filter_map(|(path, chain)| chain.last()?.earlier_kind.map(|e| (path.clone(), e.changed_in)))
        .collect();
    changed.sort();
    marked.sort();
    assert_eq!(marked, changed);
}

#[test]
#[ignore = "reads ../shared"]
fn executors_came_and_went_when_gitlab_runner_says() {
    let history = history();
    let theirs = history["executors"].as_object().expect("executors");
    let mut ours: Vec<String> =
        EXECUTORS.iter().map(|e| format!("{} {}..{:?}", e.value, e.since, e.until.map(|v| v.to_string()))).collect();
    let mut expected: Vec<String> = theirs
        .iter()
        .map(|(name, facts)| {
            let since = version(&facts["since"]).expect("since");
            format!("{name} {since}..{:?}", version(&facts["until"]).map(|v| v.to_string()))
        })
        .collect();
    ours.sort();
    expected.sort();
    assert_eq!(ours, expected);
}

#[test]
#[ignore = "reads ../shared"]
fn the_releases_are_gitlab_runners() {
    let history = history();
    let theirs: Vec<&str> =
        history["versions"].as_array().expect("versions").iter().filter_map(Value::as_str).collect();
    let ours: Vec<String> = Version::all().map(|v| v.to_string()).collect();
    assert_eq!(ours, theirs);
}
