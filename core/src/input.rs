//! What the decoder reads: one trait, implemented by each face's native values (parsed TOML
//! here, Python objects in the pyo3 module, JS values in the wasm module), so every face gets
//! the same type checks and the same messages, with type names in the face's own words.

use std::borrow::Cow;

use crate::document::{parse_datetime, portable_datetime, Datetime, Value};
use crate::error::Range;
use crate::schema::Struct;

/// An integer as the input holds it.
pub enum Integer {
    Fits(i64),
    /// Outside the 64-bit range TOML allows.
    TooLarge,
    /// A JavaScript number beyond 2^53, which has already lost digits.
    Imprecise,
}

/// A duration as the input holds it.
pub enum Duration {
    /// Go syntax ("1h30m"), to be checked.
    Text(String),
    /// Whole nanoseconds, as gitlab-runner also accepts from TOML integers.
    Nanos(i64),
}

/// Where a table's entry goes.
pub enum Member {
    /// The field at this position of the struct.
    Field(usize),
    /// The field at this position, found only by ignoring letter case (`idlecount` for
    /// `IdleCount`), as gitlab-runner does for its untagged keys.
    FoldedField(usize),
    /// A key the struct does not have.
    Unknown,
    /// A key the struct does not have that the input carries on purpose (kept from a lenient
    /// parse): written back unchanged whatever the mode.
    Kept,
    /// A key the input cannot name as text (a Python attribute whose name is not a `str`):
    /// always an error, with why, never a reason to drop the table.
    Invalid(String),
}

/// One entry of a table, as the input has it.
pub struct Entry<I> {
    /// The key as written (a field name for Python objects, a TOML key otherwise); a field's
    /// own spelling is borrowed from the schema, so the common case allocates nothing.
    pub key: Cow<'static, str>,
    pub member: Member,
    pub value: I,
    /// Where the key is written, for inputs parsed from text.
    pub position: Option<Range>,
}

impl<I> Entry<I> {
    /// The entry of a key written in TOML, JSON or a JS object (keyed as gitlab-runner spells
    /// them), resolved to its member of `schema`.
    pub fn keyed(schema: &'static Struct, key: &str, value: I, position: Option<Range>) -> Entry<I> {
        let (key, member) = match schema.field_by_key(key) {
            Some(p) if schema.fields[p].key == key => (Cow::Borrowed(schema.fields[p].key), Member::Field(p)),
            Some(p) => (Cow::Owned(key.to_owned()), Member::FoldedField(p)),
            None => (Cow::Owned(key.to_owned()), Member::Unknown),
        };
        Entry { key, member, value, position }
    }
}

/// The entries of a table with their field positions, when each names a field as the schema
/// spells it (`Input::fields`).
pub fn only_fields<I>(entries: Vec<Entry<I>>) -> Option<Vec<(usize, I)>> {
    entries
        .into_iter()
        .map(|entry| match entry.member {
            Member::Field(position) => Some((position, entry.value)),
            _ => None,
        })
        .collect()
}

/// A table that cannot be read as the struct asked for.
pub enum NotATable {
    /// Not a table at all.
    WrongType,
    /// A table of another struct (a `KubernetesConfig` where a `DockerConfig` belongs).
    OtherStruct(String),
}

