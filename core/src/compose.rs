//! A config.toml composed from a template and one snippet per runner, keeping the
//! registration state of runners that already exist (a site's service start): the template
//! holds the global settings, optionally one `[[runners]]` entry whose values every runner
//! starts from, and optionally a `client_configs` list (registration credentials, never written
//! out); each snippet is one runner (a bare table) or `[[runners]]` entries.

use crate::decode::UnknownKeys;
use crate::document::{Table, Value};
use crate::edit::update;
use crate::error::{Error, ErrorKind};
use crate::parse::Source;
use crate::path::{KeyPath, Segment};
use crate::render;
use crate::schema::{self, Kind, Struct};

/// What gitlab-runner writes into a runner when it registers it: kept from the current file.
pub const AUTHENTICATION: &[&str] = &["token", "id", "token_obtained_at", "token_expires_at"];

/// The template's key for registration credentials, which only the registering tool reads.
const CLIENT_CONFIGS: &str = "client_configs";

/// A file's name (as the user gave it) and text.
pub struct File<'a> {
    pub name: &'a str,
    pub text: &'a str,
}

pub struct Composed {
    /// The new config.toml: the current file edited in place (its comments kept) when there
    /// is one, else rendered in gitlab-runner's layout.
    pub text: String,
    /// Runners of the current file no snippet configures any more (they are left out).
    pub removed: Vec<String>,
    /// Runners without a token: they need registering.
    pub unregistered: Vec<String>,
}

/// Every problem, each with the file it is in.
pub type Problems = Vec<(String, Error)>;

/// One runner per snippet (in file name order), each named by its file's stem unless it says
/// otherwise, starting from the template's runner (tables merged key by key, lists and other
/// values replaced), with `AUTHENTICATION` from the current file's runner of the same name
/// unless the snippet sets it.
pub fn compose(template: &File, snippets: &[File], current: Option<&File>) -> Result<Composed, Problems> {
    let mut problems = Problems::new();
    let mut blame = |file: &str, errors: Vec<Error>| problems.extend(errors.into_iter().map(|e| (file.to_owned(), e)));

    let (mut config, defaults) = match read_template(template) {
        Ok(read) => read,
        Err(errors) => {
            blame(template.name, errors);
            (Table::new(schema::ROOT), None)
        }
    };
    let previous = match current.map(|file| (file, read_runners(file.text, UnknownKeys::Keep))) {
        Some((file, Err(errors))) => {
            blame(file.name, errors);
            Vec::new()
        }
        Some((_, Ok(runners))) => runners,
        None => Vec::new(),
    };

    let mut ordered: Vec<&File> = snippets.iter().collect();
    ordered.sort_by(|a, b| a.name.cmp(b.name));
    let mut runners: Vec<Table> = Vec::new();
    for snippet in ordered {
        let entries = match read_snippet(snippet) {
            Ok(entries) => entries,
            Err(errors) => {
                blame(snippet.name, errors);
                continue;
            }
        };
        for own in entries {
            let mut runner = defaults.clone().unwrap_or_else(|| Table::new(own.schema()));
            merge(&mut runner, &own);
            let name = name_of(&runner).unwrap_or_default().to_owned();
            if runners.iter().any(|r| name_of(r) == Some(&name)) {
                let message = format!("a runner named {} is configured twice", crate::escape::quoted(&name));
                blame(snippet.name, vec![Error::new(ErrorKind::Value, KeyPath::root().with_key("name"), message)]);
                continue;
            }
            if let Some(old) = previous.iter().find(|r| name_of(r) == Some(&name)) {
                for key in AUTHENTICATION {
                    if let (None, Some(value)) = (own.get(key), old.get(key)) {
                        runner.set(key, value.clone());
                    }
                }
            }
            runners.push(runner);
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }

    let names: Vec<&str> = runners.iter().filter_map(name_of).collect();
    let removed = previous.iter().filter_map(name_of).filter(|n| !names.contains(n)).map(str::to_owned).collect();
    let unregistered =
        runners.iter().filter(|r| r.get("token").is_none()).filter_map(name_of).map(str::to_owned).collect();
    if !runners.is_empty() {
        config.set("runners", Value::Tables(runners));
    }
    let text = match current {
        Some(file) => update(file.text, &config)
            .map_err(|errors| errors.into_iter().map(|e| (file.name.to_owned(), e)).collect::<Problems>())?,
        None => render(&config),
    };
    Ok(Composed { text, removed, unregistered })
}

fn runner_struct() -> &'static Struct {
    let runners = schema::ROOT.field_by_exact_key("runners").map(|p| schema::ROOT.fields[p].kind);
    match runners {
        Some(Kind::Tables(runner)) => runner,
        _ => unreachable!("the schema's root has a runners list"),
    }
}

