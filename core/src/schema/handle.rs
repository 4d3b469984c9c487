//! The fields the checks read by name, as typed handles: each names its table's struct and the
//! key exactly as the schema spells it. A test (`every_handle_names_a_field`) fails when one
//! names no field, so a renamed or mistyped key cannot silently make a check read nothing.

use super::tables::{cache::CACHE_CONFIG, global::CONFIG, runner::RUNNER};
use super::Struct;

/// A field of one struct, named in code.
#[derive(Debug)]
pub struct Handle {
    pub table: &'static Struct,
    pub key: &'static str,
}

macro_rules! handles {
    ($($name:ident = $table:ident . $key:literal;)*) => {
        $(pub static $name: Handle = Handle { table: &$table, key: $key };)*
        /// Every handle, for the test that checks them against the schema.
        pub static ALL: &[&Handle] = &[$(&$name),*];
    };
}

handles! {
    CONCURRENT = CONFIG."concurrent";
    RUNNERS = CONFIG."runners";
    GLOBAL_LABELS = CONFIG."labels";
    RUNNER_NAME = RUNNER."name";
    RUNNER_URL = RUNNER."url";
    RUNNER_TOKEN = RUNNER."token";
    EXECUTOR = RUNNER."executor";
    LIMIT = RUNNER."limit";
    RUNNER_LABELS = RUNNER."labels";
    CACHE = RUNNER."cache";
    CACHE_TYPE = CACHE_CONFIG."Type";
}

#[cfg(test)]
mod tests {
    use super::ALL;
    use super::RUNNER;
    use crate::schema::{EXECUTORS, EXECUTOR_SECTIONS};

    #[test]
    fn every_handle_names_a_field() {
        for handle in ALL {
            let named = handle.table.fields.iter().any(|f| f.key == handle.key);
            assert!(named, "{}.{} is not a field", handle.table.class, handle.key);
        }
    }

    #[test]
    fn cache_types_are_the_keys_of_their_sections() {
        let position = super::CACHE_CONFIG.field_by_exact_key(super::CACHE_TYPE.key).expect("Type");
        for backend in super::CACHE_CONFIG.fields[position].allowed {
            assert!(super::CACHE_CONFIG.field_by_exact_key(backend).is_some(), "{backend} has no section");
        }
    }

    #[test]
    fn executor_sections_are_runner_fields() {
        let sections = EXECUTORS.iter().flat_map(|e| e.sections.iter()).chain(EXECUTOR_SECTIONS);
        for section in sections {
            assert!(RUNNER.fields.iter().any(|f| f.key == *section), "{section} is not a field of Runner");
        }
    }
}
