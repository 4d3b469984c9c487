//! config.toml text to a typed [`Table`], with line and column on every error.

use std::borrow::Cow;

use toml::de::{DeFloat, DeInteger, DeTable, DeValue};
use toml::Spanned;

use crate::decode::{decode, Decoded, UnknownKeys, MOST_REPORTED};
use crate::document::{Datetime, Table};
use crate::error::{Error, ErrorKind, Range, Written};
use crate::input::{Entry, Input, Integer, NotATable};
use crate::lines::LineIndex;
use crate::path::{KeyPath, Segment};
use crate::schema::{self, Struct};

/// Parses config.toml text and checks it against the schema, failing on any error.
pub fn parse(text: &str, unknown: UnknownKeys) -> Result<Table, Vec<Error>> {
    Source::parse(text)?.decode(unknown).into_result()
}

/// config.toml bytes as text. Bytes that are not UTF-8 are a syntax error at the first bad
/// one, with its line and column: gitlab-runner refuses such a file too.
pub fn text_from_bytes(bytes: &[u8]) -> Result<&str, Vec<Error>> {
    std::str::from_utf8(bytes).map_err(|e| {
        let valid = &bytes[..e.valid_up_to()];
        let valid = std::str::from_utf8(valid).expect("checked up to here");
        let end = e.valid_up_to() + e.error_len().unwrap_or(bytes.len() - e.valid_up_to());
        let mut error = Error::new(
            ErrorKind::Syntax,
            KeyPath::root(),
            format!("not UTF-8 text: byte 0x{:02X} at offset {}", bytes[e.valid_up_to()], e.valid_up_to()),
        );
        let start = LineIndex::new(valid).position(valid.len());
        let end = crate::error::Position { offset: end, column: start.column + 1, ..start };
        error.range = Some(Range { start, end });
        vec![error]
    })
}

/// Parsed text that remembers where every key and value was written.
pub struct Source<'t> {
    lines: LineIndex<'t>,
    root: DeTable<'t>,
}

impl<'t> Source<'t> {
    /// Reads the text as TOML; every syntax error is reported, each with its position.
    pub fn parse(text: &'t str) -> Result<Source<'t>, Vec<Error>> {
        let lines = LineIndex::new(text);
        let (root, errors) = DeTable::parse_recoverable(text);
        if !errors.is_empty() {
            // Capped like the decoder's errors: garbage can hold a syntax error every few bytes.
            let mut reported: Vec<Error> = errors.iter().take(MOST_REPORTED).map(|e| syntax_error(&lines, e)).collect();
            if errors.len() > MOST_REPORTED {
                let omitted = errors.len() - MOST_REPORTED;
                let message = format!("{omitted} more problems not shown (only the first {MOST_REPORTED} are)");
                reported.push(Error::new(ErrorKind::Omitted, KeyPath::root(), message));
            }
            return Err(reported);
        }
        Ok(Source { lines, root: root.into_inner() })
    }

    /// The text as parsed.
    pub(crate) fn text(&self) -> &'t str {
        self.lines.text()
    }

