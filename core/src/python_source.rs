//! A config as Python source: a script using `wetwire_gitlab.runner_config` that builds the
//! same config and prints its config.toml, for people moving a file into code.

use std::fmt::Write;

use crate::document::{Table, Value};
use crate::schema::{Field, Struct, EXECUTORS};

const INDENT: &str = "    ";

/// A Python script that builds `root` with the package's classes and prints `to_toml()`,
/// which gives the text `render(root)` gives.
pub fn to_python(root: &Table) -> String {
    if !constructible(root) {
        return kept_text(root);
    }
    // A sorted list rather than a `BTreeSet`, kept sorted as names are added rather than
    // sorted at the end: the wasm links neither B-tree code nor a sort of strings.
    let mut imports = Vec::new();
    let mut body = String::new();
    table(&mut body, root, 0, &mut imports);
    format!(
        "from wetwire_gitlab.runner_config import {}\n\nconfig = {body}\n\nprint(config.to_toml(), end=\"\")\n",
        imports.join(", ")
    )
}

/// A config the constructors cannot build is read from its text instead.
fn kept_text(root: &Table) -> String {
    format!(
        "from wetwire_gitlab.runner_config import Config\n\n\
         # Read from text: it holds keys unknown to the schema or an executor the classes reject.\n\
         config = Config.from_toml(\n{INDENT}{},\n{INDENT}strict=False,\n)\n\n\
         print(config.to_toml(), end=\"\")\n",
        string(&crate::render(root))
    )
}

/// Whether the classes' constructors can build `table`: keys the schema does not know have no
/// argument, and an executor name outside the enumeration is refused.
fn constructible(table: &Table) -> bool {
    table.unknown().is_empty()
        && table.fields().all(|(field, value)| match value {
            Value::Table(child) => constructible(child),
            Value::Tables(children) => children.iter().all(constructible),
            Value::String(s) if field.enumeration == Some("Executor") => EXECUTORS.iter().any(|e| e.value == s),
            _ => true,
        })
}

/// `Class(\n    field=value,\n    ...\n)` at nesting `depth`.
/// Adds a name to the sorted imports, once.
fn import(imports: &mut Vec<&'static str>, name: &'static str) {
    if let Err(place) = imports.binary_search(&name) {
        imports.insert(place, name);
    }
}

fn table(out: &mut String, table: &Table, depth: usize, imports: &mut Vec<&'static str>) {
    let schema = table.schema();
    import(imports, schema.class);
    let inner = INDENT.repeat(depth + 1);
    write!(out, "{}(", schema.class).unwrap();
    let missing = missing_required(schema, table);
    if table.is_empty() && missing.is_empty() {
        out.push(')');
        return;
    }
    out.push('\n');
    // A required argument the table lacks (a parsed file may): None leaves it unset.
    for name in missing {
        writeln!(out, "{inner}{name}=None,").unwrap();
    }
    for (field, value) in table.fields() {
        write!(out, "{inner}{}=", field.name).unwrap();
        self::value(out, field, value, depth + 1, imports);
        out.push_str(",\n");
    }
    write!(out, "{})", INDENT.repeat(depth)).unwrap();
}

/// The constructor's required arguments that `table` does not set.
fn missing_required(schema: &'static Struct, table: &Table) -> Vec<&'static str> {
    let required = &schema.python.order[..schema.python.required];
    required.iter().copied().filter(|name| !table.fields().any(|(f, _)| f.name == *name)).collect()
}

fn value(out: &mut String, field: &Field, value: &Value, depth: usize, imports: &mut Vec<&'static str>) {
    match value {
        Value::String(s) if field.enumeration == Some("Executor") => match EXECUTORS.iter().find(|e| e.value == s) {
            Some(executor) => {
                import(imports, "Executor");
                write!(out, "Executor.{}", executor.member()).unwrap();
            }
            None => out.push_str(&string(s)),
        },
        other => literal(out, other, depth, imports),
    }
}

/// Tables as constructor calls, one argument a line; scalars, lists and dicts as literals.
fn literal(out: &mut String, value: &Value, depth: usize, imports: &mut Vec<&'static str>) {
    match value {
        Value::String(s) => out.push_str(&string(s)),
        Value::Integer(n) => write!(out, "{n}").unwrap(),
        Value::Float(x) if x.is_nan() => out.push_str("float(\"nan\")"),
        Value::Float(x) if x.is_infinite() => out.push_str(if *x > 0.0 { "float(\"inf\")" } else { "-float(\"inf\")" }),
        Value::Float(x) => write!(out, "{}", crate::float::Literal(*x)).unwrap(),
        Value::Boolean(b) => out.push_str(if *b { "True" } else { "False" }),
        // The fields take a datetime's text as gitlab-runner writes it.
        Value::Datetime(d) => out.push_str(&string(&d.to_string())),
        Value::Table(child) => table(out, child, depth, imports),
        Value::Tables(children) => {
            let inner = INDENT.repeat(depth + 1);
            out.push_str("[\n");
            for child in children {
                out.push_str(&inner);
                table(out, child, depth + 1, imports);
                out.push_str(",\n");
            }
            write!(out, "{}]", INDENT.repeat(depth)).unwrap();
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                literal(out, item, depth, imports);
            }
            out.push(']');
        }
        Value::Map(entries) => {
            out.push('{');
            for (i, (key, item)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write!(out, "{}: ", string(key)).unwrap();
                literal(out, item, depth, imports);
            }
            out.push('}');
        }
    }
}

/// A Python string literal: a TOML basic string is one, with the same meaning (Python reads
/// `\"`, `\\`, `\n`, `\t`, `\r`, `\b`, `\f` and `\uXXXX` alike), so the one escaper serves both
/// and control, line-separating and direction-changing characters stay escaped in the source.
fn string(s: &str) -> String {
    crate::escape::quoted(s)
}
