//! A changed array written over several lines, edited element by element: elements that stay
//! keep their lines and comments, a changed one is replaced where it is written (its comma and
//! comment stay), a removed one goes with its line and the comment lines above it, and a new
//! one gets a line of its own in the array's indentation.

use toml::de::DeValue;
use toml::Spanned;

use super::outline::{line_end, line_start};
use super::Edit;
use crate::document::Value;
use crate::render;

/// Beyond this many pairs of elements compared, the middle of two arrays is matched by index:
/// a quadratic diff of two long arrays would cost more than it saves.
const MOST_COMPARED: usize = 1 << 20;

/// What becomes of the written elements and where the new ones go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    /// Written element `.0` stays as it is, as new element `.1`.
    Keep(usize, usize),
    /// Written element `.0` is replaced by new element `.1`.
    Replace(usize, usize),
    Remove(usize),
    Insert(usize),
}

/// The edits turning the array written at `value` (whose elements read as `old`) into `new`;
/// `same` tells equal values. `key_indent` is the indentation of the key's line.
pub fn edits(
    text: &str,
    key_indent: &str,
    value: &Spanned<DeValue<'_>>,
    old: &[Value],
    new: &[Value],
    same: fn(&Value, &Value) -> bool,
) -> Vec<Edit> {
    let DeValue::Array(items) = value.get_ref() else { return Vec::new() };
    let array = Array { text, items, open: value.span().start, close: value.span().end.saturating_sub(1) };
    let indent = array.indent(key_indent);
    let trailing_comma = items.is_empty() || array.comma(items.len() - 1).is_some();
    let mut edits = Vec::new();
    // The written element the next new one goes after (None: before the first).
    let mut anchor: Option<usize> = None;
    let mut pending: Vec<usize> = Vec::new();
    let steps = diff(old, new, same);
    for step in &steps {
        match *step {
            Step::Keep(i, _) | Step::Replace(i, _) => {
                if let Step::Replace(_, j) = *step {
                    edits.push(Edit {
                        start: items[i].span().start,
                        end: items[i].span().end,
                        text: render::inline(&new[j]),
                    });
                }
                array.insert(&mut edits, anchor, &pending, new, &indent, trailing_comma);
                pending.clear();
                anchor = Some(i);
            }
            Step::Remove(i) => array.removal(i, &mut edits),
            Step::Insert(j) => pending.push(j),
        }
    }
    array.insert(&mut edits, anchor, &pending, new, &indent, trailing_comma);
    edits
}

struct Array<'a, 't> {
    text: &'a str,
    items: &'a [Spanned<DeValue<'t>>],
    /// The offsets of `[` and `]`.
    open: usize,
    close: usize,
}

impl Array<'_, '_> {
    /// Just past the comma after element `i`, if one follows it (blanks, line ends and comments
    /// may come between).
    fn comma(&self, i: usize) -> Option<usize> {
        let mut at = self.items[i].span().end;
        loop {
            let rest = &self.text[at..self.close];
            let skipped = rest.trim_start();
            at += rest.len() - skipped.len();
            match skipped.chars().next() {
                Some(',') => return Some(at + 1),
                Some('#') => at = line_end(self.text, at).min(self.close),
                _ => return None,
            }
        }
    }

    /// Where what belongs to element `i` ends: past its comma, or the element itself.
    fn after(&self, i: usize) -> usize {
        self.comma(i).unwrap_or(self.items[i].span().end)
    }

    /// Whether only blanks and a comment follow `at` on its line.
    fn rest_is_blank(&self, at: usize) -> bool {
        let rest = self.text[at..line_end(self.text, at)].trim();
        rest.is_empty() || rest.starts_with('#')
    }

    /// Whether only blanks come before `at` on its line.
    fn begins_line(&self, at: usize) -> bool {
        self.text[line_start(self.text, at)..at].trim().is_empty()
    }

    /// The indentation of the elements: the first written on a line of its own, else one level
    /// under the closing bracket or the key.
    fn indent(&self, key_indent: &str) -> String {
        let indentation = |at: usize| {
            let line = &self.text[line_start(self.text, at)..at];
            line[..line.len() - line.trim_start().len()].to_owned()
        };
        match self.items.iter().find(|item| self.begins_line(item.span().start)) {
            Some(item) => indentation(item.span().start),
            None if self.begins_line(self.close) => format!("{}  ", indentation(self.close)),
            None => format!("{key_indent}  "),
        }
    }

    /// Where the lines of element `i` begin: with the comment lines directly above it.
    fn lines_start(&self, i: usize) -> usize {
        let floor = match i {
            0 => line_end(self.text, self.open),
            _ => line_end(self.text, self.after(i - 1)),
        };
        let mut start = line_start(self.text, self.items[i].span().start);
        while start > floor {
            let above = line_start(self.text, start - 1);
            if above < floor || !self.text[above..start].trim_start().starts_with('#') {
                break;
            }
            start = above;
        }
        start
    }

    /// Element `i` removed with the comment lines above it: its lines when it has them to
    /// itself, else the element, its comma and the blanks after them.
    fn removal(&self, i: usize, edits: &mut Vec<Edit>) {
        let (start, after) = (self.items[i].span().start, self.after(i));
        if !self.begins_line(start) {
            let end = after + (self.text[after..].len() - self.text[after..].trim_start_matches([' ', '\t']).len());
            edits.push(Edit { start, end: end.min(self.close), text: String::new() });
        } else if self.rest_is_blank(after) {
            edits.push(Edit { start: self.lines_start(i), end: line_end(self.text, after), text: String::new() });
        } else {
            // What follows on its line (the closing bracket) stays where it is.
            edits.push(Edit { start: self.lines_start(i), end: line_start(self.text, start), text: String::new() });
            let end = after + (self.text[after..].len() - self.text[after..].trim_start_matches([' ', '\t']).len());
            edits.push(Edit { start, end: end.min(self.close), text: String::new() });
        }
    }

