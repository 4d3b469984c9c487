//! The engine for JavaScript. Its API (render, parse, validate, format, schema) arrives with
//! the npm package; for now it exposes the version so the build is exercised end to end.

use wasm_bindgen::prelude::*;

/// The package version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
