//! The engine for JavaScript: a handful of functions over the core, no logic of their own.
//! Configs are plain objects shaped exactly like the TOML (keys as gitlab-runner spells them).
//! Every failure is a thrown `Error` with a `path`; nothing here can panic on any input.

#[cfg(feature = "cli")]
mod cli;
mod editor;
mod float;
mod input;
mod output;
mod workflows;

use gitlab_runner_config::input::Input;
use gitlab_runner_config::js_json::{read, JsJson, Json};
use gitlab_runner_config::schema::Version;
use gitlab_runner_config::validate::findings;
use gitlab_runner_config::{
    decode, decode_config, render as render_table, schema, validate_input, Diagnostic, ErrorKind, KeyPath, Options,
    Severity, UnknownKeys,
};
use wasm_bindgen::prelude::*;

// Every function takes and returns text (configs and config.toml as UTF-8 bytes, which
// `TextEncoder` writes faster than wasm-bindgen's string copy): the package's JavaScript
// (`npm/boundary.js`) reads options and copies configs before calling, and parses the JSON
// answers. Errors are thrown
// as JSON text (`output::errors`) that it turns into `ConfigError`s.

/// `{ runnerVersion?: "17.5", fragment?: boolean }` and `strict` for the checks.
fn checks(strict: bool, runner_version: Option<String>, fragment: bool) -> Result<Options, String> {
    let runner_version = match runner_version {
        Some(text) => text.parse().map_err(|message: String| {
            output::errors(vec![gitlab_runner_config::Error::new(ErrorKind::Value, KeyPath::root(), message)], "")
        })?,
        None => Version::NEWEST,
    };
    Ok(Options { unknown: UnknownKeys::from_strict(strict), runner_version, fragment })
}

/// config.toml text for a config (as JSON from `boundary.js`). With `check`, a config with
/// error-level findings (one gitlab-runner would refuse or misread) is refused with them.
#[wasm_bindgen]
pub fn render(
    config: &[u8],
    strict: bool,
    check: bool,
    runner_version: Option<String>,
    fragment: bool,
) -> Result<String, String> {
    let checks = checks(strict, runner_version, fragment)?;
    let config = input::config(config)?;
    let decoded = decode(schema::ROOT, &JsJson(&config), checks.unknown);
    if check {
        let errors: Vec<Diagnostic> =
            findings(&decoded, &checks).into_iter().filter(|d| d.severity == Severity::Error).collect();
        if !errors.is_empty() {
            return Err(refused(&errors));
        }
    }
    let table = decoded.into_result().map_err(|errors| output::errors(errors, ""))?;
    Ok(render_table(&table))
}

/// The error `render` throws for a config it refuses: every error-level finding, said as
/// `lint` says them (the same words as Python's `ConfigValidationError`).
fn refused(errors: &[Diagnostic]) -> String {
    let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
    let mut out = String::from("{\"message\":");
    gitlab_runner_config::escape::write_json_string(
        &mut out,
        &format!("not rendered: gitlab-runner would refuse or misread it\n{}", lines.join("\n")),
    );
    out.push_str(",\"errors\":");
    out.push_str(&output::diagnostics(errors, ""));
    out.push('}');
    out
}

/// The error for a `toml` argument that is not text (given as JSON from `boundary.js`).
#[wasm_bindgen(js_name = notText)]
pub fn not_text(value: &str) -> String {
    let value = read(value).unwrap_or(Json::Null);
    let message = format!("expected config.toml text (a string), got {}", JsJson(&value).type_name());
    output::errors(vec![gitlab_runner_config::Error::new(ErrorKind::Type, KeyPath::root(), message)], "")
}

/// The error for a value `boundary.js` could not read, at `path` (a JSON array).
#[wasm_bindgen]
pub fn unreadable(path: &str, message: &str) -> String {
    input::unreadable(path, message)
}

/// A config from config.toml text, as `output::document` JSON.
#[wasm_bindgen]
pub fn parse(toml: &[u8], strict: bool) -> Result<String, String> {
    let toml = input::text(toml)?;
    let table = gitlab_runner_config::parse(toml, UnknownKeys::from_strict(strict))
        .map_err(|errors| output::errors(errors, toml))?;
    Ok(output::document(&table))
}

/// Every finding about a config (as JSON from `boundary.js`), as a JSON array.
#[wasm_bindgen]
pub fn validate(config: &[u8], strict: bool, runner_version: Option<String>, fragment: bool) -> Result<String, String> {
    let checks = checks(strict, runner_version, fragment)?;
    let config = input::config(config)?;
    Ok(output::diagnostics(&validate_input(&JsJson(&config), &checks), ""))
}

/// Every finding about config.toml text, with ranges, as a JSON array.
#[wasm_bindgen(js_name = validateText)]
pub fn validate_text(
    toml: &[u8],
    strict: bool,
    runner_version: Option<String>,
    fragment: bool,
) -> Result<String, String> {
    let checks = checks(strict, runner_version, fragment)?;
    let toml = input::text(toml)?;
    Ok(output::diagnostics(&gitlab_runner_config::lint(toml, &checks), toml))
}

/// config.toml text tidied, comments and key order kept (`canonical`: keys in canonical
/// order, comments moving with them; unknown keys are kept).
#[wasm_bindgen]
pub fn format(toml: &[u8], canonical: bool) -> Result<String, String> {
    let toml = input::text(toml)?;
    let formatted =
        if canonical { gitlab_runner_config::format_canonical(toml) } else { gitlab_runner_config::format(toml) };
    formatted.map_err(|errors| output::errors(errors, toml))
}

/// `toml` changed to say `config` (as JSON from `boundary.js`), everything else in it kept
/// byte for byte: comments, key order, quoting.
#[wasm_bindgen]
pub fn update(toml: &[u8], config: &[u8], strict: bool) -> Result<String, String> {
    let toml = input::text(toml)?;
    let config = input::config(config)?;
    let table = decode_config(&JsJson(&config), UnknownKeys::from_strict(strict))
        .map_err(|errors| output::errors(errors, ""))?;
    gitlab_runner_config::update(toml, &table).map_err(|errors| output::errors(errors, toml))
}

/// `toml` with every safe fix made (and the unsafe ones with `unsafe_fixes`).
#[wasm_bindgen]
pub fn fix(
    toml: &[u8],
    unsafe_fixes: bool,
    strict: bool,
    runner_version: Option<String>,
    fragment: bool,
) -> Result<String, String> {
    let checks = checks(strict, runner_version, fragment)?;
    let toml = input::text(toml)?;
    Ok(gitlab_runner_config::fix(toml, unsafe_fixes, &checks))
}

/// The JSON Schema of config.toml, as JSON text.
#[wasm_bindgen]
pub fn schema() -> String {
    gitlab_runner_config::json_schema()
}

/// The gitlab-runner releases the checks know, oldest first, as a JSON array of `"X.Y"`.
#[wasm_bindgen(js_name = runnerVersions)]
pub fn runner_versions() -> String {
    let versions: Vec<String> = Version::all().map(|v| format!("\"{v}\"")).collect();
    format!("[{}]", versions.join(","))
}

/// The package version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// A Python script that builds a config object with `wetwire_gitlab.runner_config` and prints
/// its config.toml.
#[wasm_bindgen(js_name = toPython)]
pub fn to_python(config: &[u8], strict: bool) -> Result<String, String> {
    let config = input::config(config)?;
    let table = decode_config(&JsJson(&config), UnknownKeys::from_strict(strict))
        .map_err(|errors| output::errors(errors, ""))?;
    Ok(gitlab_runner_config::to_python(&table))
}
