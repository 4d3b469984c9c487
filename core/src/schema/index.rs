//! Lookup tables over the static schema, built once on first use.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::{Kind, Struct, ROOT};

/// Field positions of one struct by TOML key and by field name.
pub struct FieldIndex {
    by_key: HashMap<&'static str, usize>,
    by_name: HashMap<&'static str, usize>,
    /// Lower-cased keys of the fields gitlab-runner matches in any letter case.
    by_folded_key: HashMap<String, usize>,
}

struct Index {
    structs: Vec<&'static Struct>,
    /// Struct address to its position in `structs` and `fields`.
    position: HashMap<usize, usize>,
    fields: Vec<FieldIndex>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut structs = Vec::new();
        collect(ROOT, &mut structs);
        let position = structs.iter().enumerate().map(|(i, s)| (address(s), i)).collect();
        let fields = structs.iter().map(|s| FieldIndex::build(s)).collect();
        Index { structs, position, fields }
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

pub(super) fn all_structs() -> &'static [&'static Struct] {
    &index().structs
}

impl FieldIndex {
    fn build(s: &Struct) -> FieldIndex {
        let by_key = s.fields.iter().enumerate().map(|(i, f)| (f.key, i)).collect();
        let by_name = s.fields.iter().enumerate().map(|(i, f)| (f.name, i)).collect();
        let by_folded_key = s
            .fields
            .iter()
            .enumerate()
            .filter(|(_, f)| f.case_insensitive)
            .map(|(i, f)| (f.key.to_ascii_lowercase(), i))
            .collect();
        FieldIndex { by_key, by_name, by_folded_key }
    }

    /// The index of a struct reachable from the root.
    pub fn of(s: &'static Struct) -> &'static FieldIndex {
        let index = index();
        let position = index.position[&address(s)];
        &index.fields[position]
    }

    pub fn by_key(&self, key: &str) -> Option<usize> {
        self.by_key.get(key).copied().or_else(|| {
            if self.by_folded_key.is_empty() {
                None
            } else {
                self.by_folded_key.get(&key.to_ascii_lowercase()).copied()
            }
        })
    }

    pub fn by_name(&self, name: &str) -> Option<usize> {
        self.by_name.get(name).copied()
    }
}
