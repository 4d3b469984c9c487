//! GitLab Runner's `config.toml` as data: one schema, a typed document, a renderer and a parser.
//!
//! ```
//! let table = gitlab_runner_config::parse("concurrent = 4\n", gitlab_runner_config::UnknownKeys::Reject).unwrap();
//! assert_eq!(gitlab_runner_config::render(&table), "concurrent = 4\n");
//! ```

pub mod decode;
pub mod diagnostic;
pub mod document;
pub mod duration;
pub mod error;
pub mod input;
#[cfg(feature = "json")]
pub mod json;
pub mod parse;
pub mod path;
pub mod render;
pub mod schema;
mod suggest;
pub mod validate;

pub use decode::{decode, decode_config, decode_struct, Decoded, UnknownKeys};
pub use diagnostic::{Diagnostic, Severity};
pub use document::{Table, Value};
pub use error::{Error, ErrorKind, Errors};
pub use parse::{parse, Source};
pub use path::KeyPath;
pub use render::render;
pub use validate::{lint, validate};

/// The JSON Schema of config.toml (draft 2020-12), generated from the schema by `make codegen`.
pub const JSON_SCHEMA: &str = include_str!("../generated/gitlab-runner-config.schema.json");
