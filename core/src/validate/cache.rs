//! The distributed cache: its `Type` and the backend table it names must go together, or
//! gitlab-runner runs without a cache and says nothing.

use super::{runners, string, Report};
use crate::code::Code;
use crate::document::{Table, Value};
use crate::schema::handle::{CACHE, CACHE_TYPE};

/// The backends a `Type` names, each also the key of its section (a test says so).
fn backends() -> &'static [&'static str] {
    CACHE_TYPE.table.field_by_exact_key(CACHE_TYPE.key).map_or(&[], |p| CACHE_TYPE.table.fields[p].allowed)
}

pub(super) fn check(report: &mut Report, root: &Table) {
    for (path, runner) in runners(root) {
        let Some(Value::Table(cache)) = runner.value(&CACHE) else { continue };
        let cache_path = path.with_key(CACHE.key);
        let kind = string(cache, &CACHE_TYPE).filter(|t| !t.is_empty());
        // An unknown Type is an invalid value already; nothing to add about the sections.
        if kind.is_some_and(|k| !backends().contains(&k)) {
            continue;
        }
        // gitlab-runner register writes every backend's section with zero values in it: they
        // say nothing, so only a section with a setting in it can be a forgotten one.
        let said = |backend: &str| cache.get(backend).is_some_and(|v| !zero(v)) && kind != Some(backend);
        for backend in backends().iter().filter(|b| said(b)) {
            let message = match kind {
                None => format!("[runners.cache.{backend}] is ignored without Type = \"{backend}\""),
                Some(kind) => format!("[runners.cache.{backend}] is ignored: Type is \"{kind}\""),
            };
            report.add(Code::CacheBackendUnused, &cache_path.with_key(backend), message);
        }
        if let Some(kind) = kind.filter(|k| backends().contains(k) && cache.get(k).is_none()) {
            let message = format!("Type is \"{kind}\" but there is no [runners.cache.{kind}] section to say where");
            report.add(Code::CacheBackendMissing, &cache_path.with_key(CACHE_TYPE.key), message);
        }
    }
}

/// Go's zero value, as gitlab-runner's own writer puts it for an unset key.
fn zero(value: &Value) -> bool {
    match value {
        Value::String(s) => s.is_empty(),
        Value::Integer(n) => *n == 0,
        Value::Float(x) => *x == 0.0,
        Value::Boolean(b) => !b,
        Value::Datetime(_) => false,
        Value::Array(items) => items.is_empty(),
        Value::Map(entries) => entries.is_empty(),
        Value::Tables(tables) => tables.is_empty(),
        Value::Table(table) => table.fields().all(|(_, v)| zero(v)) && table.unknown().is_empty(),
    }
}
