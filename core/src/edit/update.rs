//! The source text changed to say a new typed config, everything else kept byte for byte.

use std::borrow::Cow;

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::outline::{bom, ends_with_blank_line, line_end, line_start, Outline, Shape, Step};
use super::{apply, newline, with_newline, Edit};
use crate::decode::UnknownKeys;
use crate::document::{Table, Value};
use crate::error::Error;
use crate::parse::{find_key, Source};
use crate::render;

/// `source` with the changes that turn its config into `config`: changed values replaced in
/// place (the key, its comments and the line's trailing comment stay), removed keys removed
/// with their comment lines, new keys inserted after the nearest key before them in canonical
/// order with the table's indentation, new tables and runners in the canonical layout.
/// Unchanged, the text comes back as it was. Fails only when `source` is not TOML.
pub fn update(source: &str, config: &Table) -> Result<String, Vec<Error>> {
    let parsed = Source::parse(source)?;
    let old = parsed.decode(UnknownKeys::Keep).table;
    let outline = Outline::new(source, parsed.root());
    let mut updater = Updater { outline: &outline, edits: Vec::new(), blocks: Vec::new() };
    let place = Place { kind: Kind::Root, path: Vec::new(), header: Vec::new(), prefix: String::new() };
    updater.table(&place, parsed.root(), &entries(&Value::Table(old)), &entries(&Value::Table(config.clone())));
    let mut edits = close_gaps(source, updater.edits);
    // Where the text left at the end starts: nothing is left after a removal reaching the end.
    let kept_end = edits
        .iter()
        .filter(|e| e.text.is_empty() && e.end == source.len())
        .map(|e| e.start)
        .min()
        .unwrap_or(source.len());
    edits.extend(blocks(source, updater.blocks, kept_end));
    let newline = newline(source);
    for edit in &mut edits {
        edit.text = with_newline(std::mem::take(&mut edit.text), newline);
    }
    Ok(apply(source, &edits))
}

/// Where a table's lines are.
enum Kind {
    Root,
    /// Its own `[header]`, whose span starts at this offset.
    Section(usize),
    /// Only deeper headers, the first starting at this offset.
    Implicit,
    /// Dotted keys in the lines of the enclosing section, whose own keys end at this offset.
    Dotted(usize),
}

struct Place {
    kind: Kind,
    /// The path as written, to find headers in the outline.
    path: Vec<Step>,
    /// The header keys of the table, quoted, for new sub-tables.
    header: Vec<String>,
    /// `a.b.` before a new key of a dotted table.
    prefix: String,
}

struct Updater<'o, 't> {
    outline: &'o Outline<'t>,
    edits: Vec<Edit>,
    /// Tables to insert, as (offset, text without surrounding blank lines).
    blocks: Vec<(usize, String)>,
}

type Written<'a, 't> = (&'a Spanned<Cow<'t, str>>, &'a Spanned<DeValue<'t>>);

/// A table's or free-form map's keys and values in order.
fn entries(value: &Value) -> Vec<(String, Value)> {
    match value {
        Value::Table(table) => {
            let known = table.fields().map(|(f, v)| (f.key.to_owned(), v.clone()));
            known.chain(table.unknown().iter().cloned()).collect()
        }
        Value::Map(map) => map.clone(),
        _ => Vec::new(),
    }
}

fn is_tableish(value: &Value) -> bool {
    matches!(value, Value::Table(_) | Value::Map(_))
}

/// Equal values, NaN included (a NaN read back is the same NaN as written).
fn same(a: &Value, b: &Value) -> bool {
    a == b || render::inline(a) == render::inline(b)
}

