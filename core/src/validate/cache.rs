//! The distributed cache: its `Type` and the backend table it names must go together, or
//! gitlab-runner runs without a cache and says nothing.

use super::{runners, string, Report};
use crate::code::Code;
use crate::document::{Table, Value};

const BACKENDS: [&str; 3] = ["s3", "gcs", "azure"];

pub(super) fn check(report: &mut Report, root: &Table) {
    for (path, runner) in runners(root) {
        let Some(Value::Table(cache)) = runner.get("cache") else { continue };
        let cache_path = path.with_key("cache");
        let kind = string(cache, "Type").filter(|t| !t.is_empty());
        // An unknown Type is an invalid value already; nothing to add about the sections.
        if kind.is_some_and(|k| !BACKENDS.contains(&k)) {
            continue;
        }
        for backend in BACKENDS.iter().filter(|b| cache.get(b).is_some() && kind != Some(**b)) {
            let message = match kind {
                None => format!("[runners.cache.{backend}] is ignored without Type = \"{backend}\""),
                Some(kind) => format!("[runners.cache.{backend}] is ignored: Type is \"{kind}\""),
            };
            report.add(Code::CacheBackendUnused, &cache_path.with_key(backend), message);
        }
        if let Some(kind) = kind.filter(|k| BACKENDS.contains(k) && cache.get(k).is_none()) {
            let message = format!("Type is \"{kind}\" but there is no [runners.cache.{kind}] section to say where");
            report.add(Code::CacheBackendMissing, &cache_path.with_key("Type"), message);
        }
    }
}