    /// The new elements `js` written after written element `anchor` (or before the first).
    fn insert(
        &self,
        edits: &mut Vec<Edit>,
        anchor: Option<usize>,
        js: &[usize],
        new: &[Value],
        indent: &str,
        trailing_comma: bool,
    ) {
        if js.is_empty() {
            return;
        }
        let last = new.len() - 1;
        let lines = |always_comma: bool| -> String {
            js.iter()
                .map(|&j| {
                    let comma = if always_comma || j != last || trailing_comma { "," } else { "" };
                    format!("{indent}{}{comma}\n", render::inline(&new[j]))
                })
                .collect()
        };
        let inline = |before: &str, after: &str| -> String {
            js.iter().map(|&j| format!("{before}{}{after}", render::inline(&new[j]))).collect()
        };
        let (at, text) = match anchor {
            Some(q) => {
                let after = self.after(q);
                let has_comma = self.comma(q).is_some();
                if self.rest_is_blank(after) {
                    if !has_comma {
                        let end = self.items[q].span().end;
                        edits.push(Edit { start: end, end, text: ",".to_owned() });
                    }
                    (line_end(self.text, after), lines(false))
                } else if has_comma {
                    (after, inline(" ", ","))
                } else {
                    (after, inline(", ", ""))
                }
            }
            // Elements follow: each new one has its comma.
            None if !self.items.is_empty() => {
                if self.begins_line(self.items[0].span().start) {
                    (self.lines_start(0), lines(true))
                } else {
                    (self.items[0].span().start, inline("", ", "))
                }
            }
            None if self.begins_line(self.close) => (line_start(self.text, self.close), lines(false)),
            None => (self.close, inline("", ", ")),
        };
        edits.push(Edit { start: at, end: at, text });
    }
}

/// The written elements matched with the new ones: common ones kept, the rest paired in order
/// as replacements, what is left over removed or inserted.
fn diff(old: &[Value], new: &[Value], same: fn(&Value, &Value) -> bool) -> Vec<Step> {
    let prefix = old.iter().zip(new).take_while(|(a, b)| same(a, b)).count();
    let suffix = old[prefix..].iter().rev().zip(new[prefix..].iter().rev()).take_while(|(a, b)| same(a, b)).count();
    let (a, b) = (&old[prefix..old.len() - suffix], &new[prefix..new.len() - suffix]);
    // Longest common subsequence of the middles, when small enough to compare every pair.
    let mut matched: Vec<(usize, usize)> = Vec::new();
    if a.len().saturating_mul(b.len()) <= MOST_COMPARED {
        let mut table = vec![vec![0u32; b.len() + 1]; a.len() + 1];
        for i in (0..a.len()).rev() {
            for j in (0..b.len()).rev() {
                table[i][j] =
                    if same(&a[i], &b[j]) { table[i + 1][j + 1] + 1 } else { table[i + 1][j].max(table[i][j + 1]) };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < a.len() && j < b.len() {
            if same(&a[i], &b[j]) {
                matched.push((prefix + i, prefix + j));
                i += 1;
                j += 1;
            } else if table[i + 1][j] >= table[i][j + 1] {
                i += 1;
            } else {
                j += 1;
            }
        }
    }
    let mut steps: Vec<Step> = (0..prefix).map(|i| Step::Keep(i, i)).collect();
    let (mut i, mut j) = (prefix, prefix);
    let ends = (old.len() - suffix, new.len() - suffix);
    for (mi, mj) in matched.into_iter().chain(std::iter::once(ends)) {
        // Between two matches: pair what is left in order, then remove or insert the rest.
        let (removed, inserted) = (mi - i, mj - j);
        for k in 0..removed.min(inserted) {
            steps.push(Step::Replace(i + k, j + k));
        }
        steps.extend((i + removed.min(inserted)..mi).map(Step::Remove));
        steps.extend((j + removed.min(inserted)..mj).map(Step::Insert));
        if (mi, mj) != ends {
            steps.push(Step::Keep(mi, mj));
        }
        (i, j) = (mi + 1, mj + 1);
    }
    steps.extend((0..suffix).map(|k| Step::Keep(old.len() - suffix + k, new.len() - suffix + k)));
    steps
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(values: &[i64]) -> Vec<Value> {
        values.iter().map(|&v| Value::Integer(v)).collect()
    }

    #[test]
    fn the_diff_keeps_common_elements_and_pairs_the_rest_as_replacements() {
        let steps = diff(&ints(&[1, 2, 3, 4]), &ints(&[1, 5, 3, 6, 7]), |a, b| a == b);
        use Step::*;
        assert_eq!(steps, [Keep(0, 0), Replace(1, 1), Keep(2, 2), Replace(3, 3), Insert(4)]);
        let steps = diff(&ints(&[1, 2, 3]), &ints(&[0, 1, 3]), |a, b| a == b);
        assert_eq!(steps, [Insert(0), Keep(0, 1), Remove(1), Keep(2, 2)]);
    }
}
