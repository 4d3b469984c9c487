//! Any bytes as JSON input: the CLI's JSON (`serde_json`, `json::JsonValue`) and the npm
//! package's (`js_json`, as `boundary.js` writes it) end in a table or in errors, never a
//! panic; a table they give renders to text that parses back to it.
#![no_main]

use gitlab_runner_config::js_json::{read, JsJson};
use gitlab_runner_config::json::{to_json, JsonValue};
use gitlab_runner_config::{decode_config, parse, render, Table, UnknownKeys};
use libfuzzer_sys::fuzz_target;

fn round_trips(table: &Table) {
    let text = render(table);
    let again =
        parse(&text, UnknownKeys::Keep).unwrap_or_else(|e| panic!("rendered JSON input does not parse: {e:?}\n{text}"));
    // Compared as JSON objects, whose equality ignores the order of unknown keys.
    assert_eq!(to_json(&again), to_json(table), "JSON input changed through its text:\n{text}");
}

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    for unknown in [UnknownKeys::Reject, UnknownKeys::Keep] {
        if let Ok(json) = serde_json::from_str::<serde_json::Value>(text) {
            if let Ok(table) = decode_config(&JsonValue(&json), unknown) {
                round_trips(&table);
            }
        }
        if let Ok(json) = read(text) {
            if let Ok(table) = decode_config(&JsJson(&json), unknown) {
                round_trips(&table);
            }
        }
    }
});
