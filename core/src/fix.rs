//! Fixes for findings, ruff-style: a finding may carry the edits that repair it, marked safe
//! (the meaning stays: a key's letter case, a key gitlab-runner renamed) or unsafe (a guess:
//! the one known key close to an unknown one). Fixes rename keys only (a table's key in each
//! header that writes it), so comments, values and everything else stay byte for byte.

use toml::de::{DeTable, DeValue};
use toml::Spanned;
use toml_parser::lexer::TokenKind;

use crate::code::Code;
use crate::decode::UnknownKeys;
use crate::diagnostic::Diagnostic;
use crate::edit::{apply, Edit};
use crate::error::Range;
use crate::parse::{find_key, Source};
use crate::path::{KeyPath, Segment};
use crate::schema;
use crate::validate::{lint, Options};

/// The edits that repair a finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    /// True when applying it cannot change what the config means.
    pub safe: bool,
    pub edits: Vec<Edit>,
}

/// Gives the findings that can be repaired by renaming their key the edits that do it.
pub fn attach(diagnostics: &mut [Diagnostic], source: &Source<'_>) {
    // Every table header and the table it opens, found once for all the headers to rename.
    let mut headers = None;
    let mut renaming_headers = Vec::new();
    for (i, diagnostic) in diagnostics.iter_mut().enumerate() {
        diagnostic.fix = match fix_for(diagnostic, source) {
            Some(Found::Key(fix)) => Some(fix),
            Some(Found::Table(renamed)) => {
                let headers = headers.get_or_insert_with(|| {
                    let mut found = Vec::new();
                    collect_headers(source.text(), source.root(), &mut Vec::new(), &mut found);
                    found
                });
                let edits = header_edits(source, headers, &diagnostic.path, renamed);
                renaming_headers.extend(edits.is_some().then_some(i));
                edits.map(|edits| Fix { safe: true, edits })
            }
            None => None,
        };
    }
    keep_header_fixes_that_read_the_same(diagnostics, &renaming_headers, source);
}

/// What renaming a finding's key takes.
enum Found {
    Key(Fix),
    /// A table's key, written in the headers below it too: renamed to this in each.
    Table(&'static str),
}

fn fix_for(diagnostic: &Diagnostic, source: &Source<'_>) -> Option<Found> {
    let Some(Segment::Key(written)) = diagnostic.path.segments().last() else { return None };
    let (renamed, safe) = match diagnostic.code {
        Code::KeyCase => (diagnostic.suggestion?, true),
        Code::RemovedKey | Code::DeprecatedKey => (replacement(written)?, true),
        Code::UnknownKey => (diagnostic.suggestion?, false),
        _ => return None,
    };
    let (found, exact) = source.locate(&diagnostic.path)?;
    let key = found.key;
    if !exact || written_elsewhere(source, &diagnostic.path, renamed, key) {
        return None;
    }
    // A table's key is written in its header and again in the headers of the tables below it
    // (a table known only through deeper headers, or made of dotted keys, has its key as its
    // span); any other key is written once, as `key = value`.
    let in_header = found.value.start.offset <= key.start.offset && key.end.offset <= found.value.end.offset;
    if in_header {
        return (diagnostic.code == Code::KeyCase).then_some(Found::Table(renamed));
    }
    let edits = vec![Edit { start: key.start.offset, end: key.end.offset, text: renamed.to_owned() }];
    // A guess must at least fit: the value has to be one the key it becomes takes
    // (`executot = 20` is not `executor = 20`).
    if !safe && !fits(source.text(), &edits, &diagnostic.path, renamed) {
        return None;
    }
    Some(Found::Key(Fix { safe, edits }))
}

/// The edits renaming the table at `path` in every header that writes it (`[runners.Docker]`,
/// `[runners.Docker.sysctls]`, each `[[Runners]]`).
fn header_edits(source: &Source<'_>, headers: &[Header], path: &KeyPath, renamed: &str) -> Option<Vec<Edit>> {
    let text = source.text();
    // The path as written, to find the headers below it.
    let mut written: Vec<Segment> = Vec::new();
    let mut value: Option<&Spanned<DeValue<'_>>> = None;
    for segment in path.segments() {
        let next = match segment {
            Segment::Key(key) => {
                let table = value.map_or(Some(source.root()), |v| v.get_ref().as_table())?;
                let (written_key, next) = find_key(table, key)?;
                written.push(Segment::Key(written_key.get_ref().to_string()));
                next
            }
            Segment::Index(i) => {
                written.push(Segment::Index(*i));
                value?.get_ref().as_array()?.get(*i)?
            }
        };
        value = Some(next);
    }
    // Which of a header's keys is the renamed one.
    let part = written.iter().filter(|s| matches!(s, Segment::Key(_))).count().checked_sub(1)?;
    let mut edits = Vec::new();
    for (span, _) in headers.iter().filter(|(_, p)| p.starts_with(&written)) {
        let mut keys = toml_parser::Source::new(&text[span.clone()])
            .lex()
            .filter(|t| matches!(t.kind(), TokenKind::Atom | TokenKind::BasicString | TokenKind::LiteralString));
        let token = keys.nth(part)?;
        let (start, end) = (span.start + token.span().start(), span.start + token.span().end());
        edits.push(Edit { start, end, text: renamed.to_owned() });
    }
    (!edits.is_empty()).then_some(edits)
}

/// Header fixes are kept only when the text they give reads as the same config with no new
/// error: a header missed, or the table's key also written as a dotted key, would make two
/// tables of one. All are tried together (one more parse), then, if that fails, one by one.
fn keep_header_fixes_that_read_the_same(diagnostics: &mut [Diagnostic], fixes: &[usize], source: &Source<'_>) {
    if fixes.is_empty() {
        return;
    }
    let before = source.decode(UnknownKeys::Keep);
    let reads_the_same = |indexes: &[usize], diagnostics: &[Diagnostic]| {
        let edits: Vec<Edit> =
            indexes.iter().filter_map(|&i| diagnostics[i].fix.as_ref()).flat_map(|f| f.edits.iter().cloned()).collect();
        let fixed = apply(source.text(), &edits);
        let Ok(parsed) = Source::parse(&fixed) else { return false };
        let after = parsed.decode(UnknownKeys::Keep);
        after.table == before.table && after.errors.len() <= before.errors.len()
    };
    if reads_the_same(fixes, diagnostics) {
        return;
    }
    for &i in fixes {
        if !reads_the_same(&[i], diagnostics) {
            diagnostics[i].fix = None;
        }
    }
}

/// A table header's span and the path of the table it opens, as written.
type Header = (std::ops::Range<usize>, Vec<Segment>);

/// The span of every table header (`[a.b]`, each `[[a]]`) with the path of the table it opens.
fn collect_headers(text: &str, table: &DeTable<'_>, path: &mut Vec<Segment>, found: &mut Vec<Header>) {
    for (key, value) in table {
        path.push(Segment::Key(key.get_ref().to_string()));
        match value.get_ref() {
            DeValue::Table(inner) if !text[value.span()].starts_with('{') => {
                if text[value.span()].starts_with('[') {
                    found.push((value.span(), path.clone()));
                }
                collect_headers(text, inner, path, found);
            }
            DeValue::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    if let (DeValue::Table(inner), true) = (item.get_ref(), text[item.span()].starts_with("[[")) {
                        path.push(Segment::Index(i));
                        found.push((item.span(), path.clone()));
                        collect_headers(text, inner, path, found);
                        path.pop();
                    }
                }
            }
            _ => {}
        }
        path.pop();
    }
}

