//! JSON written by the npm package from a JavaScript value (`JSON.stringify` of a checked copy,
//! `bindings-wasm/npm/boundary.js`), read with JavaScript's type names (`number`, `undefined`,
//! `class instance` ...). A small reader of its own rather than serde_json: strings without
//! escapes are borrowed, objects are plain lists (no hashing), and the wasm stays small.
//!
//! What JSON cannot say arrives as a marker, an object whose first key is `"\0"`: `{"\0": type}`
//! for a value the engine only names (`undefined`, `function`, an empty array slot ...), with
//! `"v"` the exact text for `bigint`, `number` (NaN, infinities, -0) and `Date` (its ISO text,
//! absent for an invalid Date). Keys that begin with `"\0"` arrive with one more `"\0"` in front.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::document::{parse_datetime, Datetime};
use crate::input::{Entry, Input, Integer, NotATable};
use crate::schema::Struct;

/// A JSON value, strings borrowed from the text where they hold no escape.
#[derive(Clone, Debug, PartialEq)]
pub enum Json<'a> {
    Null,
    Bool(bool),
    Number(f64),
    String(Cow<'a, str>),
    Array(Vec<Json<'a>>),
    Object(Vec<(Cow<'a, str>, Json<'a>)>),
}

/// The first key written again, in the text's order. A config's tables are small and are
/// checked pair by pair (a hash map for each cost `render` several percent); a large map goes
/// through a map of the type the schema's index uses, so the wasm links no map code for it.
fn repeated_key<'k, V>(entries: &'k [(Cow<'_, str>, V)]) -> Option<&'k str> {
    const PAIRWISE: usize = 16;
    if entries.len() <= PAIRWISE {
        return entries
            .iter()
            .enumerate()
            .find(|(place, (key, _))| entries[..*place].iter().any(|(earlier, _)| earlier == key))
            .map(|(_, (key, _))| key.as_ref());
    }
    let mut seen: HashMap<&str, usize> = HashMap::with_capacity(entries.len());
    entries
        .iter()
        .enumerate()
        .find(|(place, (key, _))| seen.insert(key, *place).is_some())
        .map(|(_, (key, _))| key.as_ref())
}

/// Deeper than `boundary.js` ever writes (it stops at 128 levels).
const MAX_DEPTH: usize = 256;

/// Reads one JSON value; `Err` says why the text is not JSON.
pub fn read(text: &str) -> Result<Json<'_>, String> {
    let mut reader = Reader { text, at: 0 };
    let value = reader.value(0)?;
    reader.skip_space();
    if reader.at != text.len() {
        return Err(format!("unexpected text at byte {}", reader.at));
    }
    Ok(value)
}

struct Reader<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Reader<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn fail<T>(&self, what: &str) -> Result<T, String> {
        Err(format!("{what} at byte {}", self.at))
    }

    fn literal(&mut self, word: &str, value: Json<'a>) -> Result<Json<'a>, String> {
        if self.text[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(value)
        } else {
            self.fail("unexpected text")
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json<'a>, String> {
        if depth > MAX_DEPTH {
            return self.fail("nested too deep");
        }
        self.skip_space();
        match self.peek() {
            Some(b'n') => self.literal("null", Json::Null),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'"') => self.string().map(Json::String),
            Some(b'[') => {
                self.at += 1;
                let mut items = Vec::new();
                if !self.close(b']') {
                    loop {
                        items.push(self.value(depth + 1)?);
                        if self.separator(b']')? {
                            break;
                        }
                    }
                }
                Ok(Json::Array(items))
            }
            Some(b'{') => {
                self.at += 1;
                let mut entries = Vec::new();
                if !self.close(b'}') {
                    loop {
                        self.skip_space();
                        let key = self.string()?;
                        self.skip_space();
                        if self.peek() != Some(b':') {
                            return self.fail("expected ':'");
                        }
                        self.at += 1;
                        entries.push((key, self.value(depth + 1)?));
                        if self.separator(b'}')? {
                            break;
                        }
                    }
                }
                // No JS object holds a key twice; text that does would render a key twice.
                if let Some(key) = repeated_key(&entries) {
                    return self.fail(&format!("key {} written twice", crate::escape::quoted(key)));
                }
                Ok(Json::Object(entries))
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => self.fail("expected a value"),
        }
    }

    /// Whether the container ends right away (`[]`, `{}`).
    fn close(&mut self, end: u8) -> bool {
        self.skip_space();
        let closed = self.peek() == Some(end);
        if closed {
            self.at += 1;
        }
        closed
    }

    /// After an item: `,` (more follow) or `end` (true).
    fn separator(&mut self, end: u8) -> Result<bool, String> {
        self.skip_space();
        match self.peek() {
            Some(b',') => {
                self.at += 1;
                Ok(false)
            }
            Some(byte) if byte == end => {
                self.at += 1;
                Ok(true)
            }
            _ => self.fail("expected ',' or the end of the container"),
        }
    }

    fn number(&mut self) -> Result<Json<'a>, String> {
        let start = self.at;
        while matches!(self.peek(), Some(b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')) {
            self.at += 1;
        }
        // Rust's float parser reads back exactly the number JavaScript wrote.
        match crate::float::parse(&self.text[start..self.at]) {
            Some(x) => Ok(Json::Number(x)),
            None => self.fail("invalid number"),
        }
    }

    fn string(&mut self) -> Result<Cow<'a, str>, String> {
        if self.peek() != Some(b'"') {
            return self.fail("expected a string");
        }
        self.at += 1;
        let start = self.at;
        let rest = &self.text.as_bytes()[start..];
        match rest.iter().position(|&b| b == b'"' || b == b'\\') {
            Some(end) if rest[end] == b'"' => {
                self.at = start + end + 1;
                Ok(Cow::Borrowed(&self.text[start..start + end]))
            }
            Some(end) => {
                self.at = start + end;
                self.escaped_string(start).map(Cow::Owned)
            }
            None => self.fail("unterminated string"),
        }
    }

    /// The rest of a string that holds escapes, from its first backslash.
    fn escaped_string(&mut self, start: usize) -> Result<String, String> {
        let mut out = String::from(&self.text[start..self.at]);
        loop {
            let rest = &self.text[self.at..];
            let plain = rest.find(['"', '\\']).map_or(rest.len(), |n| n);
            out.push_str(&rest[..plain]);
            self.at += plain;
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let escape = self.peek();
                    self.at += 1;
                    match escape {
                        Some(b'"') => out.push('"'),
                        Some(b'\\') => out.push('\\'),
                        Some(b'/') => out.push('/'),
                        Some(b'b') => out.push('\u{8}'),
                        Some(b'f') => out.push('\u{c}'),
                        Some(b'n') => out.push('\n'),
                        Some(b'r') => out.push('\r'),
                        Some(b't') => out.push('\t'),
                        Some(b'u') => out.push(self.unicode_escape()?),
                        _ => return self.fail("invalid escape"),
                    }
                }
                _ => return self.fail("unterminated string"),
            }
        }
    }

    /// `\uXXXX` (after the `u`), a surrogate pair taking two; a lone surrogate is an error.
    fn unicode_escape(&mut self) -> Result<char, String> {
        let high = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&high) && self.text[self.at..].starts_with("\\u") {
            self.at += 2;
            let low = self.hex4()?;
            if !(0xDC00..0xE000).contains(&low) {
                return self.fail("lone surrogate");
            }
            0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
        } else {
            high
        };
        match char::from_u32(code) {
            Some(c) => Ok(c),
            None => self.fail("lone surrogate"),
        }
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let digits = self.text.get(self.at..self.at + 4).filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()));
        match digits.and_then(|d| u32::from_str_radix(d, 16).ok()) {
            Some(code) => {
                self.at += 4;
                Ok(code)
            }
            None => self.fail("invalid \\u escape"),
        }
    }
}

