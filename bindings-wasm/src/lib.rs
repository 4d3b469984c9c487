//! The engine for JavaScript: a handful of functions over the core, no logic of their own.
//! Configs are plain objects shaped exactly like the TOML (keys as gitlab-runner spells them).
//! Every failure is a thrown `Error` with a `path`; nothing here can panic on any input.

mod editor;
mod input;
mod output;

use gitlab_runner_config::input::Input;
use gitlab_runner_config::schema::Version;
use gitlab_runner_config::{
    decode_config, render as render_table, validate_input, ErrorKind, KeyPath, Options, UnknownKeys,
};
use js_sys::Reflect;
use wasm_bindgen::prelude::*;

use input::JsInput;

/// One option of an options object (`undefined` when absent or not an object).
fn option(options: &JsValue, name: &str) -> JsValue {
    if options.is_object() {
        Reflect::get(options, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    }
}

/// `{ strict?: boolean }`: strict (the default) rejects unknown keys; lenient keeps them.
fn unknown_keys(options: &JsValue) -> UnknownKeys {
    UnknownKeys::from_strict(option(options, "strict").as_bool() != Some(false))
}

/// `{ strict?, runnerVersion?: "17.5", fragment?: boolean }` for the checks.
fn checks(options: &JsValue) -> Result<Options, JsValue> {
    let runner_version = match option(options, "runnerVersion").as_string() {
        Some(text) => text.parse().map_err(|message: String| {
            let error = gitlab_runner_config::Error::new(ErrorKind::Value, KeyPath::root(), message);
            output::error("ConfigError", vec![error], "")
        })?,
        None => Version::NEWEST,
    };
    let fragment = option(options, "fragment").as_bool() == Some(true);
    Ok(Options { unknown: unknown_keys(options), runner_version, fragment })
}

/// config.toml text for a config object.
#[wasm_bindgen]
pub fn render(config: JsValue, options: JsValue) -> Result<String, JsValue> {
    let table = decode_config(&JsInput::new(config), unknown_keys(&options))
        .map_err(|errors| output::error("ConfigError", errors, ""))?;
    Ok(render_table(&table))
}

/// The text of a `toml` argument. Taken as a JsValue and checked here: a `&str` parameter
/// given a number would make wasm-bindgen read memory that is not a string.
fn text(toml: &JsValue) -> Result<String, JsValue> {
    toml.as_string().ok_or_else(|| {
        let message = format!("expected config.toml text (a string), got {}", JsInput::new(toml.clone()).type_name());
        let error = gitlab_runner_config::Error::new(ErrorKind::Type, KeyPath::root(), message);
        output::error("TomlParseError", vec![error], "")
    })
}

/// A config object from config.toml text.
#[wasm_bindgen]
pub fn parse(toml: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let toml = text(&toml)?;
    let table = gitlab_runner_config::parse(&toml, unknown_keys(&options))
        .map_err(|errors| output::error("TomlParseError", errors, &toml))?;
    Ok(output::table(&table))
}

/// Every finding about a config object or config.toml text (with lines and columns for text).
#[wasm_bindgen]
pub fn validate(input: JsValue, options: JsValue) -> Result<Vec<JsValue>, JsValue> {
    let checks = checks(&options)?;
    let text = input.as_string();
    let diagnostics = match &text {
        Some(text) => gitlab_runner_config::lint(text, &checks),
        None => validate_input(&JsInput::new(input), &checks),
    };
    Ok(output::diagnostics(&diagnostics, text.as_deref().unwrap_or_default()))
}

/// config.toml text rewritten in gitlab-runner's layout; unknown keys are kept.
#[wasm_bindgen]
pub fn format(toml: JsValue) -> Result<String, JsValue> {
    let toml = text(&toml)?;
    gitlab_runner_config::format(&toml).map_err(|errors| output::error("TomlParseError", errors, &toml))
}

/// The JSON Schema of config.toml.
#[wasm_bindgen]
pub fn schema() -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(&gitlab_runner_config::json_schema())
}

/// The package version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// A Python script that builds a config object with `wetwire_gitlab.runner_config` and prints
/// its config.toml.
#[wasm_bindgen(js_name = toPython)]
pub fn to_python(config: JsValue, options: JsValue) -> Result<String, JsValue> {
    let table = decode_config(&JsInput::new(config), unknown_keys(&options))
        .map_err(|errors| output::error("ConfigError", errors, ""))?;
    Ok(gitlab_runner_config::to_python(&table))
}
