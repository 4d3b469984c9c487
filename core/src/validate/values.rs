//! Checks any field can fail on its own: allowed values, deprecated keys, feature flags,
//! required keys and secrets written in clear.

use super::{each_string, walk, walk_tables, Report};
use crate::code::Code;
use crate::document::{Table, Value};
use crate::escape::quoted;
use crate::path::KeyPath;
use crate::schema::{Field, Kind, Syntax, FEATURE_FLAGS};

pub(super) fn check(report: &mut Report, root: &Table) {
    walk(root, &mut KeyPath::root(), &mut |_, field, value, path| {
        if field.deprecated {
            report.add(Code::DeprecatedKey, path, "deprecated; gitlab-runner is dropping it");
        }
        // Named enumerations (the executor) are checked in executors.rs, which also knows the
        // removed and deprecated names.
        if field.syntax == Syntax::FeatureFlags {
            feature_flags(report, value, path);
        } else if !field.allowed.is_empty() && field.enumeration.is_none() {
            allowed_values(report, field, value, path);
        }
        if field.secret {
            inline_secret(report, value, path);
        }
    });
    if report.options.fragment {
        return;
    }
    walk_tables(root, &mut |table, path| {
        for field in table.schema().fields.iter().filter(|f| f.required) {
            if table.get(field.key).is_none() {
                let message = format!("missing; required in {}", table.schema().class);
                report.add(Code::MissingKey, &path.with_key(field.key), message);
            }
        }
    });
}

fn one_of(allowed: &[&str]) -> String {
    allowed.iter().map(|v| format!("\"{v}\"")).collect::<Vec<_>>().join(", ")
}

fn allowed_values(report: &mut Report, field: &Field, value: &Value, path: &KeyPath) {
    let mut check = |text: &str, path: &KeyPath| {
        // An empty string is Go's zero value: gitlab-runner takes it as "not set".
        if !text.is_empty() && !field.allowed.contains(&text) {
            let message = format!("{} is not one of {}", quoted(text), one_of(field.allowed));
            report.add(Code::InvalidValue, path, message);
        }
    };
    match value {
        Value::String(_) | Value::Array(_) => each_string(value, path, &mut check),
        Value::Map(entries) if matches!(field.kind, Kind::Map(_)) => {
            for (key, _) in entries {
                if !field.allowed.contains(&key.as_str()) {
                    let message = format!("unknown key {}; expected one of {}", quoted(key), one_of(field.allowed));
                    report.add(Code::InvalidValue, &path.with_key(key), message);
                }
            }
        }
        _ => {}
    }
}

fn feature_flags(report: &mut Report, value: &Value, path: &KeyPath) {
    let Value::Map(entries) = value else { return };
    for (name, _) in entries {
        let path = path.with_key(name);
        match FEATURE_FLAGS.iter().find(|f| f.name == name) {
            None => {
                let message = match crate::suggest::closest(name, FEATURE_FLAGS.iter().map(|f| f.name)) {
                    Some(meant) => format!("unknown feature flag; did you mean {meant}?"),
                    None => "unknown feature flag; gitlab-runner ignores it".to_owned(),
                };
                report.add(Code::UnknownFeatureFlag, &path, message);
            }
            Some(flag) if flag.deprecated => {
                report.add(Code::DeprecatedFeatureFlag, &path, "deprecated feature flag");
            }
            Some(_) => {}
        }
    }
}

/// A secret written into the file itself rather than filled in from the environment when
/// the file is generated (`${RUNNER_TOKEN}`). The value is never repeated in the message.
fn inline_secret(report: &mut Report, value: &Value, path: &KeyPath) {
    let Value::String(text) = value else { return };
    let is_reference = text.starts_with('$') || text.is_empty();
    if !is_reference {
        let message = "written in clear; keep it out of the file with a ${VARIABLE} filled in when it is deployed";
        report.add(Code::InlineSecret, path, message);
    }
}
