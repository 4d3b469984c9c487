//! GitLab Runner's `config.toml` as data: one schema (`schema`), a typed document (`document`),
//! one decoder for every face's input (`input`, `decode`), a renderer (`render`), a parser
//! (`parse`) and a validator (`validate`).
//!
//! ```
//! let table = gitlab_runner_config::parse("concurrent = 4\n", gitlab_runner_config::UnknownKeys::Reject).unwrap();
//! assert_eq!(gitlab_runner_config::render(&table), "concurrent = 4\n");
//! ```

pub mod code;
pub mod complete;
pub mod compose;
mod cursor;
pub mod decode;
mod describe;
pub mod diagnostic;
pub mod direct;
pub mod docker_auth;
pub mod document;
pub mod duration;
pub mod edit;
pub mod error;
pub mod escape;
pub mod expand;
pub mod fix;
pub mod float;
pub mod hover;
pub mod input;
pub mod js_json;
#[cfg(feature = "json")]
pub mod json;
mod json_schema;
pub mod lines;
mod order;
pub mod parse;
pub mod path;
mod python_source;
pub mod render;
pub mod schema;
mod suggest;
pub mod validate;
pub mod visit;

pub use code::Code;
pub use complete::{complete, Completions};
pub use decode::{decode, decode_config, decode_struct, Decoded, UnknownKeys};
pub use diagnostic::{Diagnostic, Severity};
pub use document::{Table, Value};
pub use edit::{format, format_canonical, update};
pub use error::{Error, ErrorKind, Errors};
pub use fix::{fix, Fix};
pub use hover::{hover, Hover};
pub use json_schema::json_schema;
pub use parse::{parse, Source};
pub use path::KeyPath;
pub use python_source::to_python;
pub use render::render;
pub use validate::{lint, validate, validate_input, Options};
