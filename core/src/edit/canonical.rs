//! `fmt --canonical`: the config in gitlab-runner's canonical layout (keys in canonical order),
//! each comment carried to where its key is written now.

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::outline::line_end;
use super::{apply, Edit};
use crate::decode::UnknownKeys;
use crate::error::Error;
use crate::parse::Source;

/// config.toml text rewritten in the canonical layout: comment lines above a key (or header)
/// and comments inside its array stay above it, a comment after it stays after it, comments
/// closing the file close it. Unknown keys are kept where they are; anything else wrong is an
/// error.
pub fn format_canonical(text: &str) -> Result<String, Vec<Error>> {
    let source = Source::parse(text)?;
    let decoded = source.decode(UnknownKeys::Keep);
    if !decoded.errors.is_empty() {
        return Err(decoded.errors);
    }
    let rendered = crate::render::render(&decoded.table);
    let placed = Source::parse(&rendered)?;
    let targets = items(&rendered, placed.root());
    let mut edits = Vec::new();
    let mut leftover = String::new();
    let sources = items(text, source.root());
    // Comments opening the file and set apart by a blank line (`#:schema`) open it still.
    let head = &text[..sources.first().map_or(0, |item| item.start)];
    let mut previous_end = [head.rfind("\n\n"), head.rfind("\n\r\n")].into_iter().flatten().max().map_or(0, |i| i + 1);
    let opening: String = comment_lines(&head[..previous_end]).map(|c| format!("{c}\n")).collect();
    for item in &sources {
        let above: Vec<&str> =
            comment_lines(&text[previous_end..item.start]).chain(inner_comments(text, item)).collect();
        let after = text[item.written_end..line_end(text, item.written_end)].trim();
        previous_end = line_end(text, item.written_end);
        if above.is_empty() && after.is_empty() {
            continue;
        }
        let Some(target) = targets.iter().find(|t| t.path == item.path) else {
            above
                .iter()
                .chain((!after.is_empty()).then_some(&after))
                .for_each(|c| leftover.push_str(&format!("{c}\n")));
            continue;
        };
        let indent =
            &rendered[target.start..][..rendered[target.start..].len() - rendered[target.start..].trim_start().len()];
        let lines: String = above.iter().map(|c| format!("{indent}{c}\n")).collect();
        edits.push(Edit { start: target.start, end: target.start, text: lines });
        if !after.is_empty() {
            let at = line_end(&rendered, target.written_end) - 1;
            edits.push(Edit { start: at, end: at, text: format!(" {after}") });
        }
    }
    // Comments closing the file, and any whose key has no line of its own any more.
    for comment in comment_lines(&text[previous_end..]) {
        leftover.push_str(&format!("{comment}\n"));
    }
    let mut out = apply(&rendered, &edits);
    if !opening.is_empty() {
        out = format!("{opening}\n{out}");
    }
    if !leftover.is_empty() {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&leftover);
    }
    Ok(super::with_newline(out, super::newline(text)))
}

/// A key or header line: its path (keys in ASCII lower case, as the schema's keys match), where
/// its line starts, where what it writes ends (the value, or the header).
struct Item<'a, 't> {
    path: String,
    start: usize,
    written_end: usize,
    value: Option<&'a Spanned<DeValue<'t>>>,
}

fn items<'a, 't>(text: &str, root: &'a DeTable<'t>) -> Vec<Item<'a, 't>> {
    let mut found = Vec::new();
    walk(text, root, &mut String::new(), &mut found);
    crate::order::by_offsets(&mut found, |item| (item.start, 0));
    found
}

fn walk<'a, 't>(text: &str, table: &'a DeTable<'t>, path: &mut String, found: &mut Vec<Item<'a, 't>>) {
    for (key, value) in table {
        let length = path.len();
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(&key.get_ref().to_ascii_lowercase());
        let written = &text[value.span()];
        let line = super::outline::line_start(text, key.span().start);
        match value.get_ref() {
            DeValue::Table(inner) if written.starts_with('[') => {
                let start = super::outline::line_start(text, value.span().start);
                found.push(Item { path: path.clone(), start, written_end: value.span().end, value: None });
                walk(text, inner, path, found);
            }
            DeValue::Table(inner) if !written.starts_with('{') => walk(text, inner, path, found),
            DeValue::Array(items) if items.first().is_some_and(|e| text[e.span()].starts_with("[[")) => {
                for (i, item) in items.iter().enumerate() {
                    let length = path.len();
                    path.push_str(&format!("[{i}]"));
                    let start = super::outline::line_start(text, item.span().start);
                    found.push(Item { path: path.clone(), start, written_end: item.span().end, value: None });
                    if let DeValue::Table(inner) = item.get_ref() {
                        walk(text, inner, path, found);
                    }
                    path.truncate(length);
                }
            }
            _ => {
                found.push(Item { path: path.clone(), start: line, written_end: value.span().end, value: Some(value) })
            }
        }
        path.truncate(length);
    }
}

fn comment_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|line| line.starts_with('#'))
}

/// The comment lines inside a value written over several lines (not those inside strings).
fn inner_comments<'s>(text: &'s str, item: &Item<'_, '_>) -> Vec<&'s str> {
    let Some(value) = item.value else { return Vec::new() };
    let mut comments = Vec::new();
    gaps(text, value, &mut comments);
    comments
}

fn gaps<'s>(text: &'s str, value: &Spanned<DeValue<'_>>, comments: &mut Vec<&'s str>) {
    let DeValue::Array(items) = value.get_ref() else { return };
    let span = value.span();
    let mut at = span.start + 1;
    for item in items.iter() {
        gap_comments(&text[at..item.span().start], comments);
        gaps(text, item, comments);
        at = item.span().end;
    }
    gap_comments(&text[at..span.end.saturating_sub(1).max(at)], comments);
}

/// Between array elements only commas, blanks and comments are written.
fn gap_comments<'s>(gap: &'s str, comments: &mut Vec<&'s str>) {
    for line in gap.lines() {
        if let Some(i) = line.find('#') {
            comments.push(line[i..].trim_end());
        }
    }
}
