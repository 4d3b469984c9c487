//! The lossless edit: two texts (split at the first NUL byte) that both parse; `update` of the
//! first with the second's document gives text that parses to exactly that document, and
//! `update` with the first's own document gives the first text back byte for byte.
#![no_main]

use gitlab_runner_config::json::to_json;
use gitlab_runner_config::parse::text_from_bytes;
use gitlab_runner_config::{parse, update, UnknownKeys};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(input) = text_from_bytes(bytes) else { return };
    let (before, after) = input.split_once('\0').unwrap_or((input, ""));
    let Ok(old) = parse(before, UnknownKeys::Keep) else { return };
    let unchanged = update(before, &old).unwrap_or_else(|e| panic!("update refuses its own document: {e:?}\n{before}"));
    assert_eq!(unchanged, before, "update with no change rewrote\n{before}");
    let Ok(new) = parse(after, UnknownKeys::Keep) else { return };
    let edited = update(before, &new).unwrap_or_else(|e| panic!("update failed: {e:?}\n{before}\n---\n{after}"));
    let reread = parse(&edited, UnknownKeys::Keep)
        .unwrap_or_else(|e| panic!("updated text does not parse: {e:?}\n{before}\n---\n{after}\n===\n{edited}"));
    // Compared as JSON objects, whose equality ignores the order of unknown keys.
    assert_eq!(
        to_json(&reread),
        to_json(&new),
        "updated text says something else:\n{before}\n---\n{after}\n===\n{edited}"
    );
});
