//! Completion and hover for editors, over the core's: offsets in and out are JS string indexes
//! (UTF-16 code units), converted here because the core counts bytes. Answers are JSON text,
//! like every other answer of the engine (`npm/boundary.js` parses them).

use std::fmt::Write;

use gitlab_runner_config::lines::{byte_offset, utf16_offsets};
use wasm_bindgen::prelude::*;

use gitlab_runner_config::escape::write_json_string as string;

/// A JS string index as a byte offset into `text`; anything that is not a number is 0.
fn byte_offset_of(text: &str, index: f64) -> usize {
    let index = if index.is_finite() && index > 0.0 { index as usize } else { 0 };
    byte_offset(text, index)
}

/// `{ from, to, items }`: what can be written at `offset` and the span it replaces; each item
/// has `label`, `kind` (`key`, `value` or `table`), `detail`, `documentation`, `deprecated`,
/// `since` (a gitlab-runner release, or null) and `apply` (the text that replaces `from..to`).
#[wasm_bindgen]
pub fn complete(text: &str, offset: f64) -> String {
    let completions = gitlab_runner_config::complete(text, byte_offset_of(text, offset));
    let span = utf16_offsets(text, &[completions.from, completions.to]);
    let mut out = format!("{{\"from\":{},\"to\":{},\"items\":[", span[0], span[1]);
    for (i, item) in completions.items.iter().enumerate() {
        out.push_str(if i == 0 { "{" } else { ",{" });
        for (key, value) in [
            ("label", item.label.as_str()),
            ("kind", item.kind.as_str()),
            ("detail", item.detail.as_str()),
            ("documentation", item.documentation.as_str()),
            ("apply", item.apply.as_str()),
        ] {
            string(&mut out, key);
            out.push(':');
            string(&mut out, value);
            out.push(',');
        }
        let _ = write!(out, "\"deprecated\":{},\"since\":", item.deprecated);
        match item.since {
            Some(version) => string(&mut out, &version.to_string()),
            None => out.push_str("null"),
        }
        out.push('}');
    }
    out.push_str("]}");
    out
}

/// `{ from, to, title, markdown }` for the key or header segment at `offset`, or `null`.
#[wasm_bindgen]
pub fn hover(text: &str, offset: f64) -> String {
    let Some(hover) = gitlab_runner_config::hover(text, byte_offset_of(text, offset)) else {
        return "null".into();
    };
    let span = utf16_offsets(text, &[hover.from, hover.to]);
    let mut out = format!("{{\"from\":{},\"to\":{},\"title\":", span[0], span[1]);
    string(&mut out, &hover.title);
    out.push_str(",\"markdown\":");
    string(&mut out, &hover.markdown);
    out.push('}');
    out
}