    /// The parsed tables, with the span of every key and value.
    pub(crate) fn root(&self) -> &DeTable<'t> {
        &self.root
    }

    /// Checks the parsed text against the schema.
    pub fn decode(&self, unknown: UnknownKeys) -> Decoded {
        decode(schema::ROOT, &TomlValue::Root(&self.root, &self.lines), unknown)
    }

    /// Checks the parsed text as one table of the schema: a fragment (a runner alone).
    pub fn decode_as(&self, table: &'static schema::Struct, unknown: UnknownKeys) -> Decoded {
        decode(table, &TomlValue::Root(&self.root, &self.lines), unknown)
    }

    /// Where the bytes `within` of the string written at `value` are, when the string is a
    /// one-line basic or literal string without escapes, so its bytes are the text's (else
    /// `None`: the caller keeps the whole string's range).
    pub fn inside_string(&self, value: Range, within: std::ops::Range<usize>) -> Option<Range> {
        let written = self.lines.text().get(value.start.offset..value.end.offset)?;
        let quote = written.chars().next().filter(|q| *q == '"' || *q == '\'')?;
        let inner = written.strip_prefix(quote)?.strip_suffix(quote)?;
        let plain = !inner.starts_with(quote) && (quote == '\'' || !inner.contains('\\'));
        if !plain || within.end > inner.len() || within.start > within.end {
            return None;
        }
        let start = value.start.offset + 1;
        Some(self.lines.range(start + within.start..start + within.end))
    }

    /// Where the key at `path` is written, or else the nearest enclosing key that is (a
    /// missing key is reported where its table is); true when it is the key itself. The one
    /// way every face places findings: paths are canonical (`executor` finds `Executor`, as
    /// gitlab-runner matches keys), and the walk goes down the path alone, so nothing is
    /// computed for the keys no finding is about, and offsets become lines and columns only
    /// for the ones asked for.
    pub fn locate(&self, path: &KeyPath) -> Option<(Written, bool)> {
        let mut found: Option<Written> = None;
        let mut depth = 0;
        let mut value: Option<&Spanned<DeValue<'t>>> = None;
        for segment in path.segments() {
            let next = match segment {
                Segment::Key(key) => {
                    let table = match value {
                        Some(current) => current.get_ref().as_table(),
                        None => Some(&self.root),
                    };
                    table.and_then(|t| find_key(t, key)).map(|(written, next)| (written.span(), next))
                }
                Segment::Index(i) => {
                    let element = value.and_then(|v| v.get_ref().as_array()).and_then(|a| a.get(*i));
                    element.map(|e| (e.span(), e))
                }
            };
            let Some((key, next)) = next else { break };
            found = Some(Written { key: self.lines.range(key), value: self.lines.range(next.span()) });
            value = Some(next);
            depth += 1;
        }
        found.map(|written| (written, depth == path.segments().len()))
    }
}

/// A key of a table, exactly or ignoring letter case as gitlab-runner also matches.
pub(crate) fn find_key<'a, 't>(
    table: &'a DeTable<'t>,
    key: &str,
) -> Option<(&'a Spanned<Cow<'t, str>>, &'a Spanned<DeValue<'t>>)> {
    table
        .iter()
        .find(|(k, _)| k.get_ref() == key)
        .or_else(|| table.iter().find(|(k, _)| k.get_ref().eq_ignore_ascii_case(key)))
}

fn syntax_error(lines: &LineIndex<'_>, error: &toml::de::Error) -> Error {
    // The toml crate refuses a key of too many dotted parts without saying where: find it.
    let (message, span) = match error.span() {
        Some(span) => (error.message().trim_end().to_owned(), Some(span)),
        None => match too_deep_key(lines.text()) {
            Some(span) => {
                (format!("a key of more than {} dotted parts is nested too deeply", DEEPEST_KEY - 1), Some(span))
            }
            None => (error.message().trim_end().to_owned(), None),
        },
    };
    let mut result = Error::new(ErrorKind::Syntax, KeyPath::root(), message);
    result.range = span.map(|span| lines.range(span));
    result
}

/// The number of dotted parts at which the toml crate stops reading a key (its recursion limit).
const DEEPEST_KEY: usize = 81;

/// Where the first key of `DEEPEST_KEY` or more dotted parts is written (a table header, a
/// key/value or an inline table's key). Only asked after a parse failed with no position.
fn too_deep_key(text: &str) -> Option<std::ops::Range<usize>> {
    use toml_parser::lexer::TokenKind;
    let mut parts = 0;
    let mut start = 0;
    let mut end = 0;
    let mut after_dot = false;
    for token in toml_parser::Source::new(text).lex() {
        match token.kind() {
            TokenKind::Whitespace => continue,
            TokenKind::Atom | TokenKind::BasicString | TokenKind::LiteralString => {
                if !after_dot {
                    if parts >= DEEPEST_KEY {
                        break;
                    }
                    parts = 0;
                    start = token.span().start();
                }
                parts += 1;
                end = token.span().end();
                after_dot = false;
            }
            TokenKind::Dot if parts > 0 && !after_dot => after_dot = true,
            _ => {
                if parts >= DEEPEST_KEY {
                    break;
                }
                parts = 0;
                after_dot = false;
            }
        }
    }
    (parts >= DEEPEST_KEY).then_some(start..end)
}

