//! Completion at a cursor in config.toml text, for any editor: the keys of the table in force
//! not yet written there, the allowed values of the key being set, the table headers that can
//! follow. Works on text that does not parse (the user is typing). Offsets are bytes.

use crate::cursor::{self, Cursor, TableAt, Typing};
use crate::describe;
use crate::schema::{Field, Kind, MapOf, Struct, Version};

/// What a completion offers and the span of text it replaces (byte offsets).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Completions {
    pub from: usize,
    pub to: usize,
    pub items: Vec<Item>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemKind {
    Key,
    Value,
    Table,
}

impl ItemKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Key => "key",
            ItemKind::Value => "value",
            ItemKind::Table => "table",
        }
    }
}

/// One thing to offer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// What the list shows and matches against what is typed (a key, `"always"`, `[[runners]]`).
    pub label: String,
    pub kind: ItemKind,
    /// The kind and default (`string, default "always"`), or the table's header kind.
    pub detail: String,
    /// The schema's description.
    pub documentation: String,
    pub deprecated: bool,
    /// The first gitlab-runner release that reads the key or table, when it is not among the
    /// oldest on record.
    pub since: Option<Version>,
    /// The text that replaces `from..to` (`pull_policy = "always"` for a key).
    pub apply: String,
}

/// What can be written at byte `offset` of `text`.
pub fn complete(text: &str, offset: usize) -> Completions {
    let cursor = cursor::at(text, offset);
    let items = match &cursor.typing {
        Typing::Key { assigned } => keys(text, &cursor, *assigned),
        Typing::Value { key } => values(&cursor.table, key),
        Typing::Header => headers(text, &cursor),
        Typing::Nothing => Vec::new(),
    };
    Completions { from: cursor.from, to: cursor.to, items }
}

/// The keys of the table in force that are not written in it yet; `assigned` when the line
/// has its `= value` already, so only the key is written.
fn keys(text: &str, cursor: &Cursor, assigned: bool) -> Vec<Item> {
    let written = cursor.table.keys_written(text, cursor.line_start);
    let is_written = |key: &str| written.iter().any(|w| w.eq_ignore_ascii_case(key));
    if let Some(schema) = cursor.table.schema {
        return schema
            .fields
            .iter()
            .filter(|f| !matches!(f.kind, Kind::Table(_) | Kind::Tables(_)) && !is_written(f.key))
            .map(|field| key_item(&cursor.table.chain, field, assigned))
            .collect();
    }
    // A free-form map whose keys are fixed (`[runners.feature_flags]`).
    let Some(map) = cursor.table.map else { return Vec::new() };
    let value = match map.kind {
        Kind::Map(MapOf::Boolean) => "true",
        _ => "\"\"",
    };
    map.allowed
        .iter()
        .filter(|key| !is_written(key))
        .map(|key| Item {
            label: (*key).to_owned(),
            kind: ItemKind::Key,
            detail: describe::kind(map).to_owned(),
            documentation: map.doc.to_owned(),
            deprecated: false,
            since: None,
            apply: if assigned { (*key).to_owned() } else { format!("{key} = {value}") },
        })
        .collect()
}

fn key_item(table: &[&'static Field], field: &'static Field, assigned: bool) -> Item {
    let detail = match describe::default(field) {
        Some(default) => format!("{}, default {default}", describe::kind(field)),
        None => describe::kind(field).to_owned(),
    };
    Item {
        label: field.key.to_owned(),
        kind: ItemKind::Key,
        detail,
        documentation: field.doc.to_owned(),
        deprecated: field.deprecated,
        since: describe::since(&[table, &[field]].concat()),
        apply: if assigned {
            field.key.to_owned()
        } else {
            format!("{} = {}", field.key, describe::placeholder(field))
        },
    }
}

/// The values the key being set accepts, where they are a fixed set.
fn values(table: &TableAt, key: &str) -> Vec<Item> {
    let segments = cursor::split_dotted(key);
    let Some((last, parents)) = segments.split_last() else { return Vec::new() };
    // `docker.image = ` under `[[runners]]` sets a key of a sub-table.
    let mut schema: Option<&'static Struct> = table.schema;
    for parent in parents {
        schema = schema.and_then(|s| cursor::field(s, parent)).and_then(|f| match f.kind {
            Kind::Table(child) => Some(child),
            _ => None,
        });
    }
    let Some(field) = schema.and_then(|s| cursor::field(s, last)) else {
        return match table.map.map(|m| m.kind) {
            Some(Kind::Map(MapOf::Boolean)) => booleans(),
            _ => Vec::new(),
        };
    };
    match field.kind {
        Kind::Boolean => booleans(),
        Kind::String | Kind::StringOrStrings | Kind::Strings => field
            .allowed
            .iter()
            .map(|value| {
                let quoted = crate::escape::quoted(value);
                let is_default = describe::default(field).as_deref() == Some(&quoted);
                Item {
                    label: quoted.clone(),
                    kind: ItemKind::Value,
                    detail: if is_default { "default".to_owned() } else { String::new() },
                    documentation: String::new(),
                    deprecated: false,
                    since: None,
                    apply: quoted,
                }
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn booleans() -> Vec<Item> {
    ["true", "false"]
        .iter()
        .map(|b| Item {
            label: (*b).to_owned(),
            kind: ItemKind::Value,
            detail: String::new(),
            documentation: String::new(),
            deprecated: false,
            since: None,
            apply: (*b).to_owned(),
        })
        .collect()
}

/// The headers of the tables below the one in force and below each table enclosing it, nearest
/// first: from `[runners.docker]`, `[[runners.docker.services]]` ... then `[runners.cache]` ...
/// then `[[runners]]`, `[session_server]`; tables (not arrays of tables) in force already left out.
fn headers(text: &str, cursor: &Cursor) -> Vec<Item> {
    let table = &cursor.table;
    let written = cursor::headers_in_force(text, cursor.line_start);
    let mut items = Vec::new();
    for depth in (0..=table.chain.len()).rev() {
        let chain = &table.chain[..depth];
        let parent = match chain.last() {
            None => Some(crate::schema::ROOT),
            Some(field) => match field.kind {
                Kind::Table(s) | Kind::Tables(s) => Some(s),
                _ => None,
            },
        };
        let Some(parent) = parent else { continue };
        let prefix: Vec<&str> = chain.iter().map(|f| f.key).collect();
        for field in parent.fields {
            let array = match field.kind {
                Kind::Table(_) | Kind::Map(_) => false,
                Kind::Tables(_) => true,
                _ => continue,
            };
            let path = prefix.iter().copied().chain([field.key]).collect::<Vec<_>>().join(".");
            let header = if array { format!("[[{path}]]") } else { format!("[{path}]") };
            if written.contains(&header) || items.iter().any(|i: &Item| i.label == header) {
                continue;
            }
            items.push(Item {
                label: header.clone(),
                kind: ItemKind::Table,
                detail: describe::kind(field).to_owned(),
                documentation: field.doc.to_owned(),
                deprecated: field.deprecated,
                since: describe::since(&[chain, &[field]].concat()),
                apply: header,
            });
        }
    }
    items
}