fn name_of(runner: &Table) -> Option<&str> {
    match runner.get("name") {
        Some(Value::String(name)) => Some(name),
        _ => None,
    }
}

/// The template's global settings (without its runner and `client_configs`) and its runner.
fn read_template(file: &File) -> Result<(Table, Option<Table>), Vec<Error>> {
    let decoded = Source::parse(file.text)?.decode(UnknownKeys::Reject);
    let is_client_configs = |e: &Error| {
        e.path.segments().first() == Some(&Segment::Key(CLIENT_CONFIGS.into())) && e.kind == ErrorKind::UnknownKey
    };
    let errors: Vec<Error> = decoded.errors.into_iter().filter(|e| !is_client_configs(e)).collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut config = Table::new(schema::ROOT);
    let mut defaults = None;
    for (field, value) in decoded.table.fields() {
        match value {
            Value::Tables(runners) if field.key == "runners" => match runners.as_slice() {
                [] => {}
                [runner] => defaults = Some(runner.clone()),
                _ => {
                    let message = format!(
                        "the template holds {} runners; at most one (the values every runner starts from)",
                        runners.len()
                    );
                    return Err(vec![Error::new(ErrorKind::Value, KeyPath::root().with_key("runners"), message)]);
                }
            },
            _ => {
                config.set(field.key, value.clone());
            }
        }
    }
    Ok((config, defaults))
}

/// A snippet's runners: a bare runner table named by the file's stem unless it has a name, or
/// `[[runners]]` entries (each with a name when there are several).
fn read_snippet(file: &File) -> Result<Vec<Table>, Vec<Error>> {
    let source = Source::parse(file.text)?;
    let stem = stem(file.name);
    let mut runners = if source.decode(UnknownKeys::Keep).table.get("runners").is_some() {
        read_runners(file.text, UnknownKeys::Reject)?
    } else {
        vec![source.decode_as(runner_struct(), UnknownKeys::Reject).into_result()?]
    };
    let several = runners.len() > 1;
    for (index, runner) in runners.iter_mut().enumerate() {
        if name_of(runner).is_some() {
            continue;
        }
        if several {
            let path = KeyPath::root().with_key("runners");
            let mut path = path;
            path.push_index(index);
            let message = "a snippet with several runners names each of them".to_owned();
            return Err(vec![Error::new(ErrorKind::Value, path.with_key("name"), message)]);
        }
        runner.set("name", Value::String(stem.to_owned()));
    }
    Ok(runners)
}

/// A whole file's runners (`[[runners]]`), failing on any other content problem.
fn read_runners(text: &str, unknown: UnknownKeys) -> Result<Vec<Table>, Vec<Error>> {
    let table = Source::parse(text)?.decode(unknown).into_result()?;
    Ok(match table.get("runners") {
        Some(Value::Tables(runners)) => runners.clone(),
        _ => Vec::new(),
    })
}

/// `docker.toml` and `/etc/runners/docker.toml` are named `docker`.
fn stem(file: &str) -> &str {
    let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
    base.rsplit_once('.').map_or(base, |(stem, _)| if stem.is_empty() { base } else { stem })
}

/// `over`'s values on top of `base`'s: tables (and free-form tables) merged key by key, every
/// other value (lists included) replaced.
fn merge(base: &mut Table, over: &Table) {
    for (field, value) in over.fields() {
        let merged = match (base.get(field.key), value) {
            (Some(Value::Table(old)), Value::Table(new)) => {
                let mut table = old.clone();
                merge(&mut table, new);
                Value::Table(table)
            }
            (Some(Value::Map(old)), Value::Map(new)) => Value::Map(merge_maps(old, new)),
            _ => value.clone(),
        };
        base.set(field.key, merged);
    }
}

