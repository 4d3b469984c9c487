//! `fmt` that keeps what people wrote: comments, key order, quoting and number style stay;
//! only indentation (two spaces per table level, as gitlab-runner writes), spacing around `=`
//! and inside one-line arrays, trailing whitespace, runs of blank lines and the final newline
//! are made regular.

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::outline::{line_end, line_start};
use crate::error::Error;
use crate::parse::Source;

/// What starts on a line.
enum Line<'a, 't> {
    /// A `[header]` or `[[header]]` with this many keys.
    Header(usize),
    /// `key = value`: where the key's last part ends, the value, the keys of its table's header.
    Entry { key_end: usize, value: &'a Spanned<DeValue<'t>>, depth: usize },
}

/// The text in the layout described above; fails only when it is not TOML.
pub fn format(text: &str) -> Result<String, Vec<Error>> {
    let source = Source::parse(text)?;
    let mut lines = Vec::new();
    walk(text, source.root(), 0, 0, &mut lines);
    Ok(write(text, &Lines::new(lines), super::newline(text)))
}

fn walk<'a, 't>(text: &str, table: &'a DeTable<'t>, keys: usize, depth: usize, lines: &mut Vec<(usize, Line<'a, 't>)>) {
    for (key, value) in table {
        let written = &text[value.span()];
        match value.get_ref() {
            DeValue::Table(inner) if written.starts_with('[') => {
                lines.push((line_start(text, value.span().start), Line::Header(keys + 1)));
                walk(text, inner, keys + 1, keys + 1, lines);
            }
            DeValue::Table(inner) if !written.starts_with('{') => walk(text, inner, keys + 1, depth, lines),
            DeValue::Array(items)
                if items
                    .first()
                    .is_some_and(|e| e.get_ref().as_table().is_some() && text[e.span()].starts_with("[[")) =>
            {
                for item in items {
                    lines.push((line_start(text, item.span().start), Line::Header(keys + 1)));
                    if let DeValue::Table(inner) = item.get_ref() {
                        walk(text, inner, keys + 1, keys + 1, lines);
                    }
                }
            }
            _ => {
                let entry = Line::Entry { key_end: key.span().end, value, depth };
                lines.push((line_start(text, key.span().start), entry));
            }
        }
    }
}

/// `newline` ends each line written here; lines inside multi-line strings keep their own.
/// What starts on each line, by the line's offset (a sorted list rather than a `BTreeMap`: the
/// wasm links no B-tree code).
struct Lines<'a, 't>(Vec<(usize, Line<'a, 't>)>);

impl<'a, 't> Lines<'a, 't> {
    /// The last one found wins where two start on one line.
    fn new(mut lines: Vec<(usize, Line<'a, 't>)>) -> Self {
        crate::order::by_offsets(&mut lines, |(at, _)| (*at, 0));
        lines.dedup_by(|later, kept| {
            let same = later.0 == kept.0;
            if same {
                std::mem::swap(later, kept);
            }
            same
        });
        Lines(lines)
    }

    fn get(&self, at: &usize) -> Option<&Line<'a, 't>> {
        self.0.binary_search_by_key(at, |(start, _)| *start).ok().map(|i| &self.0[i].1)
    }
}

