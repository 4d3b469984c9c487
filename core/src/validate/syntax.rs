//! Strings in a syntax of their own (`Field::syntax`): URLs, Kubernetes quantities, Docker
//! sizes, `NAME=value` environment entries and the JSON of `DOCKER_AUTH_CONFIG`.
//! A `$` placeholder, filled in when the file is deployed, is not checked.

use super::{each_string, walk, Report};
use crate::code::Code;
use crate::document::Table;
use crate::escape::quoted;
use crate::path::KeyPath;
use crate::schema::Syntax;

pub(super) fn check(report: &mut Report, root: &Table) {
    walk(root, &mut KeyPath::root(), &mut |_, field, value, path| {
        // Feature flags are checked as names, with the other allowed values (values.rs).
        if matches!(field.syntax, Syntax::Any | Syntax::FeatureFlags) {
            return;
        }
        let mut check = |text: &str, path: &KeyPath| {
            // An empty string is Go's zero value: gitlab-runner takes it as "not set".
            if !text.is_empty() && !text.starts_with('$') {
                one(report, field.syntax, field.key, text, path);
            }
        };
        each_string(value, path, &mut check);
    });
}

fn one(report: &mut Report, syntax: Syntax, key: &str, text: &str, path: &KeyPath) {
    match syntax {
        Syntax::Any | Syntax::FeatureFlags => {}
        Syntax::Url => {
            if let Err(why) = url(text) {
                report.add(Code::InvalidUrl, path, format!("{} {why}", quoted(text)));
            }
        }
        Syntax::Quantity => {
            if let Err(why) = quantity(text) {
                let message = format!(
                    "{} is not a Kubernetes quantity ({why}); write a number with an optional suffix such as \"500m\", \"1.5\" or \"4Gi\"",
                    quoted(text)
                );
                report.add(Code::InvalidQuantity, path, message);
            }
        }
        Syntax::DockerSize => {
            if !docker_size(text) {
                let message = format!(
                    "{} is not a size Docker reads for {key}; write a number of bytes with an optional unit b, k, m, g, t or p (\"512m\", \"2g\")",
                    quoted(text)
                );
                report.add(Code::InvalidSize, path, message);
            }
        }
        Syntax::Environment => environment(report, text, path),
    }
}

/// What gitlab-runner's network client needs: an http or https scheme and a host.
fn url(text: &str) -> Result<(), &'static str> {
    let Some((scheme, rest)) = text.split_once("://") else {
        return Err("has no scheme; write the GitLab URL in full, such as \"https://gitlab.example.com/\"");
    };
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return Err("is not an http or https URL");
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    if host.is_empty() || host.starts_with(':') {
        return Err("has no host");
    }
    if text.contains(|c: char| c.is_whitespace() || c.is_control()) {
        return Err("is not a URL: it holds spaces");
    }
    Ok(())
}

/// Kubernetes' quantity grammar: a signed decimal number, then a binary suffix (Ki ... Ei), a
/// decimal one (m, k, M ... E) or an exponent (e3, E-2). Resources cannot be negative.
fn quantity(text: &str) -> Result<(), &'static str> {
    let (negative, unsigned) = match text.as_bytes()[0] {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let number_len = unsigned.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(unsigned.len());
    let (number, suffix) = unsigned.split_at(number_len);
    let digits = number.bytes().filter(u8::is_ascii_digit).count();
    if digits == 0 || number.matches('.').count() > 1 {
        return Err("it does not start with a number");
    }
    let suffix_ok =
        matches!(suffix, "" | "Ki" | "Mi" | "Gi" | "Ti" | "Pi" | "Ei" | "m" | "k" | "M" | "G" | "T" | "P" | "E")
            || suffix.strip_prefix(['e', 'E']).is_some_and(|exponent| {
                let exponent = exponent.strip_prefix(['-', '+']).unwrap_or(exponent);
                !exponent.is_empty() && exponent.bytes().all(|b| b.is_ascii_digit())
            });
    if !suffix_ok {
        return Err("unknown suffix");
    }
    if negative && number.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        return Err("a resource cannot be negative");
    }
    Ok(())
}

