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
mod json_schema;
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
pub use json_schema::json_schema;
pub use parse::{parse, Source};
pub use path::KeyPath;
pub use render::render;

/// config.toml text rewritten in gitlab-runner's layout. Unknown keys are kept where they are;
/// anything else wrong is an error.
pub fn format(text: &str) -> Result<String, Vec<Error>> {
    let source = Source::parse(text)?;
    let decoded = source.decode(UnknownKeys::Keep);
    if decoded.errors.is_empty() {
        Ok(render(&decoded.table))
    } else {
        Err(decoded.errors)
    }
}
pub use validate::{lint, validate, validate_input};
