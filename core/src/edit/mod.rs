//! Lossless editing: the text as the user wrote it, changed only where something changed.
//!
//! The document is the text itself plus the spans the parser gives every key, value and table
//! header ([`Source`](crate::parse::Source)); every operation is a list of [`Edit`]s, byte
//! ranges and their replacement, so whatever no edit touches stays byte for byte.

mod array;
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
    crate::order::by_offsets(&mut order, |e| (e.start, e.end));
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

/// The line ending the text uses, as its first line ends: what an edit writes into a file
/// keeps the file's style (Windows editors write CRLF).
pub(crate) fn newline(text: &str) -> &'static str {
    match text.find('\n') {
        Some(i) if text[..i].ends_with('\r') => "\r\n",
        _ => "\n",
    }
}

/// Text written with LF line ends (and every string escaped: no line end is part of a value)
/// given `newline`'s.
pub(crate) fn with_newline(text: String, newline: &str) -> String {
    if newline == "\n" {
        text
    } else {
        text.replace('\n', newline)
    }
}