fn write(text: &str, lines: &Lines<'_, '_>, newline: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut at = 0;
    // The keys of the table whose lines these are, for comment lines.
    let mut depth = 0;
    let mut blank = false;
    // Comment lines waiting for the line they belong to, and whether each was written at
    // column 0: a comment block standing alone (a blank line or the end of the file after it)
    // stays at column 0 if it was there, else it goes to its table's indentation.
    let mut pending_comments: Vec<(&str, bool)> = Vec::new();
    let flush = |out: &mut String, comments: &mut Vec<(&str, bool)>, indent: usize, attached: bool| {
        for (comment, at_start) in comments.drain(..) {
            push_indent(out, if at_start && !attached { 0 } else { indent });
            out.push_str(comment);
            out.push_str(newline);
        }
    };
    while at < text.len() {
        let end = line_end(text, at);
        let raw = &text[at..end];
        let line = raw.trim_end();
        match lines.get(&at) {
            Some(Line::Header(keys)) => {
                separate(&mut out, &mut blank, newline);
                flush(&mut out, &mut pending_comments, 2 * (keys - 1), true);
                push_indent(&mut out, 2 * (keys - 1));
                out.push_str(line.trim_start());
                out.push_str(newline);
                depth = *keys;
                at = end;
            }
            Some(Line::Entry { key_end, value, depth: keys }) => {
                separate(&mut out, &mut blank, newline);
                flush(&mut out, &mut pending_comments, 2 * keys, true);
                push_indent(&mut out, 2 * keys);
                out.push_str(text[at..*key_end].trim_start());
                out.push_str(" = ");
                write_value(&mut out, text, value, 2 * keys, newline);
                // The rest of the value's last line (a comment, spaced as written), and a
                // multi-line value's lines as they are (a string's bytes are its value).
                let rest_end = line_end(text, value.span().end);
                out.push_str(text[value.span().end..rest_end].trim_end());
                out.push_str(newline);
                at = rest_end;
            }
            None if line.is_empty() => {
                blank = !out.is_empty() || !pending_comments.is_empty();
                if blank && !pending_comments.is_empty() {
                    flush(&mut out, &mut pending_comments, 2 * depth, false);
                }
                at = end;
            }
            None => {
                if blank {
                    separate(&mut out, &mut blank, newline);
                }
                pending_comments.push((line.trim_start(), !line.starts_with([' ', '\t'])));
                at = end;
            }
        }
    }
    flush(&mut out, &mut pending_comments, 2 * depth, false);
    out
}

/// One blank line where the text had one or more.
fn separate(out: &mut String, blank: &mut bool, newline: &str) {
    if *blank && !out.is_empty() {
        out.push_str(newline);
    }
    *blank = false;
}

fn push_indent(out: &mut String, width: usize) {
    out.extend(std::iter::repeat(' ').take(width));
}

/// A value as written, but a one-line array as `[a, b]` (nested ones alike), and the lines of
/// a multi-line array indented one level under its key (the lines inside a string stay).
fn write_value(out: &mut String, text: &str, value: &Spanned<DeValue<'_>>, indent: usize, newline: &str) {
    let written = &text[value.span()];
    let DeValue::Array(items) = value.get_ref() else {
        out.push_str(written);
        return;
    };
    if !written.contains('\n') {
        out.push('[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            write_value(out, text, item, indent, newline);
        }
        out.push(']');
        return;
    }
    let mut strings = Vec::new();
    multi_line_strings(text, value, &mut strings);
    let start = value.span().start;
    for (i, line) in written.split_inclusive('\n').enumerate() {
        let at = start + (line.as_ptr() as usize - written.as_ptr() as usize);
        if i == 0 || strings.iter().any(|s: &std::ops::Range<usize>| s.start < at && at < s.end) {
            out.push_str(line);
            continue;
        }
        let content = line.trim();
        if content.is_empty() {
            continue;
        }
        push_indent(out, if content.starts_with(']') { indent } else { indent + 2 });
        out.push_str(content);
        if line.ends_with('\n') {
            out.push_str(newline);
        }
    }
}

/// The spans of the strings written over several lines inside `value`.
fn multi_line_strings(text: &str, value: &Spanned<DeValue<'_>>, found: &mut Vec<std::ops::Range<usize>>) {
    match value.get_ref() {
        DeValue::String(_) if text[value.span()].contains('\n') => found.push(value.span()),
        DeValue::Array(items) => items.iter().for_each(|item| multi_line_strings(text, item, found)),
        DeValue::Table(table) => table.iter().for_each(|(_, v)| multi_line_strings(text, v, found)),
        _ => {}
    }
}
