//! What the core's float reader and writer ask of the host in the wasm build, which leaves
//! Rust's float parser and formatter out (feature `host-float-parsing`, `float.rs` in the core).

/// A decimal number in Rust's syntax (checked by the core) that the core's exact fast path
/// does not compute: JavaScript rounds it correctly.
#[cfg(target_arch = "wasm32")]
#[no_mangle]
pub fn gitlab_runner_config_parse_f64(decimal: &str) -> f64 {
    js_sys::parse_float(decimal)
}

/// JavaScript's text for a finite number: its shortest digits that read back as `x`, which the
/// core lays out as Rust does.
#[cfg(target_arch = "wasm32")]
#[no_mangle]
pub fn gitlab_runner_config_f64_text(x: f64) -> String {
    js_sys::Number::from(x).to_string_with_radix(10).map(String::from).unwrap_or_default()
}