impl<'t> Updater<'_, 't> {
    fn text(&self) -> &'t str {
        self.outline.text
    }

    fn table(&mut self, place: &Place, written: &DeTable<'t>, old: &[(String, Value)], new: &[(String, Value)]) {
        let mut header_block: Vec<String> = Vec::new();
        for (i, (key, value)) in new.iter().enumerate() {
            match find_key(written, key) {
                Some(entry) => {
                    let before = old.iter().find(|(k, _)| k == key).map(|(_, v)| v);
                    if before.is_some_and(|b| same(b, value)) {
                        continue;
                    }
                    self.change(place, written, entry, before, key, value, &new[..i]);
                }
                None => {
                    if matches!(place.kind, Kind::Implicit) && render::inline_only(value) {
                        header_block.push(key_line("  ".repeat(place.header.len()).as_str(), "", key, value));
                    } else {
                        self.add(place, written, key, value, &new[..i]);
                    }
                }
            }
        }
        if !header_block.is_empty() {
            // The table gets the header it lacked, before its sub-tables.
            let at = self.outline.extent(&place.path).map_or(self.text().len(), |r| r.start);
            let indent = "  ".repeat(place.header.len().saturating_sub(1));
            let text = format!("{indent}[{}]\n{}", place.header.join("."), header_block.concat());
            self.blocks.push((at, text));
        }
        for (key, _) in old.iter().filter(|(k, _)| !new.iter().any(|(n, _)| n == k)) {
            if let Some(entry) = find_key(written, key) {
                self.remove(place, entry);
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn change(
        &mut self,
        place: &Place,
        table: &DeTable<'t>,
        (key, value): Written<'_, 't>,
        before: Option<&Value>,
        name: &str,
        new: &Value,
        earlier: &[(String, Value)],
    ) {
        let shape = self.outline.shape(key, value);
        let old = before.cloned().unwrap_or(Value::Map(Vec::new()));
        let written_over_lines = self.text()[value.span()].contains('\n');
        match (shape, value.get_ref(), new) {
            (Shape::Plain, DeValue::Array(items), Value::Array(news))
                if written_over_lines && matches!(&old, Value::Array(olds) if olds.len() == items.len()) =>
            {
                let olds = if let Value::Array(olds) = &old { olds.as_slice() } else { &[] };
                let indent = self.outline.indentation(key.span().start);
                self.edits.extend(super::array::edits(self.text(), indent, value, olds, news, same));
            }
            (Shape::Plain, _, _) if render::inline_only(new) || self.text()[value.span()].starts_with('{') => {
                self.replace(value.span(), render::inline(new));
            }
            (Shape::Section | Shape::Implicit | Shape::Dotted, DeValue::Table(written), _) if is_tableish(new) => {
                let child = self.child(place, key, shape, value);
                self.table(&child, written, &entries(&old), &entries(new));
            }
            (Shape::HeaderArray, DeValue::Array(items), Value::Tables(tables)) => {
                let olds: Vec<Value> = match &old {
                    Value::Tables(ts) => ts.iter().cloned().map(Value::Table).collect(),
                    _ => Vec::new(),
                };
                let news: Vec<Value> = tables.iter().cloned().map(Value::Table).collect();
                let appended = Value::Tables(tables.get(items.len()..).unwrap_or_default().to_vec());
                self.elements(place, key, items, &olds, &news, appended);
            }
            (Shape::HeaderArray, DeValue::Array(items), Value::Array(maps)) if maps.iter().all(is_tableish) => {
                let olds = match &old {
                    Value::Array(vs) => vs.clone(),
                    _ => Vec::new(),
                };
                let appended = Value::Array(maps.get(items.len()..).unwrap_or_default().to_vec());
                self.elements(place, key, items, &olds, maps, appended);
            }
            _ => {
                self.remove(place, (key, value));
                self.add(place, table, name, new, earlier);
            }
        }
    }

    /// `[[key]]` blocks compared by index: common ones updated, extra ones removed or appended.
    fn elements(
        &mut self,
        place: &Place,
        key: &Spanned<Cow<'t, str>>,
        items: &[Spanned<DeValue<'t>>],
        old: &[Value],
        new: &[Value],
        appended: Value,
    ) {
        let mut path = place.path.clone();
        path.push(Step::Key(key.get_ref().to_string()));
        let mut header = place.header.clone();
        header.push(quoted_key(key.get_ref()));
        for (i, item) in items.iter().enumerate() {
            path.push(Step::Index(i));
            match (item.get_ref(), new.get(i)) {
                (DeValue::Table(written), Some(value)) => {
                    let child = Place {
                        kind: Kind::Section(item.span().start),
                        path: path.clone(),
                        header: header.clone(),
                        prefix: String::new(),
                    };
                    let before = old.get(i).map(entries).unwrap_or_default();
                    self.table(&child, written, &before, &entries(value));
                }
                _ => {
                    for range in self.outline.removal(&path) {
                        self.delete(range);
                    }
                }
            }
            path.pop();
        }
        if new.len() > items.len() {
            let at = self.outline.extent(&path).map_or(self.text().len(), |r| r.end);
            self.blocks.push((at, render::render_at(&place.header, key.get_ref(), &appended)));
        }
    }

    fn child(&self, place: &Place, key: &Spanned<Cow<'t, str>>, shape: Shape, value: &Spanned<DeValue<'t>>) -> Place {
        let mut path = place.path.clone();
        path.push(Step::Key(key.get_ref().to_string()));
        let mut header = place.header.clone();
        header.push(quoted_key(key.get_ref()));
        let (kind, prefix) = match shape {
            Shape::Section => (Kind::Section(value.span().start), String::new()),
            Shape::Dotted => {
                // A dotted table's new sub-tables go where its enclosing section's do.
                let end = match place.kind {
                    Kind::Dotted(end) => end,
                    _ => self.outline.body_end(&place.path),
                };
                (Kind::Dotted(end), format!("{}{}.", place.prefix, quoted_key(key.get_ref())))
            }
            _ => (Kind::Implicit, String::new()),
        };
        Place { kind, path, header, prefix }
    }

    fn add(&mut self, place: &Place, table: &DeTable<'t>, key: &str, value: &Value, earlier: &[(String, Value)]) {
        if !render::inline_only(value) {
            let at = self.after_tables(place, table, earlier);
            self.blocks.push((at, render::render_at(&place.header, key, value)));
            return;
        }
        let plain: Vec<Written<'_, 't>> =
            table.iter().filter(|(k, v)| self.outline.shape(k, v) == Shape::Plain).collect();
        // A dotted table holding only dotted tables (`a.b.c = 1`): its new keys go after them.
        let last_dotted = || line_end(self.text(), last_end(self.text(), table));
        let indent = match (plain.first(), &place.kind) {
            (Some((k, _)), _) => self.outline.indentation(k.span().start).to_owned(),
            (None, Kind::Section(header)) => format!("{}  ", self.outline.indentation(*header)),
            (None, Kind::Dotted(_)) => self.outline.indentation(last_end(self.text(), table)).to_owned(),
            _ => "  ".repeat(place.header.len()),
        };
        let line = key_line(&indent, &place.prefix, key, value);
        let previous = earlier
            .iter()
            .rev()
            .find_map(|(k, _)| plain.iter().find(|(w, _)| w.get_ref() == k || w.get_ref().eq_ignore_ascii_case(k)));
        let at = match (previous, plain.first(), &place.kind) {
            (Some((_, v)), _, _) => line_end(self.text(), v.span().end),
            (None, Some((k, _)), _) => self.outline.attached_start(k.span().start),
            (None, None, Kind::Section(header)) => line_end(self.text(), *header),
            (None, None, Kind::Dotted(_)) => last_dotted(),
            (None, None, _) => {
                // A root without keys: before the first table, as a block so blank lines stay.
                let at = self.outline.body_end(&[]);
                if at < self.text().len() {
                    self.blocks.push((at, line));
                    return;
                }
                at
            }
        };
        let line = if at == self.text().len() && !self.text().is_empty() && !self.text().ends_with('\n') {
            format!("\n{line}")
        } else {
            line
        };
        self.edits.push(Edit { start: at, end: at, text: line });
    }

    /// Where a new sub-table goes: after the nearest earlier sub-table that is written, or
    /// after the table's own keys.
    fn after_tables(&self, place: &Place, table: &DeTable<'t>, earlier: &[(String, Value)]) -> usize {
        for (key, _) in earlier.iter().rev() {
            if let Some((k, v)) = find_key(table, key) {
                if matches!(self.outline.shape(k, v), Shape::Section | Shape::Implicit | Shape::HeaderArray) {
                    let mut path = place.path.clone();
                    path.push(Step::Key(k.get_ref().to_string()));
                    if let Some(range) = self.outline.extent(&path) {
                        return range.end;
                    }
                }
            }
        }
        match place.kind {
            Kind::Implicit => self.outline.extent(&place.path).map_or(self.text().len(), |r| r.start),
            Kind::Dotted(end) => end,
            _ => self.outline.body_end(&place.path),
        }
    }

    fn remove(&mut self, place: &Place, (key, value): Written<'_, 't>) {
        match (self.outline.shape(key, value), value.get_ref()) {
            (Shape::Plain, _) => {
                let start = self.outline.attached_start(key.span().start);
                let end = line_end(self.text(), value.span().end);
                self.delete(start..end);
            }
            (Shape::Dotted, DeValue::Table(written)) => {
                for entry in written {
                    self.remove(place, entry);
                }
            }
            (Shape::HeaderArray, DeValue::Array(items)) => {
                let mut path = place.path.clone();
                path.push(Step::Key(key.get_ref().to_string()));
                for i in 0..items.len() {
                    path.push(Step::Index(i));
                    for range in self.outline.removal(&path) {
                        self.delete(range);
                    }
                    path.pop();
                }
            }
            _ => {
                let mut path = place.path.clone();
                path.push(Step::Key(key.get_ref().to_string()));
                for range in self.outline.removal(&path) {
                    self.delete(range);
                }
            }
        }
    }

    fn replace(&mut self, span: std::ops::Range<usize>, text: String) {
        self.edits.push(Edit { start: span.start, end: span.end, text });
    }

    fn delete(&mut self, range: std::ops::Range<usize>) {
        self.edits.push(Edit { start: range.start, end: range.end, text: String::new() });
    }
}

/// Removals that together reach the start or the end of the file take the blank lines between
/// and beyond them: each removal keeps one blank line of its own, and removing every key and
/// table must not leave those blank lines behind as the file.
fn close_gaps(text: &str, edits: Vec<Edit>) -> Vec<Edit> {
    let (mut removals, mut edits): (Vec<Edit>, Vec<Edit>) =
        edits.into_iter().partition(|e| e.text.is_empty() && e.start < e.end);
    crate::order::by_offsets(&mut removals, |e| (e.start, e.end));
    let first = bom(text);
    let blank = |from: usize, to: usize| from >= to || text[from..to].trim().is_empty();
    let mut groups: Vec<(std::ops::Range<usize>, Vec<Edit>)> = Vec::new();
    for removal in removals {
        match groups.last_mut() {
            Some((range, members)) if blank(range.end, removal.start) => {
                range.end = range.end.max(removal.end);
                members.push(removal);
            }
            _ => groups.push((removal.start..removal.end, vec![removal])),
        }
    }
    for (mut range, members) in groups {
        let at_start = blank(first, range.start);
        let at_end = blank(range.end, text.len());
        if !at_start && !at_end {
            edits.extend(members);
            continue;
        }
        if at_start {
            range.start = range.start.max(first);
            while range.end < text.len() && blank(range.end, line_end(text, range.end)) {
                range.end = line_end(text, range.end);
            }
        }
        if at_end {
            while range.start > first && blank(line_start(text, range.start - 1), range.start) {
                range.start = line_start(text, range.start - 1).max(first);
            }
        }
        edits.push(Edit { start: range.start, end: range.end, text: String::new() });
    }
    edits
}

/// The end of the last value written in a table of dotted keys (not in the sections below it).
fn last_end(text: &str, table: &DeTable<'_>) -> usize {
    table
        .iter()
        .filter(|(_, value)| !(value.get_ref().is_table() && text[value.span()].starts_with('[')))
        .map(|(_, value)| match value.get_ref() {
            DeValue::Table(inner) => last_end(text, inner).max(value.span().end),
            _ => value.span().end,
        })
        .max()
        .unwrap_or(0)
}

fn quoted_key(key: &str) -> String {
    let mut out = String::new();
    crate::escape::write_key(&mut out, key).expect("writing to a String");
    out
}

fn key_line(indent: &str, prefix: &str, key: &str, value: &Value) -> String {
    format!("{indent}{prefix}{} = {}\n", quoted_key(key), render::inline(value))
}

/// Table blocks as edits: blocks at one offset joined by a blank line, and a blank line
/// between them and the text before and after, as the canonical layout has.
fn blocks(text: &str, mut blocks: Vec<(usize, String)>, kept_end: usize) -> Vec<Edit> {
    crate::order::by_offsets(&mut blocks, |(at, _)| (*at, 0));
    // Per offset, the lines of keys (new keys of a root written without any) and the tables:
    // keys first, or a table's header would take them.
    let mut groups: Vec<(usize, Vec<&str>, Vec<&str>)> = Vec::new();
    for (at, block) in &blocks {
        let block = block.trim_matches('\n');
        if groups.last().map_or(true, |(last, _, _)| last != at) {
            groups.push((*at, Vec::new(), Vec::new()));
        }
        let (_, keys, tables) = groups.last_mut().expect("pushed above");
        if block.trim_start().starts_with('[') {
            tables.push(block);
        } else {
            keys.push(block);
        }
    }
    let mut edits: Vec<Edit> = Vec::new();
    for (at, keys, tables) in groups {
        let mut text = keys.join("\n");
        for table in tables {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            text.push_str(table);
        }
        edits.push(Edit { start: at, end: at, text: format!("{text}\n") });
    }
    for edit in &mut edits {
        let before = &text[..edit.start];
        let mut lead = String::new();
        if !before.is_empty() && !before.ends_with('\n') {
            lead.push('\n');
        }
        if !before.is_empty() && !ends_with_blank_line(before) {
            lead.push('\n');
        }
        let next_line = &text[edit.start..line_end(text, edit.start)];
        let trail = if edit.start < kept_end && !next_line.trim().is_empty() { "\n" } else { "" };
        edit.text = format!("{lead}{}{trail}", edit.text);
    }
    edits
}
