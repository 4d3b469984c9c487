//! Strings as TOML writes them: the one escaper behind rendered values, quoted keys in paths
//! and values echoed in messages, so no character from a user's config reaches a terminal, a
//! CI log or a file unescaped.

use std::fmt::{self, Write};

/// Keys TOML allows without quotes.
pub fn is_bare_key(key: &str) -> bool {
    !key.is_empty() && key.bytes().all(|b| BARE[usize::from(b)])
}

/// Per byte: whether it may be in a bare key (A-Z, a-z, 0-9, `_`, `-`). A table, because
/// rendering asks for every key.
static BARE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric() || c == b'_' || c == b'-';
        b += 1;
    }
    table
};

/// Per byte: whether it is printable ASCII written as it is in a basic string (not `"` or
/// `\\`). A table, because rendering asks for every byte of every string value.
static PLAIN: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = matches!(c, b' '..=b'~') && c != b'"' && c != b'\\';
        b += 1;
    }
    table
};

/// How many bytes at the start of `bytes` are `PLAIN`: eight at a time while they all are (a
/// config's strings are nearly all printable ASCII), then one by one.
fn plain_run(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Whether some byte of `word` is zero: exact as to whether, whatever the other bytes.
    let has_zero = |word: u64| word.wrapping_sub(ONES) & !word & HIGH != 0;
    let mut run = 0;
    for chunk in bytes.chunks_exact(8) {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let word = u64::from_le_bytes(word);
        // A byte of 0x80 or more (not ASCII), below a space, DEL, `"` or `\`. Below a space is
        // "subtracting 0x20 borrows": exact here, the bytes being ASCII when it is asked.
        let not_plain = word & HIGH != 0
            || word.wrapping_sub(ONES * 0x20) & !word & HIGH != 0
            || has_zero(word ^ (ONES * 0x7F))
            || has_zero(word ^ (ONES * u64::from(b'"')))
            || has_zero(word ^ (ONES * u64::from(b'\\')));
        if not_plain {
            break;
        }
        run += 8;
    }
    run + bytes[run..].iter().position(|&b| !PLAIN[usize::from(b)]).unwrap_or(bytes.len() - run)
}

/// Characters written as `\uXXXX`: control characters (which would move the cursor, clear the
/// screen or forge a new line of output) and the invisible ones that reorder or break lines
/// when displayed (bidirectional overrides, line and paragraph separators).
fn escaped(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A TOML 1.0 basic string: quotes, backslashes and the characters above escaped.
pub fn write_basic_string(out: &mut impl Write, s: &str) -> fmt::Result {
    out.write_char('"')?;
    // Runs of characters written as they are go out in one piece; printable ASCII, nearly all
    // of a config, is told by its byte alone.
    let bytes = s.as_bytes();
    let mut run = 0;
    let mut i = 0;
    loop {
        i += plain_run(&bytes[i..]);
        if i == bytes.len() {
            break;
        }
        let c = s[i..].chars().next().expect("`i` is at a character boundary");
        let width = c.len_utf8();
        if !c.is_ascii() && !escaped(c) {
            i += width;
            continue;
        }
        out.write_str(&s[run..i])?;
        i += width;
        run = i;
        match c {
            '"' => out.write_str("\\\"")?,
            '\\' => out.write_str("\\\\")?,
            '\n' => out.write_str("\\n")?,
            '\t' => out.write_str("\\t")?,
            '\r' => out.write_str("\\r")?,
            '\u{8}' => out.write_str("\\b")?,
            '\u{c}' => out.write_str("\\f")?,
            c => write!(out, "\\u{:04X}", c as u32)?,
        }
    }
    out.write_str(&s[run..])?;
    out.write_char('"')
}

/// A JSON string: only what JSON requires is escaped (quotes, backslashes, control
/// characters), plain runs written in one piece. The one JSON escaper of the engine (the wasm
/// face's answers, the JSON Schema, `DOCKER_AUTH_CONFIG` values).
pub fn write_json_string(out: &mut String, s: &str) {
    out.push('"');
    let mut start = 0;
    for (i, byte) in s.bytes().enumerate() {
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        if escape.is_empty() {
            write!(out, "\\u{byte:04x}").expect("writing to a String");
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

/// A value from a config, quoted for a message: `"value"`, escaped as TOML writes it.
pub fn quoted(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    write_basic_string(&mut out, value).expect("writing to a String");
    out
}

/// A key as TOML writes it: bare when it can be, quoted otherwise.
pub fn write_key(out: &mut impl Write, key: &str) -> fmt::Result {
    if is_bare_key(key) {
        out.write_str(key)
    } else {
        write_basic_string(out, key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_controls_are_escaped() {
        let hostile = "\u{1b}]0;pwned\u{7}\u{1b}[2J\r\nfake.toml:1:1: error[x]: injected\u{202E}";
        assert_eq!(quoted(hostile), r#""\u001B]0;pwned\u0007\u001B[2J\r\nfake.toml:1:1: error[x]: injected\u202E""#);
    }

    #[test]
    fn plain_runs_are_told_eight_bytes_at_a_time_as_one_by_one() {
        // Every byte value at every place of a 17-byte run of plain ones.
        for b in 0..=255u8 {
            for at in 0..17 {
                let mut bytes = *b"abcdefgh ~ijklmno";
                bytes[at] = b;
                let one_by_one = bytes.iter().position(|&b| !PLAIN[usize::from(b)]).unwrap_or(bytes.len());
                assert_eq!(plain_run(&bytes), one_by_one, "byte {b:#04x} at {at}");
            }
        }
    }

    #[test]
    fn keys_are_quoted_only_when_needed() {
        let mut out = String::new();
        write_key(&mut out, "pull_policy").unwrap();
        out.push(' ');
        write_key(&mut out, "net.ipv4.ip_forward").unwrap();
        assert_eq!(out, r#"pull_policy "net.ipv4.ip_forward""#);
    }
}
