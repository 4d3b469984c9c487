//! `${VARIABLE}` placeholders in a config's strings, filled in from an environment (a container
//! entrypoint's secrets). `$$` is a literal `$`; any other `$` stays as written. The core does
//! no I/O: the caller says how a variable is looked up.

use crate::document::{Table, Value};
use crate::error::{Error, ErrorKind};
use crate::path::KeyPath;

/// A copy of `table` with every `${NAME}` in its strings (keys of free-form tables too) replaced
/// by `lookup(NAME)`. Every variable that is not set is an error naming it and the key path;
/// the values themselves never appear in a message.
pub fn expand_env(table: &Table, lookup: &mut dyn FnMut(&str) -> Option<String>) -> Result<Table, Vec<Error>> {
    let mut errors = Vec::new();
    let expanded = Expander { lookup, errors: &mut errors }.table(table, &mut KeyPath::root());
    if errors.is_empty() {
        Ok(expanded)
    } else {
        Err(errors)
    }
}

struct Expander<'a> {
    lookup: &'a mut dyn FnMut(&str) -> Option<String>,
    errors: &'a mut Vec<Error>,
}

impl Expander<'_> {
    fn table(&mut self, table: &Table, path: &mut KeyPath) -> Table {
        let mut expanded = Table::new(table.schema());
        for (field, value) in table.fields() {
            path.push_key(field.key);
            let value = self.value(value, path);
            path.pop();
            // The kind is unchanged (strings stay strings), so the field takes it.
            expanded.set(field.key, value);
        }
        for (key, value) in table.unknown() {
            path.push_key(key);
            let value = self.value(value, path);
            path.pop();
            expanded.insert_unknown(key.clone(), value);
        }
        expanded
    }

    fn value(&mut self, value: &Value, path: &mut KeyPath) -> Value {
        match value {
            Value::String(text) => Value::String(self.text(text, path)),
            Value::Array(items) => Value::Array(self.items(items, path, Self::value)),
            Value::Table(table) => Value::Table(self.table(table, path)),
            Value::Tables(tables) => Value::Tables(self.items(tables, path, Self::table)),
            Value::Map(entries) => Value::Map(
                entries
                    .iter()
                    .map(|(key, value)| {
                        path.push_key(key);
                        let entry = (self.text(key, path), self.value(value, path));
                        path.pop();
                        entry
                    })
                    .collect(),
            ),
            scalar => scalar.clone(),
        }
    }

    fn items<T>(&mut self, items: &[T], path: &mut KeyPath, each: fn(&mut Self, &T, &mut KeyPath) -> T) -> Vec<T> {
        items
            .iter()
            .enumerate()
            .map(|(index, item)| {
                path.push_index(index);
                let item = each(self, item, path);
                path.pop();
                item
            })
            .collect()
    }

    fn text(&mut self, text: &str, path: &KeyPath) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(dollar) = rest.find('$') {
            out.push_str(&rest[..dollar]);
            let after = &rest[dollar + 1..];
            if let Some(after) = after.strip_prefix('$') {
                out.push('$');
                rest = after;
            } else if let Some(inside) = after.strip_prefix('{') {
                let Some(end) = inside.find('}') else {
                    self.fail(path, "\"${\" without a closing \"}\" (write $$ for a literal $)".into());
                    return text.to_owned();
                };
                let name = &inside[..end];
                if !is_variable_name(name) {
                    self.fail(
                        path,
                        format!("${{{name}}} is not an environment variable name (write $$ for a literal $)"),
                    );
                } else if let Some(value) = (self.lookup)(name) {
                    out.push_str(&value);
                } else {
                    self.fail(path, format!("environment variable {name} is not set"));
                }
                rest = &inside[end + 1..];
            } else {
                out.push('$');
                rest = after;
            }
        }
        out.push_str(rest);
        out
    }

    fn fail(&mut self, path: &KeyPath, message: String) {
        self.errors.push(Error::new(ErrorKind::Value, path.clone(), message));
    }
}

fn is_variable_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c == '_' || c.is_ascii_alphabetic())
        && chars.all(|c| c == '_' || c.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{parse, render, UnknownKeys};

    fn expanded(toml: &str, environment: &[(&str, &str)]) -> Result<String, Vec<String>> {
        let table = parse(toml, UnknownKeys::Reject).unwrap();
        let mut lookup = |name: &str| environment.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string());
        expand_env(&table, &mut lookup)
            .map(|table| render(&table))
            .map_err(|errors| errors.iter().map(|e| format!("{}: {}", e.path, e.message)).collect())
    }

    #[test]
    fn placeholders_are_filled_in_everywhere_and_dollars_kept() {
        let toml = "[[runners]]\n  name = \"r-${SITE}\"\n  url = \"${URL}\"\n  token = \"${TOKEN}\"\n  executor = \"docker\"\n  environment = [\"PRICE=$$5\", \"HOME=$HOME\"]\n\n  [runners.docker]\n    image = \"alpine\"\n\n  [runners.docker.sysctls]\n    \"net.${K}\" = \"${V}\"\n";
        let environment =
            [("SITE", "a"), ("URL", "https://gitlab.example.com"), ("TOKEN", "glrt-x"), ("K", "core"), ("V", "1")];
        assert_eq!(
            expanded(toml, &environment).unwrap(),
            "[[runners]]\n  name = \"r-a\"\n  url = \"https://gitlab.example.com\"\n  token = \"glrt-x\"\n  executor = \"docker\"\n  environment = [\"PRICE=$5\", \"HOME=$HOME\"]\n\n  [runners.docker]\n    image = \"alpine\"\n\n    [runners.docker.sysctls]\n      \"net.core\" = \"1\"\n"
        );
    }

    #[test]
    fn missing_variables_are_named_with_their_key_path_and_values_never_said() {
        let toml = "[[runners]]\n  token = \"${TOKEN}\"\n  environment = [\"A=${SECRET_A}\", \"B=${B\"]\n  url = \"${URL}x${bad name}\"\n";
        assert_eq!(
            expanded(toml, &[("URL", "https://example.com")]).unwrap_err(),
            [
                "runners[0].url: ${bad name} is not an environment variable name (write $$ for a literal $)",
                "runners[0].token: environment variable TOKEN is not set",
                "runners[0].environment[0]: environment variable SECRET_A is not set",
                "runners[0].environment[1]: \"${\" without a closing \"}\" (write $$ for a literal $)",
            ]
        );
    }
}