fn merge_maps(base: &[(String, Value)], over: &[(String, Value)]) -> Vec<(String, Value)> {
    let mut merged = base.to_vec();
    for (key, value) in over {
        match merged.iter_mut().find(|(k, _)| k == key) {
            Some((_, Value::Map(old))) if matches!(value, Value::Map(_)) => {
                if let Value::Map(new) = value {
                    *old = merge_maps(old, new);
                }
            }
            Some((_, old)) => *old = value.clone(),
            None => merged.push((key.clone(), value.clone())),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = "concurrent = 4\n\n[[client_configs]]\n  url = \"https://gitlab.example.com\"\n  registration_token = \"secret\"\n\n[[runners]]\n  url = \"https://gitlab.example.com\"\n  executor = \"docker\"\n  environment = [\"A=1\"]\n\n  [runners.docker]\n    image = \"alpine\"\n    privileged = false\n";

    fn file<'a>(name: &'a str, text: &'a str) -> File<'a> {
        File { name, text }
    }

    #[test]
    fn defaults_are_merged_per_table_and_lists_replaced() {
        let snippets = [
            file("d/shell.toml", "executor = \"shell\"\n"),
            file("d/docker.toml", "environment = [\"B=2\"]\n\n[docker]\n  privileged = true\n"),
        ];
        let composed = compose(&file("t.toml", TEMPLATE), &snippets, None).map_err(|p| p.len()).unwrap();
        assert_eq!(
            composed.text,
            "concurrent = 4\n\n[[runners]]\n  name = \"docker\"\n  url = \"https://gitlab.example.com\"\n  executor = \"docker\"\n  environment = [\"B=2\"]\n\n  [runners.docker]\n    image = \"alpine\"\n    privileged = true\n\n[[runners]]\n  name = \"shell\"\n  url = \"https://gitlab.example.com\"\n  executor = \"shell\"\n  environment = [\"A=1\"]\n\n  [runners.docker]\n    image = \"alpine\"\n    privileged = false\n"
        );
        assert_eq!(composed.unregistered, ["docker", "shell"]);
    }

    #[test]
    fn tokens_are_kept_by_name_and_removed_runners_listed() {
        let current = "concurrent = 4\n\n# the shell runner\n[[runners]]\n  name = \"shell\"\n  url = \"https://gitlab.example.com\"\n  id = 7\n  token = \"glrt-kept\"\n  executor = \"shell\"\n\n[[runners]]\n  name = \"gone\"\n  token = \"glrt-gone\"\n";
        let snippets = [file("shell.toml", "url = \"https://gitlab.example.com\"\nexecutor = \"shell\"\n")];
        let composed =
            compose(&file("t.toml", "concurrent = 4\n"), &snippets, Some(&file("c.toml", current))).ok().unwrap();
        assert_eq!(
            composed.text,
            "concurrent = 4\n\n# the shell runner\n[[runners]]\n  name = \"shell\"\n  url = \"https://gitlab.example.com\"\n  id = 7\n  token = \"glrt-kept\"\n  executor = \"shell\"\n"
        );
        assert_eq!((composed.removed, composed.unregistered), (vec!["gone".to_owned()], vec![]));
    }

    #[test]
    fn problems_name_their_file() {
        let snippets = [
            file("a.toml", "executor = 3\n"),
            file("b.toml", "[[runners]]\n  executor = \"shell\"\n[[runners]]\n  executor = \"shell\"\n"),
        ];
        let problems = compose(&file("t.toml", "[[runners]]\n[[runners]]\n"), &snippets, None).err().unwrap();
        let said: Vec<String> = problems.iter().map(|(file, e)| format!("{file}: {}: {}", e.path, e.message)).collect();
        assert_eq!(
            said,
            [
                "t.toml: runners: the template holds 2 runners; at most one (the values every runner starts from)",
                "a.toml: executor: expected string, got integer",
                "b.toml: runners[0].name: a snippet with several runners names each of them",
            ]
        );
    }
}
