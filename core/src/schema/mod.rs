//! The one schema: every table and key gitlab-runner 19.4 accepts in `config.toml`.
//!
//! Each Go struct behind a TOML table is one [`Struct`]; a table path that repeats a struct
//! (the four container security contexts, the affinity terms ...) points at the same `Struct`.
//! Fields are listed in canonical render order: the user guide's order first, then
//! gitlab-runner's struct order. Everything else (the renderer's key order, the parser's key
//! lookup, the generated Python classes, later the TypeScript types and the JSON Schema) is
//! derived from these tables; see `tables/` for the definitions.

pub mod build;
mod feature_flags;
pub mod handle;
mod index;
mod tables;
mod version;

pub use feature_flags::FEATURE_FLAGS;
pub use index::FieldIndex;
pub use version::Version;

/// How a key's value is written in TOML.
#[derive(Clone, Copy, Debug)]
pub enum Kind {
    String,
    Integer,
    Float,
    Boolean,
    /// A Go `time.Duration`: a string such as `"1h30m"` (or, when parsed, integer nanoseconds).
    Duration,
    /// An RFC 3339 datetime, written bare.
    Datetime,
    /// `pull_policy`: one string or an array of strings.
    StringOrStrings,
    Strings,
    Integers,
    Floats,
    /// A free-form table whose keys the user chooses (labels, sysctls ...).
    Map(MapOf),
    /// A sub-table with a fixed set of keys.
    Table(&'static Struct),
    /// An array of tables (`[[runners]]`, `[[runners.docker.services]]` ...).
    Tables(&'static Struct),
}

/// The value type of a free-form map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MapOf {
    String,
    Boolean,
    Integer,
    Strings,
    /// Anything TOML can hold (plugin settings passed through to a fleeting plugin).
    Any,
}

/// The value gitlab-runner uses when a key is absent, where it is a fixed value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum DefaultValue {
    None,
    Bool(bool),
    Int(i64),
    Real(f64),
    Str(&'static str),
    List(&'static [&'static str]),
}

/// One key of a table.
#[derive(Debug)]
pub struct Field {
    /// The key as gitlab-runner spells it in TOML (`BucketName`, `tls-ca-file`).
    pub key: &'static str,
    /// The snake_case field name used by the Python classes (`bucket_name`, `tls_ca_file`).
    pub name: &'static str,
    pub kind: Kind,
    pub default: DefaultValue,
    /// Allowed values; for maps, allowed keys. Empty when anything goes.
    pub allowed: &'static [&'static str],
    pub deprecated: bool,
    /// A working config needs it whenever its table is present (validation reports it missing;
    /// parsing accepts fragments without it, as gitlab-runner does).
    pub required: bool,
    /// Holds a credential: never shown in a repr, a log line or an error message.
    pub secret: bool,
    /// The allowed values form a named enumeration in the language faces (`Executor`).
    pub enumeration: Option<&'static str>,
    /// One line, in our words.
    pub doc: &'static str,
    /// The first gitlab-runner release with this key in its table ([`Version::OLDEST`]: that
    /// release or an older one). Where the table itself came later, its key says so.
    pub since: Version,
    /// Keys of this table-valued field's struct that came later here than in the struct's
    /// other tables (the struct was shared from that release on).
    pub nested_since: &'static [(&'static str, Version)],
    /// The value's kind changed: before this release it was written as something else.
    pub earlier_kind: Option<EarlierKind>,
    /// What a string value (or each string of a list) must look like, beyond being a string.
    pub syntax: Syntax,
    /// The integers gitlab-runner accepts (or does not ignore) for this key.
    pub bounds: Bounds,
}

/// A syntax a string must follow for gitlab-runner (or what it hands the string to) to read it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Syntax {
    Any,
    /// An http(s) URL with a host (`https://gitlab.example.com/`).
    Url,
    /// A Kubernetes resource quantity (`500m`, `4Gi`, `1.5`, `2e3`).
    Quantity,
    /// A size in Docker's units (`512m`, `2g`, `1.5GiB`), read with go-units' RAMInBytes.
    DockerSize,
    /// A job environment entry, `NAME=value`.
    Environment,
    /// The keys of a map are gitlab-runner feature flag names (`FF_...`).
    FeatureFlags,
}

