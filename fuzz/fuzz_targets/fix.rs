//! `lint --fix`: fixing (safe fixes, then unsafe ones too) never makes a file parse worse: text
//! that parsed still parses, with no more errors than before, and a second fix changes nothing.
#![no_main]

use gitlab_runner_config::parse::text_from_bytes;
use gitlab_runner_config::{fix, lint, parse, Options, Severity, UnknownKeys};
use libfuzzer_sys::fuzz_target;

fn errors(text: &str) -> usize {
    lint(text, &Options::default()).iter().filter(|d| d.severity == Severity::Error).count()
}

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = text_from_bytes(bytes) else { return };
    let parsed = parse(text, UnknownKeys::Keep).is_ok();
    let before = errors(text);
    for unsafe_fixes in [false, true] {
        let fixed = fix(text, unsafe_fixes, &Options::default());
        if parsed {
            parse(&fixed, UnknownKeys::Keep).unwrap_or_else(|e| panic!("fixing broke\n{text}\ninto\n{fixed}\n{e:?}"));
        }
        let after = errors(&fixed);
        assert!(after <= before, "fixing raised the errors from {before} to {after}:\n{text}\ninto\n{fixed}");
        assert_eq!(fix(&fixed, unsafe_fixes, &Options::default()), fixed, "a second fix changed\n{fixed}");
    }
});
