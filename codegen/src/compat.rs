//! What the generated Python classes keep from the published wetwire-gitlab package besides
//! field order (which the engine holds, since `to_python` writes constructor calls too): other
//! names for fields, defaults that differ from gitlab-runner's, and the `Executor` enum's member
//! order. Only codegen reads these, so they live here rather than in the engine's schema (and so
//! in its wasm).

use gitlab_runner_config::schema::{DefaultValue, Executor, Struct, EXECUTORS};

/// A second name for a field, possibly one table down (`cache_s3` for `cache.s3`).
pub struct Alias {
    pub name: &'static str,
    /// Field names from the class's struct to the target field.
    pub target: &'static [&'static str],
    /// Warn when used: the name is gitlab-runner's old one.
    pub deprecated: bool,
}

/// Aliases by class name.
const ALIASES: &[(&str, &[Alias])] = &[(
    "Runner",
    &[
        Alias { name: "pre_clone_script", target: &["pre_get_sources_script"], deprecated: true },
        Alias { name: "cache_s3", target: &["cache", "s3"], deprecated: false },
        Alias { name: "cache_gcs", target: &["cache", "gcs"], deprecated: false },
        Alias { name: "cache_azure", target: &["cache", "azure"], deprecated: false },
    ],
)];

/// Attribute defaults where the published package differs from gitlab-runner's, by class name.
const DEFAULTS: &[(&str, &[(&str, DefaultValue)])] = &[(
    "Config",
    &[
        ("log_level", DefaultValue::None),
        ("log_format", DefaultValue::None),
        ("connection_max_age", DefaultValue::None),
    ],
)];

/// The published `Executor` enum's members by value, in its order (the engine lists them in
/// gitlab-runner's); an executor added to the engine goes at the end.
const EXECUTOR_ORDER: &[&str] = &[
    "shell",
    "docker",
    "docker-windows",
    "kubernetes",
    "ssh",
    "parallels",
    "virtualbox",
    "docker+machine",
    "docker-autoscaler",
    "instance",
    "custom",
    "docker-ssh",
    "docker-ssh+machine",
];

/// The engine's executors in the published enum's member order.
pub fn executors() -> Vec<&'static Executor> {
    EXECUTOR_ORDER
        .iter()
        .map(|value| EXECUTORS.iter().find(|e| e.value == *value).unwrap_or_else(|| panic!("{value} is no executor")))
        .collect()
}

pub fn aliases(s: &Struct) -> &'static [Alias] {
    ALIASES.iter().find(|(class, _)| *class == s.class).map_or(&[], |(_, aliases)| aliases)
}

pub fn defaults(s: &Struct) -> &'static [(&'static str, DefaultValue)] {
    DEFAULTS.iter().find(|(class, _)| *class == s.class).map_or(&[], |(_, defaults)| defaults)
}

#[cfg(test)]
mod tests {
    use gitlab_runner_config::schema::{self, Kind, Struct};

    fn structs() -> Vec<&'static Struct> {
        let mut found = vec![schema::ROOT];
        let mut next = 0;
        while next < found.len() {
            for f in found[next].fields {
                if let Kind::Table(child) | Kind::Tables(child) = f.kind {
                    if !found.iter().any(|s| std::ptr::eq(*s, child)) {
                        found.push(child);
                    }
                }
            }
            next += 1;
        }
        found
    }

    fn class(name: &str) -> &'static Struct {
        structs().into_iter().find(|s| s.class == name).unwrap_or_else(|| panic!("{name} is no class of the schema"))
    }

    #[test]
    fn every_default_names_a_field_of_its_class() {
        for (name, defaults) in super::DEFAULTS {
            let s = class(name);
            for (field, _) in *defaults {
                assert!(s.field_by_name(field).is_some(), "{name}.{field} is not a field");
            }
        }
    }

    #[test]
    fn the_enum_order_names_every_executor_once() {
        let mut ordered: Vec<&str> = super::executors().iter().map(|e| e.value).collect();
        let mut known: Vec<&str> = schema::EXECUTORS.iter().map(|e| e.value).collect();
        ordered.sort_unstable();
        known.sort_unstable();
        assert_eq!(ordered, known);
    }

    #[test]
    fn every_alias_reaches_a_field_and_is_no_field_itself() {
        for (name, aliases) in super::ALIASES {
            let s = class(name);
            for alias in *aliases {
                assert!(s.field_by_name(alias.name).is_none(), "{name}.{} is a field already", alias.name);
                let mut current = s;
                for (i, step) in alias.target.iter().enumerate() {
                    let position =
                        current.field_by_name(step).unwrap_or_else(|| panic!("{name}.{}: no {step}", alias.name));
                    if i + 1 < alias.target.len() {
                        match current.fields[position].kind {
                            Kind::Table(child) => current = child,
                            _ => panic!("{name}.{}: {step} is not a table", alias.name),
                        }
                    }
                }
            }
        }
    }
}
