//! Runner labels as GitLab accepts them: at most 32 per runner (its own and the global ones),
//! keys of 3 to 65 characters (letters, digits, `_`, `.`, `-`; not starting with `.` or `-`),
//! values of 1 to 256 of the same characters.

use super::{runners, Report};
use crate::code::Code;
use crate::document::{Table, Value};
use crate::path::KeyPath;
use crate::schema::handle::{Handle, GLOBAL_LABELS, RUNNER_LABELS};

const MAX_LABELS: usize = 32;

/// The labels of the root (`GLOBAL_LABELS`) or of a runner (`RUNNER_LABELS`).
fn labels<'t>(table: &'t Table, field: &Handle) -> &'t [(String, Value)] {
    match table.value(field) {
        Some(Value::Map(entries)) => entries,
        _ => &[],
    }
}

fn allowed_character(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-')
}

fn valid_key(key: &str) -> bool {
    let first_ok = key.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_');
    (3..=65).contains(&key.len()) && first_ok && key.chars().all(allowed_character)
}

fn valid_value(value: &str) -> bool {
    (1..=256).contains(&value.len()) && value.chars().all(allowed_character)
}

fn check_syntax(report: &mut Report, table: &Table, field: &Handle, path: &KeyPath) {
    for (key, value) in labels(table, field) {
        let path = path.with_key(field.key).with_key(key);
        if !valid_key(key) {
            let message =
                "label keys are 3 to 65 letters, digits, '_', '.' or '-', starting with a letter, digit or '_'";
            report.add(Code::InvalidLabel, &path, message);
        }
        if let Value::String(value) = value {
            if !valid_value(value) {
                let message = "label values are 1 to 256 letters, digits, '_', '.' or '-'";
                report.add(Code::InvalidLabel, &path, message);
            }
        }
    }
}

pub(super) fn check(report: &mut Report, root: &Table) {
    check_syntax(report, root, &GLOBAL_LABELS, &KeyPath::root());
    let global = labels(root, &GLOBAL_LABELS);
    for (path, runner) in runners(root) {
        check_syntax(report, runner, &RUNNER_LABELS, &path);
        let own = labels(runner, &RUNNER_LABELS);
        let inherited = global.iter().filter(|(k, _)| !own.iter().any(|(o, _)| o == k)).count();
        let total = own.len() + inherited;
        if total > MAX_LABELS {
            let message = format!("{total} labels (with the global ones); GitLab accepts at most {MAX_LABELS}");
            report.add(Code::TooManyLabels, &path.with_key(RUNNER_LABELS.key), message);
        }
    }
}
