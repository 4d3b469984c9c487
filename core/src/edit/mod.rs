//! Lossless editing: the text as the user wrote it, changed only where something changed.
//!
//! The document is the text itself plus the spans the parser gives every key, value and table
//! header ([`Source`](crate::parse::Source)); every operation is a list of [`Edit`]s, byte
//! ranges and their replacement, so whatever no edit touches stays byte for byte.

mod canonical;
mod layout;
mod outline;
mod update;

pub use canonical::format_canonical;
pub use layout::format;
pub use update::update;

/// Replace the bytes `start..end` of the text with `text` (an insertion when they are equal).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// The text with the edits made; insertions at one offset are made in the order given. Edits
/// that overlap (two removals sharing a blank line) remove the union of their ranges.
pub fn apply(text: &str, edits: &[Edit]) -> String {
    let mut order: Vec<&Edit> = edits.iter().collect();
    order.sort_by_key(|e| (e.start, e.end));
    let mut out = String::with_capacity(text.len() + 64);
    let mut at = 0;
    for edit in order {
        let start = edit.start.max(at);
        out.push_str(&text[at..start]);
        out.push_str(&edit.text);
        at = edit.end.max(start);
    }
    out.push_str(&text[at..]);
    out
}
