//! What an editor shows when the pointer rests on a key or a table header: the key's full path,
//! its description, kind, default, allowed values and deprecation, in Markdown.

use crate::cursor::{self, TableAt};
use crate::describe;
use crate::schema::{Field, Kind};

/// The card for one key, and the span of the key it describes (byte offsets).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hover {
    pub from: usize,
    pub to: usize,
    /// The key's path in headers' terms: `runners.docker.pull_policy`.
    pub title: String,
    pub markdown: String,
}

/// The card for the key or header segment at byte `offset` of `text`; `None` elsewhere (values,
/// comments, keys the schema does not know).
pub fn hover(text: &str, offset: usize) -> Option<Hover> {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    let line = &text[line_start..line_end];
    let column = offset - line_start;
    let code = line.split('#').next().unwrap_or("");
    if column >= code.len() {
        return None;
    }
    let (table, dotted, written_at) = if code.trim_start().starts_with('[') {
        let open = code.len() - code.trim_start().len() + code.trim_start().bytes().take_while(|&b| b == b'[').count();
        let close = code[open..].find(']').map_or(code.len(), |i| open + i);
        (cursor::resolve(""), &code[open..close], open)
    } else {
        let equals = code.find('=')?;
        let table = cursor::at(text, line_start).table;
        (table, &code[..equals], 0)
    };
    if column < written_at
        || column >= written_at + dotted.len()
        || dotted.as_bytes()[column - written_at].is_ascii_whitespace()
    {
        return None;
    }
    // The segments of the dotted key up to the one under the cursor.
    let within = &dotted[..column - written_at];
    let segment_end = dotted[within.len()..].find('.').map_or(dotted.len(), |i| within.len() + i);
    let segment_start = within.rfind('.').map_or(0, |i| i + 1);
    let segments = cursor::split_dotted(&dotted[..segment_end]);
    let fields = resolve(&table, &segments)?;
    let from = line_start
        + written_at
        + segment_start
        + (dotted[segment_start..].len() - dotted[segment_start..].trim_start().len());
    let to =
        line_start + written_at + segment_end - (dotted[..segment_end].len() - dotted[..segment_end].trim_end().len());
    let title = fields.iter().map(|f| f.key).collect::<Vec<_>>().join(".");
    Some(Hover { from, to, title, markdown: card(&fields) })
}

/// The fields from the root down to the one the segments name below `table`.
fn resolve(table: &TableAt, segments: &[&str]) -> Option<Vec<&'static Field>> {
    let mut chain = table.chain.clone();
    let mut schema = table.schema?;
    let (last, parents) = segments.split_last()?;
    for parent in parents {
        let field = cursor::field(schema, parent)?;
        chain.push(field);
        schema = match field.kind {
            Kind::Table(child) | Kind::Tables(child) => child,
            _ => return None,
        };
    }
    chain.push(cursor::field(schema, last)?);
    Some(chain)
}

/// `chain` ends with the field described; the fields before it lead there from the root.
fn card(chain: &[&Field]) -> String {
    let field = chain[chain.len() - 1];
    let mut card = String::from(field.doc);
    card.push_str("\n\n");
    card.push_str(&format!("- Kind: {}\n", describe::kind(field)));
    if let Some(default) = describe::default(field) {
        card.push_str(&format!("- Default: `{default}`\n"));
    }
    if !field.allowed.is_empty() && !matches!(field.kind, Kind::Map(_)) {
        let values: Vec<String> = field.allowed.iter().map(|v| format!("`{}`", crate::escape::quoted(v))).collect();
        card.push_str(&format!("- Allowed: {}\n", values.join(", ")));
    }
    if let Some(since) = describe::since(chain) {
        card.push_str(&format!("- Since: gitlab-runner {since}\n"));
    }
    if field.deprecated {
        card.push_str("- **Deprecated**\n");
    }
    card
}
