//! What is around a cursor in config.toml text that may be half written: the table header in
//! force and what is being typed (a key, a value, a header). A light scan of lines, not a
//! parse, so it works on text that does not parse yet.

use crate::schema::{self, Field, Kind, Struct};

/// The table whose keys are written at the cursor.
#[derive(Clone, Debug)]
pub struct TableAt {
    /// The schema fields from the root down to this table (empty for the root).
    pub chain: Vec<&'static Field>,
    /// The table's struct; `None` for a free-form map (`[runners.docker.sysctls]`) or a
    /// header the schema does not know.
    pub schema: Option<&'static Struct>,
    /// The free-form map's field, for `[runners.feature_flags]` and the like.
    pub map: Option<&'static Field>,
    /// Byte offsets of the lines of this table's body (after its header, up to the next).
    pub body: std::ops::Range<usize>,
}

impl TableAt {
    /// The keys written in this table's body at the start of a line, except on `skip_line`.
    pub fn keys_written<'t>(&self, text: &'t str, skip_line: usize) -> Vec<&'t str> {
        let mut keys = Vec::new();
        let mut start = self.body.start;
        for line in text[self.body.clone()].split_inclusive('\n') {
            if start != skip_line {
                if let Some((key, _)) = line.split_once('=') {
                    keys.push(unquote(key.trim()));
                }
            }
            start += line.len();
        }
        keys
    }
}

/// What is being typed at the cursor, with the byte span it would replace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Typing {
    /// A key at the start of a line (possibly empty so far); `assigned` when the line goes on
    /// with `= value` already.
    Key { assigned: bool },
    /// A value after `key =`, or an element of an array value.
    Value { key: String },
    /// A table header after `[`.
    Header,
    /// A comment, a string being typed that is not a value, or anything else.
    Nothing,
}

/// The cursor's context.
#[derive(Clone, Debug)]
pub struct Cursor {
    pub table: TableAt,
    pub typing: Typing,
    /// The span of what is being typed (what a completion replaces).
    pub from: usize,
    pub to: usize,
    /// Where the cursor's line starts.
    pub line_start: usize,
}

/// Where `offset` is in `text` (clamped to the text and back to a character boundary).
pub fn at(text: &str, offset: usize) -> Cursor {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    let table = table_at(text, line_start);
    let before = &text[line_start..offset];
    let after = &text[offset..line_end];
    let indent = before.len() - before.trim_start().len();
    let open =
        if before.contains('=') { None } else { open_array(&text[table.body.start.min(line_start)..line_start]) };
    let (typing, from, to) = if before.contains('#') {
        (Typing::Nothing, offset, offset)
    } else if let Some(key) = open {
        // An element on a line of its own, inside `key = [` written on a line above.
        let element = rfind_any(before, b"[,").map_or(indent, |i| i + 1);
        let start = element + (before.len() - element - before[element..].trim_start().len());
        let end = find_any(after, b",]# \t\r").unwrap_or(after.len());
        (Typing::Value { key }, line_start + start, offset + end)
    } else if before.trim_start().starts_with('[') {
        // Up to and with the closing brackets, when they are written already.
        let end = match after.find(']') {
            Some(i) => offset + i + after[i..].bytes().take_while(|&b| b == b']').count(),
            None => offset,
        };
        (Typing::Header, line_start + indent, end)
    } else if let Some(equals) = before.find('=') {
        let key = unquote(before[..equals].trim()).to_owned();
        // The element being typed starts after the last `=`, `[` or `,` before the cursor.
        let element = rfind_any(before, b"=[,").map_or(0, |i| i + 1);
        let start = element + (before.len() - element - before[element..].trim_start().len());
        let end = find_any(after, b",]# \t\r").unwrap_or(after.len());
        (Typing::Value { key }, line_start + start, offset + end)
    } else if find_any(&before[indent..], b" \t").is_some() {
        (Typing::Nothing, offset, offset)
    } else {
        let end = find_any(after, b"= \t\r").unwrap_or(after.len());
        (Typing::Key { assigned: after[end..].trim_start().starts_with('=') }, line_start + indent, offset + end)
    };
    Cursor { table, typing, from, to, line_start }
}

/// The header in force on the line starting at `line_start`, resolved against the schema.
fn table_at(text: &str, line_start: usize) -> TableAt {
    let mut header: Option<(usize, usize, &str)> = None;
    let mut start = 0;
    for line in text[..line_start].split_inclusive('\n') {
        if let Some(path) = header_path(line) {
            header = Some((start, start + line.len(), path));
        }
        start += line.len();
    }
    let body_start = header.map_or(0, |(_, end, _)| end);
    let mut body_end = text.len();
    let mut start = line_start;
    for line in text[line_start..].split_inclusive('\n') {
        if start != line_start && header_path(line).is_some() {
            body_end = start;
            break;
        }
        start += line.len();
    }
    let mut table = resolve(header.map_or("", |(_, _, path)| path));
    table.body = body_start..body_end.max(body_start);
    table
}

