//! Where things are in config.toml text: lines, the comment lines that belong to a key or
//! header, table headers and how far a table's lines reach.

use std::borrow::Cow;

use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// One step from a table to what it holds, as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    Key(String),
    Index(usize),
}

/// How an entry of a table is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// `key = value` on its line(s): scalars, arrays, inline tables.
    Plain,
    /// `key.sub = value`: a table made of dotted keys.
    Dotted,
    /// A table with its own `[header]`.
    Section,
    /// A table that only exists because of a deeper header (`[a.b]` makes `a`).
    Implicit,
    /// `[[key]]` blocks.
    HeaderArray,
}

pub struct Header {
    /// Where the header's line starts.
    line: usize,
    path: Vec<Step>,
}

pub struct Outline<'t> {
    pub text: &'t str,
    /// Every table header, in text order.
    headers: Vec<Header>,
    /// The end of every key and value, sorted: comment lines above a key never reach past
    /// the value before it (a multi-line string may hold lines starting with `#`).
    ends: Vec<usize>,
}

impl<'t> Outline<'t> {
    pub fn new(text: &'t str, root: &DeTable<'_>) -> Outline<'t> {
        let mut outline = Outline { text, headers: Vec::new(), ends: Vec::new() };
        outline.walk(root, &mut Vec::new());
        crate::order::by_offsets(&mut outline.headers, |h| (h.line, 0));
        crate::order::by_offsets(&mut outline.ends, |&end| (end, 0));
        outline
    }

    fn walk(&mut self, table: &DeTable<'_>, path: &mut Vec<Step>) {
        for (key, value) in table {
            path.push(Step::Key(key.get_ref().to_string()));
            self.ends.push(key.span().end);
            self.ends.push(value.span().end);
            match (self.shape(key, value), value.get_ref()) {
                (Shape::Section, DeValue::Table(t)) => {
                    self.headers.push(Header { line: line_start(self.text, value.span().start), path: path.clone() });
                    self.walk(t, path);
                }
                (Shape::HeaderArray, DeValue::Array(items)) => {
                    for (i, item) in items.iter().enumerate() {
                        path.push(Step::Index(i));
                        // A block holding no key still ends somewhere: the footer starts after it.
                        self.ends.push(item.span().end);
                        let line = line_start(self.text, item.span().start);
                        self.headers.push(Header { line, path: path.clone() });
                        if let DeValue::Table(t) = item.get_ref() {
                            self.walk(t, path);
                        }
                        path.pop();
                    }
                }
                (_, DeValue::Table(t)) => self.walk(t, path),
                _ => {}
            }
            path.pop();
        }
    }

    pub fn shape(&self, key: &Spanned<Cow<'_, str>>, value: &Spanned<DeValue<'_>>) -> Shape {
        let written = &self.text[value.span()];
        match value.get_ref() {
            DeValue::Table(_) if written.starts_with('{') => Shape::Plain,
            DeValue::Table(_) if written.starts_with('[') => Shape::Section,
            DeValue::Table(_) => {
                let line = &self.text[line_start(self.text, key.span().start)..];
                // A byte order mark may open the first line.
                if line.trim_start_matches([' ', '\t', '\u{feff}']).starts_with('[') {
                    Shape::Implicit
                } else {
                    Shape::Dotted
                }
            }
            DeValue::Array(items)
                if items
                    .first()
                    .is_some_and(|e| e.get_ref().as_table().is_some() && self.text[e.span()].starts_with("[[")) =>
            {
                Shape::HeaderArray
            }
            _ => Shape::Plain,
        }
    }

    /// Where the lines of the key (or header) starting at `offset` begin: with the comment
    /// lines directly above it.
    pub fn attached_start(&self, offset: usize) -> usize {
        let floor = self.floor(offset);
        let mut start = line_start(self.text, offset);
        while start > floor && start > 0 {
            let above = line_start(self.text, start - 1);
            if above < floor || !self.text[above..start].trim_start().starts_with('#') {
                break;
            }
            start = above;
        }
        // A byte order mark stays first, whatever is removed or inserted after it.
        start.max(bom(self.text))
    }

    /// The end of the last key or value before `offset`.
    fn floor(&self, offset: usize) -> usize {
        let i = self.ends.partition_point(|&end| end <= offset);
        if i == 0 {
            0
        } else {
            line_end(self.text, self.ends[i - 1])
        }
    }

    fn header_index(&self, path: &[Step]) -> Option<usize> {
        self.headers.iter().position(|h| h.path == path)
    }

    /// Where the next header after the one at `index` (or after the root's keys) begins, with
    /// its comments: the end of a table's own keys.
    pub fn body_end(&self, path: &[Step]) -> usize {
        let next = if path.is_empty() { Some(0) } else { self.header_index(path).map(|i| i + 1) };
        match next.and_then(|i| self.headers.get(i)) {
            Some(header) => self.attached_start(header.line),
            None => self.footer(),
        }
    }

    /// The lines of the table at `path` and of every table below it, with their comments: one
    /// range per run of their headers (another table's header may be written in between).
    fn runs(&self, path: &[Step]) -> Vec<std::ops::Range<usize>> {
        let mut runs = Vec::new();
        let mut i = 0;
        while let Some(first) = self.headers[i..].iter().position(|h| h.path.starts_with(path)).map(|f| f + i) {
            let after = self.headers[first..].iter().position(|h| !h.path.starts_with(path)).map(|a| a + first);
            let end = after.map_or_else(|| self.footer(), |a| self.attached_start(self.headers[a].line));
            runs.push(self.attached_start(self.headers[first].line)..end);
            match after {
                Some(a) => i = a,
                None => break,
            }
        }
        runs
    }

    /// From the first line of the table at `path` (or of a table below it) to the end of the
    /// last: where to put what comes before or after it.
    pub fn extent(&self, path: &[Step]) -> Option<std::ops::Range<usize>> {
        let runs = self.runs(path);
        Some(runs.first()?.start..runs.last()?.end)
    }

    /// Where the comment lines closing the file begin: after the last key or header, past a
    /// blank line (comments right under a key stay with its table).
    fn footer(&self) -> usize {
        let floor = self.ends.last().map_or(0, |&end| line_end(self.text, end));
        let tail = &self.text[floor..];
        let mut offset = floor;
        for line in tail.split_inclusive('\n') {
            if line.trim().is_empty() {
                return offset;
            }
            if !line.trim_start().starts_with('#') {
                break;
            }
            offset += line.len();
        }
        self.text.len()
    }

    /// The lines to delete for the table at `path`, each run with one of the blank lines
    /// around it, so the tables left keep one blank line between them and none is left at the
    /// end.
    pub fn removal(&self, path: &[Step]) -> Vec<std::ops::Range<usize>> {
        let mut runs = self.runs(path);
        for range in &mut runs {
            let blank_before = ends_with_blank_line(&self.text[..range.start]);
            if range.end == self.text.len() {
                while range.start > 0 && ends_with_blank_line(&self.text[..range.start]) {
                    range.start = line_start(self.text, range.start - 1);
                }
            } else if blank_before {
                range.end += blank_line(&self.text[range.end..]);
            }
        }
        runs
    }

    /// The indentation of the line holding `offset`.
    pub fn indentation(&self, offset: usize) -> &'t str {
        let start = line_start(self.text, offset);
        let line = &self.text[start..];
        &line[..line.len() - line.trim_start_matches([' ', '\t']).len()]
    }
}

/// The length of the byte order mark opening the text, if any.
pub fn bom(text: &str) -> usize {
    if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    }
}

/// Whether the text ends with an empty line (LF or CRLF).
pub fn ends_with_blank_line(text: &str) -> bool {
    text.ends_with("\n\n") || text.ends_with("\n\r\n")
}

/// The length of the empty line opening the text (0 when there is none).
fn blank_line(text: &str) -> usize {
    ["\n", "\r\n"].iter().find(|end| text.starts_with(**end)).map_or(0, |end| end.len())
}

pub fn line_start(text: &str, offset: usize) -> usize {
    text[..offset].rfind('\n').map_or(0, |i| i + 1)
}

/// Just past the newline ending the line that holds `offset` (or the end of the text).
pub fn line_end(text: &str, offset: usize) -> usize {
    text[offset..].find('\n').map_or(text.len(), |i| offset + i + 1)
}
