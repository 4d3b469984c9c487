//! Byte offsets in text to lines and columns, and to the UTF-16 indexes editors count in.
//! Every lookup is O(log n): a table of line starts finds the line, and a sparse table of
//! character counts (only for text that is not ASCII) bounds the counting to one block, so a
//! file written on one long line costs no more to report on than any other.

use std::cell::Cell;

use crate::error::{Position, Range};

/// Characters are counted from the nearest checkpoint, at most this many bytes back.
const CHECKPOINT: usize = 256;

/// Byte offsets to 1-based line and column (in characters).
pub struct LineIndex<'t> {
    text: &'t str,
    /// The byte offset where each line starts.
    starts: Vec<usize>,
    /// The number of characters before each `CHECKPOINT`-byte block; empty for ASCII text,
    /// where characters and bytes are the same.
    chars_before: Vec<usize>,
    /// The line of the last lookup, tried before the binary search: positions are mostly asked
    /// for in text order (every key of a parsed file, one after the other), on that line or the
    /// next.
    last_line: Cell<usize>,
}

impl<'t> LineIndex<'t> {
    pub fn new(text: &'t str) -> LineIndex<'t> {
        let starts = line_starts(text.as_bytes());
        let chars_before = if text.is_ascii() {
            Vec::new()
        } else {
            let mut count = 0;
            let mut table = Vec::with_capacity(text.len() / CHECKPOINT + 1);
            for block in text.as_bytes().chunks(CHECKPOINT) {
                table.push(count);
                count += count_chars(block);
            }
            table.push(count);
            table
        };
        LineIndex { text, starts, chars_before, last_line: Cell::new(0) }
    }

    /// The text the offsets are into.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// Where the byte at `offset` is (offsets past the end are the end).
    pub fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let line = self.line_of(offset);
        let column = self.chars_to(offset) - self.chars_to(self.starts[line]) + 1;
        Position { line: line + 1, column, offset }
    }

    /// The 0-based line holding the byte at `offset` (at most the text's length).
    fn line_of(&self, offset: usize) -> usize {
        let holds = |line: usize| {
            line < self.starts.len()
                && self.starts[line] <= offset
                && self.starts.get(line + 1).map_or(true, |&next| offset < next)
        };
        let last = self.last_line.get();
        let line = if holds(last) {
            last
        } else if holds(last + 1) {
            last + 1
        } else {
            self.starts.partition_point(|&start| start <= offset) - 1
        };
        self.last_line.set(line);
        line
    }

    /// The positions of a span of bytes.
    pub fn range(&self, span: std::ops::Range<usize>) -> Range {
        Range { start: self.position(span.start), end: self.position(span.end) }
    }

    /// The number of characters before the byte at `offset`.
    fn chars_to(&self, offset: usize) -> usize {
        if self.chars_before.is_empty() {
            return offset;
        }
        let block = offset / CHECKPOINT;
        self.chars_before[block] + count_chars(&self.text.as_bytes()[block * CHECKPOINT..offset])
    }
}

/// Characters in UTF-8 bytes: every byte that does not continue a character starts one.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// The UTF-16 index (a JavaScript string index) of each byte offset, in one pass over the text
/// up to the largest: what an editor needs for the few offsets it is handed.
pub fn utf16_offsets(text: &str, offsets: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    crate::order::by_offsets(&mut order, |&i| (offsets[i], 0));
    let mut result = vec![0; offsets.len()];
    let (mut byte, mut utf16) = (0, 0);
    let mut chars = text.chars();
    for i in order {
        let target = offsets[i].min(text.len());
        while byte < target {
            let Some(c) = chars.next() else { break };
            byte += c.len_utf8();
            utf16 += c.len_utf16();
        }
        result[i] = utf16;
    }
    result
}

/// The byte offset of a UTF-16 index (clamped to the text, and back to the start of a
/// character it falls inside).
pub fn byte_offset(text: &str, utf16_offset: usize) -> usize {
    let mut utf16 = 0;
    for (byte, c) in text.char_indices() {
        utf16 += c.len_utf16();
        if utf16 > utf16_offset {
            return byte;
        }
    }
    text.len()
}

/// Where each line starts. Eight bytes are told at a time (a word with no newline is skipped
/// with word arithmetic): `match_indices` paid a searcher's setup per match, and config lines
/// are short (3% of Python's `from_toml` of 1,000 runners went to finding them).
fn line_starts(bytes: &[u8]) -> Vec<usize> {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    const NEWLINES: u64 = u64::from_ne_bytes([b'\n'; 8]);
    let mut starts = Vec::with_capacity(bytes.len() / 32 + 1);
    starts.push(0);
    let mut words = bytes.chunks_exact(8);
    let mut at = 0;
    for word in &mut words {
        let x = u64::from_ne_bytes(word.try_into().expect("8 bytes")) ^ NEWLINES;
        // Nonzero when a byte of `x` is zero, that is, a byte of the word is a newline.
        if x.wrapping_sub(ONES) & !x & HIGHS != 0 {
            starts.extend(word.iter().enumerate().filter(|&(_, &b)| b == b'\n').map(|(i, _)| at + i + 1));
        }
        at += 8;
    }
    starts.extend(words.remainder().iter().enumerate().filter(|&(_, &b)| b == b'\n').map(|(i, _)| at + i + 1));
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_starts_are_found_at_every_place_in_a_word() {
        // Newlines at every offset modulo 8, next to each other, beside bytes that differ from
        // a newline by one bit or by the word trick's borrow (0x0B, 0x8A, 0x09), and at the end.
        let mut text = String::new();
        for i in 0..40 {
            text.push_str(&"\u{0B}\u{09}é".repeat(i % 5));
            text.push_str(if i % 3 == 0 { "\n\n" } else { "\n" });
            text.push_str(&"x".repeat(i % 9));
        }
        for end in 0..text.len() {
            let Some(prefix) = text.get(..end) else { continue };
            let expected: Vec<usize> =
                std::iter::once(0).chain(prefix.match_indices('\n').map(|(i, _)| i + 1)).collect();
            assert_eq!(line_starts(prefix.as_bytes()), expected, "{prefix:?}");
        }
    }

    #[test]
    fn lines_and_columns_count_characters() {
        let text = "a = 1\nb = \"é😀\" # x\n";
        let lines = LineIndex::new(text);
        assert_eq!(lines.position(0), Position { line: 1, column: 1, offset: 0 });
        let hash = text.find('#').unwrap();
        assert_eq!(lines.position(hash), Position { line: 2, column: 10, offset: hash });
        assert_eq!(lines.position(text.len() + 5), Position { line: 3, column: 1, offset: text.len() });
    }

    #[test]
    fn columns_past_a_checkpoint_are_counted_from_it() {
        let text = format!("x = \"{}\"", "é".repeat(1000));
        let lines = LineIndex::new(&text);
        let end = text.len();
        assert_eq!(lines.position(end).column, 4 + 1 + 1000 + 1 + 1);
    }

    #[test]
    fn utf16_offsets_count_surrogate_pairs() {
        let text = "é😀x";
        assert_eq!(utf16_offsets(text, &[7, 0, 2, 6]), [4, 0, 1, 3]);
        assert_eq!(byte_offset(text, 3), 6);
        assert_eq!(byte_offset(text, 2), 2);
        assert_eq!(byte_offset(text, 99), 7);
    }
}