/// The `[table]` headers written before `line_start` since the last `[[...]]` header above
/// them (each runner has its own `[runners.docker]`), normalised to `[a.b]`.
pub fn headers_in_force(text: &str, line_start: usize) -> Vec<String> {
    let mut headers = Vec::new();
    for line in text[..line_start].split_inclusive('\n') {
        let Some(path) = header_path(line) else { continue };
        let path = split_dotted(path).join(".");
        if line.trim_start().starts_with("[[") {
            // A new element: tables written below the array's path belonged to the previous one.
            headers.retain(|h: &String| !h[1..].starts_with(&format!("{path}.")));
        } else {
            headers.push(format!("[{path}]"));
        }
    }
    headers
}

/// The key whose array value is still open at the end of `lines` (`volumes = [` on a line
/// above, not closed since). Brackets are counted as written, a light scan like the rest.
fn open_array(lines: &str) -> Option<String> {
    let depth = |s: &str| s.bytes().map(|b| (b == b'[') as isize - (b == b']') as isize).sum::<isize>();
    let mut open: Option<(String, isize)> = None;
    for line in lines.lines() {
        let code = line.split('#').next().unwrap_or("");
        open = match (open, code.split_once('=')) {
            (Some((key, level)), _) => Some((key, level + depth(code))),
            (None, Some((key, value))) => Some((unquote(key.trim()).to_owned(), depth(value))),
            (None, None) => None,
        }
        .filter(|(_, level)| *level > 0);
    }
    open.map(|(key, _)| key)
}

/// The dotted path of a `[header]` or `[[header]]` line.
fn header_path(line: &str) -> Option<&str> {
    let line = line.trim();
    let inner = line.strip_prefix("[[").or_else(|| line.strip_prefix('['))?;
    inner.find(']').map(|end| inner[..end].trim())
}

/// The first of a set of ASCII bytes in `text` (always a character boundary: no byte of a
/// multi-byte character is ASCII). One plain function rather than a pattern type per set
/// keeps the wasm small.
fn find_any(text: &str, set: &[u8]) -> Option<usize> {
    text.bytes().position(|b| set.contains(&b))
}

/// The last of a set of ASCII bytes in `text`.
fn rfind_any(text: &str, set: &[u8]) -> Option<usize> {
    text.bytes().rposition(|b| set.contains(&b))
}

/// The table a dotted header path names (array-of-tables paths name their element's table).
pub fn resolve(path: &str) -> TableAt {
    let mut table = TableAt { chain: Vec::new(), schema: Some(schema::ROOT), map: None, body: 0..0 };
    for segment in split_dotted(path) {
        let Some(current) = table.schema else {
            table.map = None;
            break;
        };
        let Some(field) = field(current, segment) else {
            table.schema = None;
            break;
        };
        table.chain.push(field);
        match field.kind {
            Kind::Table(child) | Kind::Tables(child) => table.schema = Some(child),
            Kind::Map(_) => {
                table.schema = None;
                table.map = Some(field);
            }
            _ => {
                table.schema = None;
                break;
            }
        }
    }
    table
}

/// The segments of a dotted key or header path, unquoted.
pub fn split_dotted(path: &str) -> Vec<&str> {
    let mut segments = Vec::new();
    let mut rest = path.trim();
    while !rest.is_empty() {
        let (segment, tail) = match rest.chars().next() {
            Some(quote @ ('"' | '\'')) => match rest[1..].find(quote) {
                Some(end) => (&rest[1..end + 1], &rest[end + 2..]),
                None => (&rest[1..], ""),
            },
            _ => match rest.find('.') {
                Some(dot) => (rest[..dot].trim(), &rest[dot..]),
                None => (rest.trim(), ""),
            },
        };
        segments.push(segment);
        rest = tail.trim_start().strip_prefix('.').unwrap_or(tail).trim_start();
    }
    segments
}

/// A key as written, without its quotes.
fn unquote(key: &str) -> &str {
    key.strip_prefix('"').and_then(|k| k.strip_suffix('"')).unwrap_or(key)
}

/// The field a key names in `table`, exactly or else ignoring letter case (as gitlab-runner).
pub fn field(table: &'static Struct, key: &str) -> Option<&'static Field> {
    let fields = table.fields.iter();
    fields.clone().find(|f| f.key == key).or_else(|| fields.clone().find(|f| f.key.eq_ignore_ascii_case(key)))
}
