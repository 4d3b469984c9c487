//! Renders an [`Input`] straight to config.toml text, without building the typed document:
//! each value is checked by the decoder's own checks and written where the canonical layout
//! puts it. The Python face renders objects built in code this way (`Config.to_toml()` of a
//! fleet), where building and dropping the document's owned keys, strings and tables cost
//! more than reading the objects and writing the text.
//!
//! Only the common case is handled here: tables whose every key is a field of the schema,
//! written once, with values that pass their checks. Anything else (an error, an unknown or
//! kept key, a key matched ignoring letter case) gives `None`, and the caller decodes and
//! renders, which reports each error with its key path, or keeps what a lenient read kept.

use crate::decode::{Decoder, UnknownKeys};
use crate::document::Value;
use crate::escape;
use crate::input::Input;
use crate::render::{finish, write_inline, Renderer};
use crate::schema::{Field, Kind, Struct};

/// The text `render(&decode_struct(schema, input, UnknownKeys::Reject)?)` gives, when the
/// input is in the common case above; `None` otherwise.
pub fn render_input<I: Input>(schema: &'static Struct, input: &I) -> Option<String> {
    let mut out = String::with_capacity(1024);
    let mut writer = Writer { decoder: Decoder::new(UnknownKeys::Reject), renderer: Renderer::new(&mut out) };
    writer.table_body(schema, input)?;
    Some(finish(out))
}

struct Writer<'a> {
    /// Checks values; its errors are not reported (the caller's decode does that).
    decoder: Decoder,
    renderer: Renderer<'a>,
}

/// A table's fields in canonical order, each with its position; `None` unless each entry
/// names a field, once.
fn fields<I: Input>(schema: &'static Struct, input: &I) -> Option<Vec<(usize, I)>> {
    let mut fields = input.fields(schema)?;
    fields.sort_unstable_by_key(|(position, _)| *position);
    if fields.windows(2).any(|pair| pair[0].0 == pair[1].0) {
        return None;
    }
    Some(fields)
}

impl Writer<'_> {
    /// Plain keys first, then sub-tables, as `render` lays out a table.
    fn table_body<I: Input>(&mut self, schema: &'static Struct, input: &I) -> Option<()> {
        let fields = fields(schema, input)?;
        let mut children = false;
        for (position, value) in &fields {
            children |= self.plain(&schema.fields[*position], value)?;
        }
        if children {
            for (position, value) in &fields {
                self.children(&schema.fields[*position], value)?;
            }
        }
        Some(())
    }

    /// Writes `key = value` when the field's value goes on one line; true when it goes under
    /// headers instead.
    fn plain<I: Input>(&mut self, field: &'static Field, value: &I) -> Option<bool> {
        match field.kind {
            Kind::Table(_) | Kind::Map(_) => return Some(true),
            Kind::Tables(_) => {
                if !value.as_array()?.is_empty() {
                    return Some(true);
                }
                // No table to write a header for: an empty array, inline.
                self.renderer.key(field.key);
                self.renderer.out.push_str("[]");
            }
            // Strings are written from the input's own text (the decoder would copy them).
            Kind::String => {
                let text = value.as_str()?;
                self.renderer.key(field.key);
                self.string(&text);
            }
            Kind::Strings => {
                let items = value.as_array()?;
                self.renderer.key(field.key);
                self.renderer.out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.renderer.out.push_str(", ");
                    }
                    let text = item.as_str()?;
                    self.string(&text);
                }
                self.renderer.out.push(']');
            }
            _ => {
                let checked = self.decoder.field(field, value).filter(|_| !self.decoder.failed())?;
                self.renderer.key(field.key);
                write_inline(self.renderer.out, &checked);
            }
        }
        self.renderer.out.push('\n');
        Some(false)
    }

    /// The `[key]` or `[[key]]` blocks of a field whose value goes under headers.
    fn children<I: Input>(&mut self, field: &'static Field, value: &I) -> Option<()> {
        match field.kind {
            Kind::Table(schema) => self.table(field.key, false, schema, value),
            Kind::Tables(schema) => {
                for item in value.as_array()? {
                    self.table(field.key, true, schema, &item)?;
                }
                Some(())
            }
            Kind::Map(_) => {
                let checked = self.decoder.field(field, value).filter(|_| !self.decoder.failed())?;
                let Value::Map(map) = checked else { return None };
                self.renderer.open(field.key, false);
                self.renderer.map_body(&map);
                self.renderer.close();
                Some(())
            }
            _ => Some(()),
        }
    }

    fn table<I: Input>(&mut self, key: &str, array: bool, schema: &'static Struct, value: &I) -> Option<()> {
        self.renderer.open(key, array);
        self.table_body(schema, value)?;
        self.renderer.close();
        Some(())
    }

    fn string(&mut self, text: &str) {
        escape::write_basic_string(self.renderer.out, text).expect("writing to a String");
    }
}