/// go-units' RAMInBytes, which gitlab-runner reads Docker memory sizes with: a non-negative
/// decimal number, an optional space, and a unit of b, k, m, g, t or p with an optional b or
/// ib after it, in any letter case.
fn docker_size(text: &str) -> bool {
    let Some(last_number) = text.rfind(|c: char| c.is_ascii_digit() || c == '.' || c == ' ') else {
        return false;
    };
    let (number, unit) = text.split_at(last_number + 1);
    let number = number.strip_suffix(' ').unwrap_or(number);
    // Go's ParseFloat reads the number, exponents included; a sign only ever makes it negative.
    let number_ok = crate::float::parse(number).is_some_and(|n| n >= 0.0 && n.is_finite())
        && number.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'));
    let unit = unit.to_ascii_lowercase();
    let unit_ok = match unit.as_bytes() {
        [] | [b'b'] => true,
        [u, rest @ ..] if b"kmgtp".contains(u) => matches!(rest, [] | [b'b'] | [b'i', b'b']),
        _ => false,
    };
    number_ok && unit_ok
}

fn environment(report: &mut Report, entry: &str, path: &KeyPath) {
    let Some((name, value)) = entry.split_once('=') else {
        let message = "not NAME=value: gitlab-runner drops an entry without '='";
        report.add(Code::InvalidEnvironment, path, message);
        return;
    };
    if name.is_empty() || name.contains(|c: char| c.is_whitespace() || c.is_control()) {
        let message = "not NAME=value: the name before '=' is empty or holds spaces";
        report.add(Code::InvalidEnvironment, path, message);
        return;
    }
    if name == "DOCKER_AUTH_CONFIG" && !value.starts_with('$') {
        if let Err(why) = docker_auth(value) {
            let start = name.len() + 1;
            report.add_within(Code::InvalidDockerAuth, path, format!("DOCKER_AUTH_CONFIG {why}"), start..entry.len());
        }
    }
}

/// Docker's config.json shape: an object with an `auths` object, a `credHelpers` object or a
/// `credsStore` string. Nothing of the value goes into the reason: it holds credentials.
fn docker_auth(value: &str) -> Result<(), String> {
    let members = json::object_members(value).map_err(|at| format!("is not JSON (from byte {at} of the value)"))?;
    let has = |name: &str, kind: json::Kind| members.iter().any(|(n, k)| n == name && *k == kind);
    if has("auths", json::Kind::Object)
        || has("credHelpers", json::Kind::Object)
        || has("credsStore", json::Kind::String)
    {
        Ok(())
    } else {
        Err("has no \"auths\" object (nor credHelpers or credsStore): Docker finds no credentials in it".to_owned())
    }
}

/// Just enough JSON to check a document and name its top-level members' kinds.
mod json {
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Kind {
        Object,
        Array,
        String,
        Other,
    }

    /// The members of the object `text` holds, or the byte offset where it stops being JSON
    /// (or being an object).
    pub fn object_members(text: &str) -> Result<Vec<(String, Kind)>, usize> {
        let mut parser = Parser { bytes: text.as_bytes(), at: 0, depth: 0 };
        parser.space();
        if parser.peek() != Some(b'{') {
            return Err(parser.at);
        }
        let members = parser.object()?;
        parser.space();
        if parser.at != parser.bytes.len() {
            return Err(parser.at);
        }
        Ok(members)
    }