/// The integers a key takes: where gitlab-runner (or the system it configures) refuses or
/// ignores a value, and the width of the Go integer it is decoded into.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bounds {
    // 32 bits hold every bound gitlab-runner has, and keep each `Field` 20 bytes smaller (583
    // of them are data in the wasm); `min()` and `max()` read them.
    min: Option<i32>,
    max: Option<i32>,
    /// Bits of the Go integer type (64 unless narrower): a value outside it makes gitlab-runner
    /// refuse the whole file.
    pub go_bits: u8,
}

impl Bounds {
    /// The least value that means something.
    pub fn min(&self) -> Option<i64> {
        self.min.map(i64::from)
    }

    /// The greatest value that means something.
    pub fn max(&self) -> Option<i64> {
        self.max.map(i64::from)
    }

    pub const ANY: Bounds = Bounds { min: None, max: None, go_bits: 64 };

    /// The range of the Go integer type, when it is narrower than TOML's 64 bits.
    pub fn go_range(&self) -> Option<(i64, i64)> {
        (self.go_bits < 64).then(|| {
            let half = 1i64 << (self.go_bits - 1);
            (-half, half - 1)
        })
    }
}

/// What a key was before its kind changed (`pull_policy` was one string before 13.8).
#[derive(Clone, Copy, Debug)]
pub struct EarlierKind {
    /// The first release that reads the current kind.
    pub changed_in: Version,
    /// How values were written before, in words ("one string").
    pub was: &'static str,
}

/// A key gitlab-runner read in older releases and ignores now, kept here to name it and what
/// replaced it.
#[derive(Debug)]
pub struct RemovedKey {
    pub table: &'static Struct,
    pub key: &'static str,
    pub since: Version,
    /// The last release that read it.
    pub until: Version,
    /// The key that took its place in the same table, if one did.
    pub replacement: Option<&'static str>,
}

/// One Go struct of gitlab-runner's config: a TOML table's set of keys.
pub struct Struct {
    /// The class name in the language faces (`DockerConfig`).
    pub class: &'static str,
    pub doc: &'static str,
    pub python: Python,
    /// In canonical render order.
    pub fields: &'static [Field],
}

/// What the Python face keeps from the published wetwire-gitlab package that `to_python` needs
/// too (its aliases and differing defaults only codegen reads: `codegen/src/compat.rs`).
#[derive(Debug)]
pub struct Python {
    /// Field order of the published dataclass (positional construction); the rest follow.
    pub order: &'static [&'static str],
    /// How many of `order`'s first fields are required constructor arguments.
    pub required: usize,
}

impl Python {
    pub const NONE: Python = Python { order: &[], required: 0 };
}

/// A gitlab-runner feature flag (`[runners.feature_flags]`).
#[derive(Debug)]
pub struct FeatureFlag {
    pub name: &'static str,
    pub default: bool,
    pub deprecated: bool,
}

/// How gitlab-runner treats an executor name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExecutorStatus {
    Supported,
    Deprecated,
    /// No longer accepted by gitlab-runner; kept so old configs can be named and reported.
    Removed,
}

/// An executor name and what gitlab-runner makes of it.
#[derive(Debug)]
pub struct Executor {
    pub value: &'static str,
    pub status: ExecutorStatus,
    pub note: &'static str,
    /// The runner sub-tables it reads (`docker`, `machine` ...), required ones first.
    pub sections: &'static [&'static str],
    /// How many of `sections` it cannot work without.
    pub required_sections: usize,
    /// The first gitlab-runner release that has it ([`Version::OLDEST`]: that one or older).
    pub since: Version,
    /// The last release that had it, for removed ones.
    pub until: Option<Version>,
}

/// The runner sub-tables that belong to one executor or another.
pub static EXECUTOR_SECTIONS: &[&str] =
    &["docker", "kubernetes", "machine", "autoscaler", "ssh", "parallels", "virtualbox", "custom", "instance"];

impl Executor {
    /// The enum member name the Python face has always used: the name in capitals, `-` and
    /// `+` as `_` (`DOCKER_MACHINE` for `docker+machine`).
    pub fn member(&self) -> String {
        self.value.to_ascii_uppercase().replace(['-', '+'], "_")
    }
}

