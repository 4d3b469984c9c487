//! Typed tables as plain JavaScript objects in the TOML's shape.

use gitlab_runner_config::document::{Table, Value};
use gitlab_runner_config::error::Position;
use gitlab_runner_config::lines::utf16_offsets;
use gitlab_runner_config::Diagnostic;
use js_sys::{Array, BigInt, Object, Reflect};
use wasm_bindgen::JsValue;

/// Defines an own property. `__proto__` needs defining, not setting: a set would replace the
/// object's prototype (and lose the key).
fn set(object: &Object, key: &str, value: &JsValue) {
    let key = JsValue::from_str(key);
    if key == "__proto__" {
        let descriptor = Object::new();
        for (name, flag) in [
            ("value", value.clone()),
            ("writable", true.into()),
            ("enumerable", true.into()),
            ("configurable", true.into()),
        ] {
            let _ = Reflect::set(&descriptor, &JsValue::from_str(name), &flag);
        }
        Object::define_property(object, &key, &descriptor);
    } else {
        // Setting a fresh own key on a plain object cannot fail.
        let _ = Reflect::set(object, &key, value);
    }
}

pub fn table(table: &Table) -> JsValue {
    let object = Object::new();
    for (field, value) in table.fields() {
        set(&object, field.key, &self::value(value));
    }
    for (key, value) in table.unknown() {
        set(&object, key, &self::value(value));
    }
    object.into()
}

fn value(value: &Value) -> JsValue {
    match value {
        Value::String(s) => JsValue::from_str(s),
        // Integers JavaScript numbers cannot hold exactly come back as BigInt.
        Value::Integer(n) if n.unsigned_abs() > (1 << 53) - 1 => BigInt::from(*n).into(),
        Value::Integer(n) => JsValue::from_f64(*n as f64),
        Value::Float(x) => JsValue::from_f64(*x),
        Value::Boolean(b) => JsValue::from_bool(*b),
        Value::Datetime(d) => JsValue::from_str(&d.to_string()),
        Value::Array(items) => items.iter().map(self::value).collect::<Array>().into(),
        Value::Table(t) => table(t),
        Value::Tables(ts) => ts.iter().map(table).collect::<Array>().into(),
        Value::Map(entries) => {
            let object = Object::new();
            for (k, v) in entries {
                set(&object, k, &self::value(v));
            }
            object.into()
        }
    }
}

/// Findings as plain objects. Their byte offsets become JS string indexes (UTF-16) in one
/// pass over `text`, the text they came from (only findings about text have ranges).
pub fn diagnostics(list: &[Diagnostic], text: &str) -> Vec<JsValue> {
    let bytes: Vec<usize> = list.iter().filter_map(|d| d.range).flat_map(|r| [r.start.offset, r.end.offset]).collect();
    let mut indexes = utf16_offsets(text, &bytes).into_iter();
    list.iter().map(|d| diagnostic(d, &mut indexes)).collect()
}

/// `indexes` yields the JS string index of each range's start and end, in order.
fn diagnostic(d: &Diagnostic, indexes: &mut impl Iterator<Item = usize>) -> JsValue {
    let object = Object::new();
    set(&object, "severity", &JsValue::from_str(d.severity.as_str()));
    set(&object, "code", &JsValue::from_str(d.code.name()));
    set(&object, "path", &JsValue::from_str(&d.path.to_string()));
    set(&object, "message", &JsValue::from_str(&d.message));
    let (line, column) = d.position().map_or((JsValue::NULL, JsValue::NULL), |p| {
        (JsValue::from_f64(p.line as f64), JsValue::from_f64(p.column as f64))
    });
    set(&object, "line", &line);
    set(&object, "column", &column);
    let range = d.range.map_or(JsValue::NULL, |r| {
        let range = Object::new();
        set(&range, "start", &position(r.start, indexes.next().unwrap_or_default()));
        set(&range, "end", &position(r.end, indexes.next().unwrap_or_default()));
        range.into()
    });
    set(&object, "range", &range);
    set(&object, "suggestion", &d.suggestion.map_or(JsValue::NULL, JsValue::from_str));
    object.into()
}

fn position(p: Position, index: usize) -> JsValue {
    let object = Object::new();
    set(&object, "line", &JsValue::from_f64(p.line as f64));
    set(&object, "column", &JsValue::from_f64(p.column as f64));
    set(&object, "offset", &JsValue::from_f64(index as f64));
    object.into()
}

/// Errors as one JS `Error` whose message lists them all, with the first one's `path`, `line`
/// and `column`, and every one in `errors` (as diagnostics, ranges counted in `text`).
pub fn error(name: &str, errors: Vec<gitlab_runner_config::Error>, text: &str) -> JsValue {
    let message = gitlab_runner_config::Errors(&errors).to_string();
    let error = js_sys::Error::new(&message);
    error.set_name(name);
    let findings: Vec<Diagnostic> = errors.into_iter().map(Diagnostic::from).collect();
    let all = diagnostics(&findings, text);
    let first = all.first().cloned().unwrap_or_else(|| Object::new().into());
    for key in ["path", "line", "column", "code"] {
        let _ = Reflect::set(
            &error,
            &JsValue::from_str(key),
            &Reflect::get(&first, &JsValue::from_str(key)).unwrap_or_default(),
        );
    }
    let _ = Reflect::set(&error, &JsValue::from_str("errors"), &all.into_iter().collect::<Array>());
    error.into()
}