    struct Parser<'a> {
        bytes: &'a [u8],
        at: usize,
        depth: usize,
    }

    /// Deeper than this is not a credentials file; it also bounds the recursion.
    const MOST_NESTED: usize = 64;

    impl Parser<'_> {
        fn peek(&self) -> Option<u8> {
            self.bytes.get(self.at).copied()
        }

        fn space(&mut self) {
            while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
                self.at += 1;
            }
        }

        fn expect(&mut self, byte: u8) -> Result<(), usize> {
            if self.peek() == Some(byte) {
                self.at += 1;
                Ok(())
            } else {
                Err(self.at)
            }
        }

        fn value(&mut self) -> Result<Kind, usize> {
            self.space();
            match self.peek() {
                Some(b'{') => self.object().map(|_| Kind::Object),
                Some(b'[') => self.array().map(|()| Kind::Array),
                Some(b'"') => self.string().map(|_| Kind::String),
                Some(b't') => self.word(b"true"),
                Some(b'f') => self.word(b"false"),
                Some(b'n') => self.word(b"null"),
                Some(b'-' | b'0'..=b'9') => self.number(),
                _ => Err(self.at),
            }
        }

        fn nested<T>(&mut self, inner: impl FnOnce(&mut Self) -> Result<T, usize>) -> Result<T, usize> {
            if self.depth == MOST_NESTED {
                return Err(self.at);
            }
            self.depth += 1;
            let result = inner(self);
            self.depth -= 1;
            result
        }

        fn object(&mut self) -> Result<Vec<(String, Kind)>, usize> {
            self.nested(|p| {
                p.expect(b'{')?;
                let mut members = Vec::new();
                p.space();
                if p.peek() == Some(b'}') {
                    p.at += 1;
                    return Ok(members);
                }
                loop {
                    p.space();
                    let name = p.string()?;
                    p.space();
                    p.expect(b':')?;
                    let kind = p.value()?;
                    members.push((name, kind));
                    p.space();
                    match p.peek() {
                        Some(b',') => p.at += 1,
                        Some(b'}') => {
                            p.at += 1;
                            return Ok(members);
                        }
                        _ => return Err(p.at),
                    }
                }
            })
        }

        fn array(&mut self) -> Result<(), usize> {
            self.nested(|p| {
                p.expect(b'[')?;
                p.space();
                if p.peek() == Some(b']') {
                    p.at += 1;
                    return Ok(());
                }
                loop {
                    p.value()?;
                    p.space();
                    match p.peek() {
                        Some(b',') => p.at += 1,
                        Some(b']') => {
                            p.at += 1;
                            return Ok(());
                        }
                        _ => return Err(p.at),
                    }
                }
            })
        }

        /// A string's text; escapes are checked, and kept as written (names compared here
        /// never hold any).
        fn string(&mut self) -> Result<String, usize> {
            self.expect(b'"')?;
            let start = self.at;
            loop {
                match self.peek() {
                    Some(b'"') => break,
                    Some(b'\\') => {
                        self.at += 1;
                        match self.peek() {
                            Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => self.at += 1,
                            Some(b'u') => {
                                let hex = self.bytes.get(self.at + 1..self.at + 5).ok_or(self.at)?;
                                if !hex.iter().all(u8::is_ascii_hexdigit) {
                                    return Err(self.at);
                                }
                                self.at += 5;
                            }
                            _ => return Err(self.at),
                        }
                    }
                    Some(0x00..=0x1f) | None => return Err(self.at),
                    Some(_) => self.at += 1,
                }
            }
            let text = String::from_utf8_lossy(&self.bytes[start..self.at]).into_owned();
            self.at += 1;
            Ok(text)
        }

        fn word(&mut self, word: &[u8]) -> Result<Kind, usize> {
            if self.bytes[self.at..].starts_with(word) {
                self.at += word.len();
                Ok(Kind::Other)
            } else {
                Err(self.at)
            }
        }

        fn number(&mut self) -> Result<Kind, usize> {
            let start = self.at;
            while matches!(self.peek(), Some(b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')) {
                self.at += 1;
            }
            let text = std::str::from_utf8(&self.bytes[start..self.at]).map_err(|_| start)?;
            let leading_zero = text.trim_start_matches('-').starts_with('0')
                && text.trim_start_matches('-').as_bytes().get(1).is_some_and(u8::is_ascii_digit);
            if crate::float::parse(text).is_none() || leading_zero || text.starts_with('+') || text.ends_with('.') {
                return Err(start);
            }
            Ok(Kind::Other)
        }
    }
}
