//! What the targeted gitlab-runner release reads: keys it does not know yet, keys it no longer
//! reads, and values written in a kind it does not read yet. The facts are the schema's
//! (`Field::since`, `Field::earlier_kind`, `REMOVED_KEYS`); the target is the options'.

use super::Report;
use crate::code::Code;
use crate::document::{Table, Value};
use crate::path::KeyPath;
use crate::schema::{removed_key, since_along, Field, Kind};

pub(super) fn check(report: &mut Report, root: &Table) {
    walk(report, root, &mut Vec::new(), &mut KeyPath::root());
}

fn walk(report: &mut Report, table: &Table, chain: &mut Vec<&'static Field>, path: &mut KeyPath) {
    removed_keys(report, table, path);
    for (field, value) in table.fields() {
        chain.push(field);
        path.push_key(field.key);
        // A key too new for the target is reported once, not again for each key below it.
        if !too_new(report, chain, path) {
            earlier_kind(report, field, value, path);
            match value {
                Value::Table(child) => walk(report, child, chain, path),
                Value::Tables(children) => {
                    for (i, child) in children.iter().enumerate() {
                        path.push_index(i);
                        walk(report, child, chain, path);
                        path.pop();
                    }
                }
                _ => {}
            }
        }
        path.pop();
        chain.pop();
    }
}

fn too_new(report: &mut Report, chain: &[&'static Field], path: &KeyPath) -> bool {
    let target = report.options.runner_version;
    let since = since_along(chain);
    if target >= since {
        return false;
    }
    let key = chain.last().map_or("", |f| f.key);
    let message = format!("{key} was added in gitlab-runner {since}; this config targets {target}, which ignores it");
    report.add(Code::KeyTooNew, path, message);
    true
}

/// A value in the key's current kind, for a release that still read the earlier one.
fn earlier_kind(report: &mut Report, field: &Field, value: &Value, path: &KeyPath) {
    let Some(earlier) = field.earlier_kind else { return };
    let target = report.options.runner_version;
    // One string is both kinds of `pull_policy`; only an array is new.
    let new_form = !matches!((field.kind, value), (Kind::StringOrStrings, Value::String(_)));
    if new_form && target < earlier.changed_in {
        let (changed_in, was) = (earlier.changed_in, earlier.was);
        let message =
            format!("written this way since gitlab-runner {changed_in}; {target} reads {} as {was}", field.key);
        report.add(Code::KindTooNew, path, message);
    }
}

/// Keys kept because gitlab-runner once read them: an error once the target no longer does,
/// a warning while it still does but the replacement exists.
fn removed_keys(report: &mut Report, table: &Table, path: &KeyPath) {
    let target = report.options.runner_version;
    for (key, _) in table.unknown() {
        let Some(removed) = removed_key(table.schema(), key) else { continue };
        let key_path = path.with_key(key);
        let instead = removed.replacement.map(|r| format!("; use {r}")).unwrap_or_default();
        let gone_in = removed.until.next();
        let replacement_since = removed.replacement.and_then(|r| table.schema().fields.iter().find(|f| f.key == r));
        if target > removed.until {
            let message = format!("{key} was removed in gitlab-runner {gone_in}{instead}");
            report.add(Code::RemovedKey, &key_path, message);
        } else if target < removed.since {
            let since = removed.since;
            let message =
                format!("{key} was added in gitlab-runner {since}; this config targets {target}, which ignores it");
            report.add(Code::KeyTooNew, &key_path, message);
        } else if replacement_since.is_some_and(|f| target >= f.since) {
            let message = format!("{key} is removed in gitlab-runner {gone_in}{instead}");
            report.add(Code::DeprecatedKey, &key_path, message);
        }
    }
}