/// Parsed TOML as decoder input.
#[derive(Clone, Copy)]
enum TomlValue<'a, 't> {
    Root(&'a DeTable<'t>, &'a LineIndex<'t>),
    Value(&'a Spanned<DeValue<'t>>, &'a LineIndex<'t>),
}

impl<'a, 't> TomlValue<'a, 't> {
    fn value(&self) -> Option<&'a DeValue<'t>> {
        match *self {
            TomlValue::Value(v, _) => Some(v.get_ref()),
            TomlValue::Root(..) => None,
        }
    }

    fn lines(&self) -> &'a LineIndex<'t> {
        match *self {
            TomlValue::Root(_, lines) | TomlValue::Value(_, lines) => lines,
        }
    }

    fn table(&self) -> Option<&'a DeTable<'t>> {
        match *self {
            TomlValue::Root(table, _) => Some(table),
            TomlValue::Value(v, _) => v.get_ref().as_table(),
        }
    }

    fn child(&self, value: &'a Spanned<DeValue<'t>>) -> TomlValue<'a, 't> {
        TomlValue::Value(value, self.lines())
    }
}

/// The parser hands out digits ready for `from_str_radix`; `None` when beyond 64 bits.
fn integer(n: &DeInteger<'_>) -> Option<i64> {
    i64::from_str_radix(n.as_str(), n.radix()).ok()
}

/// `None` for a finite literal too large for a double (TOML allows no such value).
fn float(x: &DeFloat<'_>) -> Option<f64> {
    let value = crate::float::parse(x.as_str())?;
    (!value.is_infinite() || x.as_str().contains("inf")).then_some(value)
}

impl<'a, 't> Input for TomlValue<'a, 't> {
    fn type_name(&self) -> Cow<'static, str> {
        Cow::Borrowed(match self.value() {
            None | Some(DeValue::Table(_)) => "table",
            Some(DeValue::String(_)) => "string",
            Some(DeValue::Integer(_)) => "integer",
            // gitlab-runner refuses such a file too ("out of the range of 64-bit floats").
            Some(DeValue::Float(x)) if float(x).is_none() => "a float beyond the 64-bit range",
            Some(DeValue::Float(_)) => "float",
            Some(DeValue::Boolean(_)) => "bool",
            Some(DeValue::Datetime(_)) => "datetime",
            Some(DeValue::Array(_)) => "array",
        })
    }

    fn as_str(&self) -> Option<Cow<'_, str>> {
        self.value()?.as_str().map(Cow::Borrowed)
    }

    fn as_bool(&self) -> Option<bool> {
        self.value()?.as_bool()
    }

    fn as_integer(&self) -> Option<Integer> {
        let n = self.value()?.as_integer()?;
        Some(integer(n).map_or(Integer::TooLarge, Integer::Fits))
    }

    fn as_float(&self) -> Option<f64> {
        match self.value()? {
            DeValue::Float(x) => float(x),
            DeValue::Integer(n) => integer(n).map(|n| n as f64),
            _ => None,
        }
    }

    fn native_datetime(&self) -> Option<Result<Datetime, String>> {
        match self.value()? {
            DeValue::Datetime(d) => Some(Ok(*d)),
            _ => None,
        }
    }

    fn as_array(&self) -> Option<Vec<Self>> {
        let items = self.value()?.as_array()?;
        Some(items.iter().map(|v| self.child(v)).collect())
    }

    fn as_map(&self) -> Option<Vec<(String, Self)>> {
        let table = self.table()?;
        Some(table.iter().map(|(k, v)| (k.get_ref().to_string(), self.child(v))).collect())
    }

    fn as_table(&self, schema: &'static Struct) -> Result<Vec<Entry<Self>>, NotATable> {
        let table = self.table().ok_or(NotATable::WrongType)?;
        let lines = self.lines();
        Ok(table
            .iter()
            .map(|(key, value)| Entry::keyed(schema, key.get_ref(), self.child(value), Some(lines.range(key.span()))))
            .collect())
    }

    fn position(&self) -> Option<Range> {
        match *self {
            TomlValue::Value(v, lines) => Some(lines.range(v.span())),
            TomlValue::Root(..) => None,
        }
    }
}