/// The largest integer a JavaScript number holds exactly (2^53 - 1).
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// A value from `boundary.js` as decoder input.
#[derive(Clone, Copy)]
pub struct JsJson<'j, 'a>(pub &'j Json<'a>);

impl<'j, 'a> JsJson<'j, 'a> {
    /// A marker's type and text.
    fn marker(&self) -> Option<(&'j str, Option<&'j str>)> {
        let Json::Object(entries) = self.0 else { return None };
        let (key, kind) = entries.first()?;
        let Json::String(kind) = kind else { return None };
        if key != "\0" {
            return None;
        }
        let text = entries.iter().find(|(key, _)| key == "v").and_then(|(_, v)| match v {
            Json::String(text) => Some(text.as_ref()),
            _ => None,
        });
        Some((kind.as_ref(), text))
    }

    fn marked(&self, kind: &str) -> Option<&'j str> {
        self.marker().filter(|(k, _)| *k == kind).and_then(|(_, text)| text)
    }

    fn text(&self) -> Option<&'j str> {
        match self.0 {
            Json::String(text) => Some(text.as_ref()),
            _ => None,
        }
    }

    fn entries(&self) -> Option<impl Iterator<Item = (String, JsJson<'j, 'a>)>> {
        let Json::Object(entries) = self.0 else { return None };
        if self.marker().is_some() {
            return None;
        }
        Some(entries.iter().map(|(key, value)| {
            let key = key.strip_prefix('\0').unwrap_or(key);
            (key.to_owned(), JsJson(value))
        }))
    }
}

