//! Whatever text parses, its rendering parses back to the same document and renders the same;
//! `fmt` (`format`, `format_canonical`) keeps the document and is idempotent.
#![no_main]

use gitlab_runner_config::json::to_json;
use gitlab_runner_config::parse::text_from_bytes;
use gitlab_runner_config::{format, format_canonical, parse, render, UnknownKeys};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = text_from_bytes(bytes) else { return };
    let Ok(table) = parse(text, UnknownKeys::Keep) else { return };
    let rendered = render(&table);
    let again = parse(&rendered, UnknownKeys::Keep)
        .unwrap_or_else(|e| panic!("the rendering of\n{text}\ndoes not parse: {e:?}\n{rendered}"));
    // Unknown keys may change places (a table's plain keys are written before its sub-tables),
    // so the documents are compared as JSON objects, whose equality ignores key order.
    assert_eq!(to_json(&again), to_json(&table), "parse -> render -> parse changed\n{text}\ninto\n{rendered}");
    assert_eq!(render(&again), rendered, "rendering twice differs for\n{text}");
    for (name, fmt) in [("format", format as fn(&str) -> _), ("format_canonical", format_canonical)] {
        let formatted = fmt(text).unwrap_or_else(|e| panic!("{name} refuses what parses: {e:?}\n{text}"));
        let reread = parse(&formatted, UnknownKeys::Keep)
            .unwrap_or_else(|e| panic!("{name} output does not parse: {e:?}\n{text}\n->\n{formatted}"));
        assert_eq!(to_json(&reread), to_json(&table), "{name} changed the document:\n{text}\n->\n{formatted}");
        assert_eq!(fmt(&formatted).ok().as_deref(), Some(formatted.as_str()), "{name} is not idempotent on\n{text}");
    }
});