/// Whether the text with `edits` made reads without an error at or below the renamed key.
fn fits(text: &str, edits: &[Edit], path: &KeyPath, renamed: &str) -> bool {
    let fixed = apply(text, edits);
    let mut renamed_path = parent(path);
    renamed_path.push_key(renamed);
    let Ok(source) = Source::parse(&fixed) else { return false };
    let errors = source.decode(UnknownKeys::Keep).errors;
    errors.iter().all(|e| !e.path.segments().starts_with(renamed_path.segments()))
}

/// The path of the table holding the key at `path`.
fn parent(path: &KeyPath) -> KeyPath {
    let mut parent = KeyPath::root();
    let segments = path.segments();
    for segment in &segments[..segments.len().saturating_sub(1)] {
        match segment {
            Segment::Key(k) => parent.push_key(k),
            Segment::Index(i) => parent.push_index(*i),
        }
    }
    parent
}

/// The key gitlab-runner renamed `key` to, keeping its meaning.
fn replacement(key: &str) -> Option<&'static str> {
    schema::structs().iter().find_map(|table| schema::removed_key(table, key)).and_then(|removed| removed.replacement)
}

/// Whether the table already has `renamed` (then renaming would write the key twice).
fn written_elsewhere(source: &Source<'_>, path: &KeyPath, renamed: &str, key: Range) -> bool {
    let mut sibling = parent(path);
    sibling.push_key(renamed);
    matches!(source.locate(&sibling), Some((found, true)) if found.key != key)
}

/// `text` with every safe fix applied (and the unsafe ones too with `unsafe_fixes`), until
/// none is left; fixes that touch the same bytes wait for the next round.
pub fn fix(text: &str, unsafe_fixes: bool, options: &Options) -> String {
    let mut text = text.to_owned();
    // Each round renames at least one key; a file has finitely many.
    for _ in 0..16 {
        let mut edits: Vec<Edit> = Vec::new();
        // The keys this round writes: two keys renamed to the same one would write it twice;
        // the second waits, and is not offered again once the first is written.
        let mut written: Vec<KeyPath> = Vec::new();
        for diagnostic in lint(&text, options) {
            let Some(fix) = diagnostic.fix.filter(|f| f.safe || unsafe_fixes) else { continue };
            let overlaps =
                |e: &Edit| edits.iter().any(|d| e.start < d.end.max(d.start + 1) && d.start < e.end.max(e.start + 1));
            let mut target = diagnostic.path.clone();
            target.pop();
            let targets: Vec<KeyPath> = fix.edits.iter().map(|e| target.with_key(&e.text)).collect();
            if !fix.edits.iter().any(overlaps) && !targets.iter().any(|t| written.contains(t)) {
                edits.extend(fix.edits);
                written.extend(targets);
            }
        }
        if edits.is_empty() {
            break;
        }
        text = apply(&text, &edits);
    }
    text
}