/// Every executor gitlab-runner knows by name, in gitlab-runner's order (its key inventory's),
/// removed ones last. The one list: the `executor` key's allowed values are its names
/// ([`EXECUTOR_NAMES`]); the Python enum's member order, which differs, is codegen's own.
pub static EXECUTORS: &[Executor] = &EXECUTOR_LIST;

const EXECUTOR_LIST: [Executor; 13] = [
    Executor {
        value: "shell",
        status: ExecutorStatus::Supported,
        note: "",
        sections: &[],
        required_sections: 0,
        since: Version::OLDEST,
        until: None,
    },
    Executor {
        value: "custom",
        status: ExecutorStatus::Supported,
        note: "",
        sections: &["custom"],
        required_sections: 1,
        since: Version::new(12, 1),
        until: None,
    },
    Executor {
        value: "instance",
        status: ExecutorStatus::Supported,
        note: "",
        sections: &["autoscaler", "instance"],
        required_sections: 1,
        since: Version::new(15, 5),
        until: None,
    },
    Executor {
        value: "docker",
        status: ExecutorStatus::Supported,
        note: "",
        sections: &["docker"],
        required_sections: 1,
        since: Version::OLDEST,
        until: None,
    },
    Executor {
        value: "docker-windows",
        status: ExecutorStatus::Supported,
        note: "",
        sections: &["docker"],
        required_sections: 1,
        since: Version::OLDEST,
        until: None,
    },
    Executor {
        value: "docker-autoscaler",
        status: ExecutorStatus::Supported,
        note: "",
        sections: &["autoscaler", "docker"],
        required_sections: 2,
        since: Version::new(15, 11),
        until: None,
    },
    Executor {
        value: "docker+machine",
        status: ExecutorStatus::Deprecated,
        note: "deprecated in GitLab 17.5; use docker-autoscaler",
        sections: &["machine", "docker"],
        required_sections: 2,
        since: Version::OLDEST,
        until: None,
    },
    Executor {
        value: "kubernetes",
        status: ExecutorStatus::Supported,
        note: "",
        sections: &["kubernetes"],
        required_sections: 1,
        since: Version::OLDEST,
        until: None,
    },
    Executor {
        value: "ssh",
        status: ExecutorStatus::Supported,
        note: "",
        sections: &["ssh"],
        required_sections: 1,
        since: Version::OLDEST,
        until: None,
    },
    Executor {
        value: "parallels",
        status: ExecutorStatus::Supported,
        note: "",
        sections: &["parallels", "ssh"],
        required_sections: 1,
        since: Version::OLDEST,
        until: None,
    },
    Executor {
        value: "virtualbox",
        status: ExecutorStatus::Supported,
        note: "",
        sections: &["virtualbox", "ssh"],
        required_sections: 1,
        since: Version::OLDEST,
        until: None,
    },
    Executor {
        value: "docker-ssh",
        status: ExecutorStatus::Removed,
        note: "removed in gitlab-runner 16.0; use docker",
        sections: &["docker", "ssh"],
        required_sections: 0,
        since: Version::OLDEST,
        until: Some(Version::new(15, 11)),
    },
    Executor {
        value: "docker-ssh+machine",
        status: ExecutorStatus::Removed,
        note: "removed in gitlab-runner 16.0; use docker-autoscaler",
        sections: &["machine", "docker", "ssh"],
        required_sections: 0,
        since: Version::OLDEST,
        until: Some(Version::new(15, 11)),
    },
];

/// The names gitlab-runner accepts (removed ones excepted), in [`EXECUTORS`]' order: the
/// `executor` key's allowed values.
pub static EXECUTOR_NAMES: [&str; accepted_executors()] = executor_names();

const fn accepted_executors() -> usize {
    let mut count = 0;
    let mut i = 0;
    while i < EXECUTOR_LIST.len() {
        if !matches!(EXECUTOR_LIST[i].status, ExecutorStatus::Removed) {
            count += 1;
        }
        i += 1;
    }
    count
}