/// A value from some face, read on demand by the decoder.
pub trait Input: Sized {
    /// This value's type, named as the face's users know it ("str" in Python).
    fn type_name(&self) -> Cow<'static, str>;
    fn as_str(&self) -> Option<Cow<'_, str>>;
    fn as_bool(&self) -> Option<bool>;
    fn as_integer(&self) -> Option<Integer>;
    /// Integers are accepted where floats are expected.
    fn as_float(&self) -> Option<f64>;
    /// A datetime, from RFC 3339 text as gitlab-runner reads `time.Time` from a string, or
    /// from the face's own datetime type; `Err` carries why the value is invalid.
    fn as_datetime(&self) -> Option<Result<Datetime, String>> {
        match self.as_str() {
            Some(text) => Some(parse_datetime(&text)),
            None => self.native_datetime(),
        }
    }
    /// The face's own datetime type (a TOML datetime, a Python `datetime`, a JS `Date`).
    fn native_datetime(&self) -> Option<Result<Datetime, String>> {
        None
    }
    /// A duration: Go syntax from a string, the face's own duration type, or an integer of
    /// nanoseconds, as gitlab-runner reads one from TOML (and parsing gives back).
    fn as_duration(&self) -> Option<Duration> {
        if let Some(text) = self.as_str() {
            return Some(Duration::Text(text.into_owned()));
        }
        if let Some(duration) = self.native_duration() {
            return Some(duration);
        }
        match self.as_integer()? {
            Integer::Fits(nanos) => Some(Duration::Nanos(nanos)),
            Integer::TooLarge | Integer::Imprecise => None,
        }
    }
    /// The face's own duration type (a Python `timedelta`).
    fn native_duration(&self) -> Option<Duration> {
        None
    }
    fn as_array(&self) -> Option<Vec<Self>>;
    /// A free-form table's entries, keys as written.
    fn as_map(&self) -> Option<Vec<(String, Self)>>;
    /// A schema table's entries, each resolved to a field of `schema` where it names one.
    fn as_table(&self, schema: &'static Struct) -> Result<Vec<Entry<Self>>, NotATable>;
    /// A schema table's entries with their field positions, when each names a field of
    /// `schema` as the schema spells it; `None` when one does not (an unknown or kept key, or
    /// one in another letter case: only `as_table` describes those) or this is no such table.
    /// Rendering straight from an input (`direct`) reads tables this way, and an input may
    /// answer it without making an `Entry` per key.
    fn fields(&self, schema: &'static Struct) -> Option<Vec<(usize, Self)>> {
        only_fields(self.as_table(schema).ok()?)
    }
    /// The value as is, for free-form content (`plugin_config`) and kept unknown keys.
    fn to_any(&self) -> Result<Value, String> {
        any(self, 0)
    }
    /// Where the value is written, for inputs parsed from text.
    fn position(&self) -> Option<Range> {
        None
    }
    /// Whether this input names keys by field name (`bucket_name`) rather than TOML key
    /// (`BucketName`), so that a misspelling is answered in the same words.
    fn names_fields(&self) -> bool {
        false
    }
}

/// Deeper than any table of the schema: only a cycle (a dict or object that contains itself)
/// or a pathological free-form value gets here, and it must not overflow the stack.
const MAX_DEPTH: usize = 64;

fn any(input: &dyn DynInput, depth: usize) -> Result<Value, String> {
    if depth > MAX_DEPTH {
        return Err(format!("nested more than {MAX_DEPTH} levels deep (is there a cycle?)"));
    }
    if let Some(text) = input.as_str() {
        return Ok(Value::String(text.into_owned()));
    }
    if let Some(b) = input.as_bool() {
        return Ok(Value::Boolean(b));
    }
    match input.as_integer() {
        Some(Integer::Fits(n)) => return Ok(Value::Integer(n)),
        Some(Integer::TooLarge | Integer::Imprecise) => return Err("integer out of range".into()),
        None => {}
    }
    if let Some(x) = input.as_float() {
        return Ok(Value::Float(x));
    }
    if let Some(Ok(datetime)) = input.as_datetime() {
        return portable_datetime(datetime).map(Value::Datetime);
    }
    // The first error ends the value; the items after it are not read.
    let mut failed = None;
    let mut items = Vec::new();
    if input.items(&mut |_, item| {
        if failed.is_none() {
            match any(item, depth + 1) {
                Ok(value) => items.push(value),
                Err(why) => failed = Some(why),
            }
        }
    }) {
        return failed.map_or(Ok(Value::Array(items)), Err);
    }
    let mut map = Vec::new();
    if input.map_entries(&mut |key, value| {
        if failed.is_none() {
            match any(value, depth + 1) {
                Ok(value) => map.push((key, value)),
                Err(why) => failed = Some(why),
            }
        }
    }) {
        return failed.map_or(Ok(Value::Map(map)), Err);
    }
    Err(format!("{} cannot be written to TOML", input.type_name()))
}

/// An [`Input`] as the decoder reads it: the same questions, object-safe (nested values are
/// handed to a callback rather than returned), so that the decoder's walk is compiled once
/// for every face rather than once per input type. The wasm build reads both JS values and
/// TOML: the second copy of the walk was 6.6 KB of it, 2.3 KB gzipped (bench/findings.md).
pub trait DynInput {
    fn type_name(&self) -> Cow<'static, str>;
    fn as_str(&self) -> Option<Cow<'_, str>>;
    fn as_bool(&self) -> Option<bool>;
    fn as_integer(&self) -> Option<Integer>;
    fn as_float(&self) -> Option<f64>;
    fn as_datetime(&self) -> Option<Result<Datetime, String>>;
    fn as_duration(&self) -> Option<Duration>;
    fn is_array(&self) -> bool;
    /// Calls `each` with each item and its index; false when this is no array.
    fn items(&self, each: &mut dyn FnMut(usize, &dyn DynInput)) -> bool;
    /// Calls `each` with each entry of a free-form table; false when this is no table.
    fn map_entries(&self, each: &mut dyn FnMut(String, &dyn DynInput)) -> bool;
    /// Calls `each` with each entry of a schema table (`Input::as_table`).
    fn table_entries(
        &self,
        schema: &'static Struct,
        each: &mut dyn FnMut(Entry<&dyn DynInput>),
    ) -> Result<(), NotATable>;
    fn to_any(&self) -> Result<Value, String>;
    fn position(&self) -> Option<Range>;
    fn names_fields(&self) -> bool;
}

impl<I: Input> DynInput for I {
    fn type_name(&self) -> Cow<'static, str> {
        Input::type_name(self)
    }

