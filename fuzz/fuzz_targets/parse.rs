//! Any bytes as config.toml: strict and lenient parsing and the linter end in a table or in
//! errors, never a panic, whatever the text.
#![no_main]

use gitlab_runner_config::parse::text_from_bytes;
use gitlab_runner_config::{lint, parse, Options, UnknownKeys};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = text_from_bytes(bytes) else { return };
    let strict = parse(text, UnknownKeys::Reject);
    let lenient = parse(text, UnknownKeys::Keep);
    // What strict parsing accepts, lenient parsing reads the same.
    if let Ok(table) = &strict {
        assert_eq!(lenient.as_ref().ok(), Some(table), "strict and lenient disagree on\n{text}");
    }
    for error in strict.err().into_iter().flatten() {
        assert!(!error.to_string().is_empty());
    }
    let findings = lint(text, &Options::default());
    assert!(findings.len() <= 101, "{} findings: the list is capped", findings.len());
});
