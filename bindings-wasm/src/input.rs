//! What the package's JavaScript hands over: a config as one JSON text, written by
//! `npm/boundary.js` from a checked copy of the JS value (read with JavaScript's type names by
//! the core's `js_json`), or the key path of a value that JavaScript could not read. Nothing
//! here calls back into JavaScript, so no JS exception can unwind through the engine.

use gitlab_runner_config::js_json::{read, Json};
use gitlab_runner_config::{Error, ErrorKind, KeyPath};

use crate::output;

/// Text handed over as UTF-8 bytes (by `TextEncoder`, so always valid).
pub fn text(bytes: &[u8]) -> Result<&str, String> {
    std::str::from_utf8(bytes).map_err(|why| bug(&why.to_string()))
}

/// The JSON text of a config. It comes from `JSON.stringify`, so failing to read it is a bug,
/// reported as an error rather than a panic.
pub fn config(bytes: &[u8]) -> Result<Json<'_>, String> {
    read(text(bytes)?).map_err(|why| bug(&why))
}

fn bug(why: &str) -> String {
    let message = format!("the package could not read its own input ({why}); please report this");
    output::errors(vec![Error::new(ErrorKind::Type, KeyPath::root(), message)], "")
}

/// The error for a value the JavaScript could not read (a getter or Proxy trap that threw, a
/// cycle, a key that is not valid Unicode), at `path`, a JSON array of keys and indexes.
pub fn unreadable(path: &str, message: &str) -> String {
    let mut key_path = KeyPath::root();
    let steps = match read(path) {
        Ok(Json::Array(steps)) => steps,
        _ => Vec::new(),
    };
    for step in &steps {
        match step {
            Json::Number(index) => key_path.push_index(*index as usize),
            Json::String(key) => key_path.push_key(key),
            _ => {}
        }
    }
    output::errors(vec![Error::new(ErrorKind::Type, key_path, message)], "")
}