    fn as_str(&self) -> Option<Cow<'_, str>> {
        Input::as_str(self)
    }

    fn as_bool(&self) -> Option<bool> {
        Input::as_bool(self)
    }

    fn as_integer(&self) -> Option<Integer> {
        Input::as_integer(self)
    }

    fn as_float(&self) -> Option<f64> {
        Input::as_float(self)
    }

    fn as_datetime(&self) -> Option<Result<Datetime, String>> {
        Input::as_datetime(self)
    }

    fn as_duration(&self) -> Option<Duration> {
        Input::as_duration(self)
    }

    fn is_array(&self) -> bool {
        Input::as_array(self).is_some()
    }

    fn items(&self, each: &mut dyn FnMut(usize, &dyn DynInput)) -> bool {
        let Some(items) = Input::as_array(self) else { return false };
        for (index, item) in items.iter().enumerate() {
            each(index, item);
        }
        true
    }

    fn map_entries(&self, each: &mut dyn FnMut(String, &dyn DynInput)) -> bool {
        let Some(entries) = Input::as_map(self) else { return false };
        for (key, value) in entries {
            each(key, &value);
        }
        true
    }

    fn table_entries(
        &self,
        schema: &'static Struct,
        each: &mut dyn FnMut(Entry<&dyn DynInput>),
    ) -> Result<(), NotATable> {
        for entry in Input::as_table(self, schema)? {
            let Entry { key, member, value, position } = entry;
            each(Entry { key, member, value: &value, position });
        }
        Ok(())
    }

    fn to_any(&self) -> Result<Value, String> {
        Input::to_any(self)
    }

    fn position(&self) -> Option<Range> {
        Input::position(self)
    }

    fn names_fields(&self) -> bool {
        Input::names_fields(self)
    }
}
