//! Lookup tables over the static schema, built once on first use.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::{Kind, Struct, ROOT};

/// Field positions of one struct by TOML key and by field name.
pub struct FieldIndex {
    by_key: HashMap<&'static str, usize>,
    by_name: HashMap<&'static str, usize>,
    /// Lower-cased keys, for the case-insensitive match gitlab-runner falls back to.
    by_folded_key: HashMap<String, usize>,
}

struct Index {
    structs: Vec<&'static Struct>,
    /// Every table header (`[runners.docker]`, `[[runners]]`) with its struct, root excluded.
    headers: Vec<(String, &'static Struct)>,
    /// Struct addresses with their positions in `structs` and `fields`, sorted by address for
    /// a binary search (no map of its own type: the wasm links no hash table code for it).
    position: Vec<(usize, usize)>,
    fields: Vec<FieldIndex>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut structs = Vec::new();
        collect(ROOT, &mut structs);
        let mut position: Vec<(usize, usize)> = structs.iter().enumerate().map(|(i, s)| (address(s), i)).collect();
        crate::order::by_offsets(&mut position, |&(address, _)| (address, 0));
        let fields = structs.iter().map(|s| FieldIndex::build(s)).collect();
        let mut headers = Vec::new();
        collect_headers(ROOT, "", &mut headers);
        Index { structs, headers, position, fields }
    })
}

fn address(s: &Struct) -> usize {
    s as *const Struct as usize
}

fn collect(s: &'static Struct, out: &mut Vec<&'static Struct>) {
    if out.iter().any(|seen| std::ptr::eq(*seen, s)) {
        return;
    }
    out.push(s);
    for field in s.fields {
        if let Kind::Table(child) | Kind::Tables(child) = field.kind {
            collect(child, out);
        }
    }
}

fn collect_headers(s: &'static Struct, prefix: &str, out: &mut Vec<(String, &'static Struct)>) {
    for field in s.fields {
        let (child, array) = match field.kind {
            Kind::Table(child) => (child, false),
            Kind::Tables(child) => (child, true),
            _ => continue,
        };
        let path = if prefix.is_empty() { field.key.to_owned() } else { format!("{prefix}.{}", field.key) };
        let header = if array { format!("[[{path}]]") } else { format!("[{path}]") };
        out.push((header, child));
        collect_headers(child, &path, out);
    }
}

pub(super) fn all_structs() -> &'static [&'static Struct] {
    &index().structs
}

/// The headers of the tables that have `key`, shallowest first.
pub(super) fn tables_with_key(key: &str) -> Vec<&'static str> {
    index().headers.iter().filter(|(_, s)| s.fields.iter().any(|f| f.key == key)).map(|(h, _)| h.as_str()).collect()
}

impl FieldIndex {
    fn build(s: &Struct) -> FieldIndex {
        let by_key = s.fields.iter().enumerate().map(|(i, f)| (f.key, i)).collect();
        let by_name = s.fields.iter().enumerate().map(|(i, f)| (f.name, i)).collect();
        let mut by_folded_key = HashMap::new();
        for (i, f) in s.fields.iter().enumerate() {
            // Where two keys fold alike, the first in the struct wins, as in gitlab-runner.
            by_folded_key.entry(f.key.to_ascii_lowercase()).or_insert(i);
        }
        FieldIndex { by_key, by_name, by_folded_key }
    }

    /// The index of a struct reachable from the root; `None` for any other.
    pub fn of(s: &'static Struct) -> Option<&'static FieldIndex> {
        let index = index();
        let found = index.position.binary_search_by_key(&address(s), |&(address, _)| address).ok()?;
        Some(&index.fields[index.position[found].1])
    }

    pub fn by_key(&self, key: &str) -> Option<usize> {
        self.by_key.get(key).copied().or_else(|| self.by_folded_key.get(&key.to_ascii_lowercase()).copied())
    }

    pub fn by_exact_key(&self, key: &str) -> Option<usize> {
        self.by_key.get(key).copied()
    }

    pub fn by_name(&self, name: &str) -> Option<usize> {
        self.by_name.get(name).copied()
    }
}
