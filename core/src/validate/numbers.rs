//! Numbers gitlab-runner refuses or ignores: integers outside the key's bounds or its Go
//! type (the facts are the schema's `Field::bounds`), infinite floats, negative durations.

use super::{walk, Report};
use crate::code::Code;
use crate::document::{Table, Value};
use crate::float::Plain;
use crate::path::KeyPath;
use crate::schema::{Field, Kind};

pub(super) fn check(report: &mut Report, root: &Table) {
    walk(root, &mut KeyPath::root(), &mut |_, field, value, path| match (field.kind, value) {
        (Kind::Integer, Value::Integer(n)) => integer(report, field, *n, path),
        (Kind::Integers, Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                if let Value::Integer(n) = item {
                    let mut element = path.clone();
                    element.push_index(i);
                    integer(report, field, *n, &element);
                }
            }
        }
        (Kind::Float, Value::Float(x)) => float(report, field, *x, path),
        // Every duration is a timeout, an interval, a backoff or an age.
        (Kind::Duration, value) if negative_duration(value) => {
            report.add(Code::OutOfRange, path, format!("{} cannot be a negative duration", field.key));
        }
        _ => {}
    });
}

fn integer(report: &mut Report, field: &Field, n: i64, path: &KeyPath) {
    let bounds = field.bounds;
    let key = field.key;
    if let Some((low, high)) = bounds.go_range() {
        if n < low || n > high {
            let message = format!(
                "{n} does not fit {key}'s Go type (int{}, {low} to {high}): gitlab-runner refuses the whole file",
                bounds.go_bits
            );
            report.add(Code::OutOfRange, path, message);
            return;
        }
    }
    let message = match (bounds.min(), bounds.max()) {
        (Some(min), Some(max)) if n < min || n > max => format!("is {n}; {key} takes {min} to {max}"),
        (Some(min), None) if n < min => format!("is {n}; {key} cannot be below {min}"),
        (None, Some(max)) if n > max => format!("is {n}; {key} cannot be above {max}"),
        _ => return,
    };
    report.add(Code::OutOfRange, path, message);
}

/// Every single-float key is a scale factor, a multiplier of machines or instances: an
/// infinite one is never meant.
fn float(report: &mut Report, field: &Field, x: f64, path: &KeyPath) {
    let key = field.key;
    let message = if x.is_infinite() {
        format!("is {}; {key} needs a finite number", Plain(x))
    } else if field.bounds.min().is_some_and(|min| x < min as f64) {
        format!("is {}; {key} cannot be below {}", Plain(x), field.bounds.min().unwrap_or_default())
    } else if field.bounds.max().is_some_and(|max| x > max as f64) {
        format!("is {}; {key} cannot be above {}", Plain(x), field.bounds.max().unwrap_or_default())
    } else {
        return;
    };
    report.add(Code::OutOfRange, path, message);
}

/// `"-5m"`, or a negative count of nanoseconds; `"-0s"` is zero.
fn negative_duration(value: &Value) -> bool {
    match value {
        Value::Integer(n) => *n < 0,
        Value::String(text) => text.starts_with('-') && text.bytes().any(|b| (b'1'..=b'9').contains(&b)),
        _ => false,
    }
}