const fn executor_names() -> [&'static str; accepted_executors()] {
    let mut names = [""; accepted_executors()];
    let (mut i, mut next) = (0, 0);
    while i < EXECUTOR_LIST.len() {
        if !matches!(EXECUTOR_LIST[i].status, ExecutorStatus::Removed) {
            names[next] = EXECUTOR_LIST[i].value;
            next += 1;
        }
        i += 1;
    }
    names
}

/// When the key at the end of `chain` (the fields from the root table down to it) came to
/// gitlab-runner: the latest of its own release and its tables' releases, and not before each
/// table took its current kind (`[[runners.docker.services]]` tables came in 12.7, when the
/// key stopped being a list of names).
pub fn since_along(chain: &[&Field]) -> Version {
    let mut since = Version::OLDEST;
    for (i, field) in chain.iter().enumerate() {
        since = since.max(field.since);
        let Some(child) = chain.get(i + 1) else { break };
        if let Some(earlier) = field.earlier_kind {
            since = since.max(earlier.changed_in);
        }
        if let Some((_, later)) = field.nested_since.iter().find(|(key, _)| *key == child.key) {
            since = since.max(*later);
        }
    }
    since
}

/// Keys gitlab-runner no longer reads, each with the key that replaced it.
pub static REMOVED_KEYS: &[RemovedKey] = &[
    RemovedKey {
        table: &tables::runner::RUNNER,
        key: "pre_clone_script",
        since: Version::OLDEST,
        until: Version::new(16, 11),
        replacement: Some("pre_get_sources_script"),
    },
    RemovedKey {
        table: &tables::runner::RUNNER,
        key: "post_clone_script",
        since: Version::new(14, 9),
        until: Version::new(16, 11),
        replacement: Some("post_get_sources_script"),
    },
    RemovedKey {
        table: &tables::kubernetes::KUBERNETES_CONFIG,
        key: "terminationGracePeriodSeconds",
        since: Version::OLDEST,
        until: Version::new(16, 11),
        replacement: Some("pod_termination_grace_period_seconds"),
    },
];

/// The removed key `key` of `table`, if it is one.
pub fn removed_key(table: &Struct, key: &str) -> Option<&'static RemovedKey> {
    REMOVED_KEYS.iter().find(|r| r.table == table && r.key == key)
}

/// The root table (`config.toml` itself).
pub static ROOT: &Struct = &tables::global::CONFIG;

/// Every struct reachable from the root, each once, parents before children.
pub fn structs() -> &'static [&'static Struct] {
    index::all_structs()
}

/// The headers of the tables that have `key` (`[runners.docker]` for `dns`), shallowest first.
pub fn tables_with_key(key: &str) -> Vec<&'static str> {
    index::tables_with_key(key)
}

/// Just the name: a struct's fields would drown any debug output of a document.
impl std::fmt::Debug for Struct {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Struct({})", self.class)
    }
}

/// Structs are statics: the same table is the same address.
impl PartialEq for Struct {
    fn eq(&self, other: &Struct) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Struct {
    /// The position of the field with this TOML key. A key that differs only in letter case
    /// finds it too: gitlab-runner's decoder (BurntSushi/toml) falls back to a case-insensitive
    /// match for every field.
    pub fn field_by_key(&'static self, key: &str) -> Option<usize> {
        match FieldIndex::of(self) {
            Some(index) => index.by_key(key),
            None => self
                .fields
                .iter()
                .position(|f| f.key == key)
                .or_else(|| self.fields.iter().position(|f| f.key.eq_ignore_ascii_case(key))),
        }
    }

    /// The position of the field with exactly this TOML key (the checks' lookups; parsing
    /// matches ignoring case, with `field_by_key`).
    pub fn field_by_exact_key(&'static self, key: &str) -> Option<usize> {
        match FieldIndex::of(self) {
            Some(index) => index.by_exact_key(key),
            None => self.fields.iter().position(|f| f.key == key),
        }
    }

    /// The position of the field with this snake_case name.
    pub fn field_by_name(&'static self, name: &str) -> Option<usize> {
        match FieldIndex::of(self) {
            Some(index) => index.by_name(name),
            None => self.fields.iter().position(|f| f.name == name),
        }
    }
}