impl Input for JsJson<'_, '_> {
    fn type_name(&self) -> Cow<'static, str> {
        if let Some((kind, _)) = self.marker() {
            return Cow::Owned(kind.to_owned());
        }
        Cow::Borrowed(match self.0 {
            Json::Null => "null",
            Json::Bool(_) => "boolean",
            Json::Number(_) => "number",
            Json::String(_) => "string",
            Json::Array(_) => "array",
            Json::Object(_) => "object",
        })
    }

    fn as_str(&self) -> Option<Cow<'_, str>> {
        self.text().map(Cow::Borrowed)
    }

    fn as_bool(&self) -> Option<bool> {
        match self.0 {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    fn as_integer(&self) -> Option<Integer> {
        if let Some(text) = self.marked("bigint") {
            return Some(text.parse().map_or(Integer::TooLarge, Integer::Fits));
        }
        let x = self.as_float()?;
        if !x.is_finite() || x.fract() != 0.0 {
            return None;
        }
        Some(if x.abs() <= MAX_SAFE_INTEGER { Integer::Fits(x as i64) } else { Integer::Imprecise })
    }

    fn as_float(&self) -> Option<f64> {
        match self.0 {
            Json::Number(x) => Some(*x),
            _ => crate::float::parse(self.marked("number")?),
        }
    }

    fn native_datetime(&self) -> Option<Result<Datetime, String>> {
        match self.marker()? {
            ("Date", Some(text)) => Some(parse_datetime(text)),
            ("Date", None) => Some(Err("invalid Date".into())),
            _ => None,
        }
    }

    fn as_array(&self) -> Option<Vec<Self>> {
        match self.0 {
            Json::Array(items) => Some(items.iter().map(JsJson).collect()),
            _ => None,
        }
    }

    fn as_map(&self) -> Option<Vec<(String, Self)>> {
        Some(self.entries()?.collect())
    }

    fn as_table(&self, schema: &'static Struct) -> Result<Vec<Entry<Self>>, NotATable> {
        let entries = self.entries().ok_or(NotATable::WrongType)?;
        Ok(entries.map(|(key, value)| Entry::keyed(schema, &key, value, None)).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_json_stringify_writes() {
        let text = r#"{"a":[1,-2.5,1e+21,true,false,null],"b\"":"x\\y\n\u0000\ud83d\ude00é","":{}}"#;
        let Json::Object(entries) = read(text).unwrap() else { panic!("not an object") };
        assert_eq!(
            entries[0].1,
            Json::Array(vec![
                Json::Number(1.0),
                Json::Number(-2.5),
                Json::Number(1e21),
                Json::Bool(true),
                Json::Bool(false),
                Json::Null
            ])
        );
        assert_eq!(entries[1].0, "b\"");
        assert_eq!(entries[1].1, Json::String("x\\y\n\u{0}😀é".into()));
        assert_eq!(entries[2], (Cow::Borrowed(""), Json::Object(vec![])));
        assert!(matches!(&entries[2].0, Cow::Borrowed(_)));
    }

    #[test]
    fn floats_read_back_exactly() {
        for x in [0.1 + 0.2, 5e-324, 1.7976931348623157e308, -0.0, 123456789.12345679] {
            let text = format!("{x:?}");
            assert_eq!(read(&text).unwrap(), Json::Number(x), "{text}");
        }
    }

    #[test]
    fn rejects_what_is_not_json() {
        for text in ["", "{", "[1,]", "{\"a\" 1}", "\"\\ud800\"", "\"\\x\"", "tru", "1 2", "\"abc"] {
            assert!(read(text).is_err(), "{text}");
        }
        assert!(read(&"[".repeat(300)).is_err());
    }

    #[test]
    fn names_the_first_key_written_again_in_small_and_large_objects() {
        for size in [2, 16, 17, 100] {
            let mut keys: Vec<String> = (0..size).map(|i| format!("k{i}")).collect();
            keys.push("k1".to_owned());
            keys.push("k0".to_owned());
            let text = format!("{{{}}}", keys.iter().map(|k| format!("\"{k}\":0")).collect::<Vec<_>>().join(","));
            let error = read(&text).expect_err(&text);
            assert!(error.starts_with("key \"k1\" written twice"), "{size}: {error}");
            keys.truncate(size);
            let text = format!("{{{}}}", keys.iter().map(|k| format!("\"{k}\":0")).collect::<Vec<_>>().join(","));
            assert!(read(&text).is_ok(), "{size}");
        }
    }
}
