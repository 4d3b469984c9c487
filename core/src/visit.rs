//! The one walk from a typed document to a face's own values (Python objects or dicts, the
//! JSON the npm package reads, serde_json values): the walk is here, and a face says only how
//! to make each kind of value.

use crate::document::{Datetime, Table, Value};
use crate::schema::Field;

/// Makes a face's values from a document borrowed for `'v`. Containers get their children as
/// [`Node`]s, to be walked (with [`Node::walk`]) in order: a face that writes text writes each
/// key before its value.
pub trait Visitor<'v> {
    type Out;
    type Error;
    fn string(&mut self, text: &str) -> Result<Self::Out, Self::Error>;
    fn integer(&mut self, n: i64) -> Result<Self::Out, Self::Error>;
    fn float(&mut self, x: f64) -> Result<Self::Out, Self::Error>;
    fn boolean(&mut self, b: bool) -> Result<Self::Out, Self::Error>;
    fn datetime(&mut self, datetime: &Datetime) -> Result<Self::Out, Self::Error>;
    fn array(&mut self, items: Items<'v>) -> Result<Self::Out, Self::Error>;
    fn table(&mut self, entries: Entries<'v>) -> Result<Self::Out, Self::Error>;
}

/// A value still to be made.
#[derive(Clone, Copy)]
pub enum Node<'v> {
    Value(&'v Value),
    Table(&'v Table),
}

impl<'v> Node<'v> {
    pub fn walk<V: Visitor<'v>>(self, visitor: &mut V) -> Result<V::Out, V::Error> {
        let value = match self {
            Node::Table(table) => return visitor.table(Entries::of(table)),
            Node::Value(value) => value,
        };
        match value {
            Value::String(text) => visitor.string(text),
            Value::Integer(n) => visitor.integer(*n),
            Value::Float(x) => visitor.float(*x),
            Value::Boolean(b) => visitor.boolean(*b),
            Value::Datetime(datetime) => visitor.datetime(datetime),
            Value::Array(items) => visitor.array(Items::Values(items.iter())),
            Value::Tables(tables) => visitor.array(Items::Tables(tables.iter())),
            Value::Table(table) => visitor.table(Entries::of(table)),
            Value::Map(entries) => visitor.table(Entries { table: None, fields: [].iter(), others: entries.iter() }),
        }
    }
}

/// A table as a face's value.
pub fn walk<'v, V: Visitor<'v>>(table: &'v Table, visitor: &mut V) -> Result<V::Out, V::Error> {
    Node::Table(table).walk(visitor)
}

/// The items of an array (of scalars, or of tables).
pub enum Items<'v> {
    Values(std::slice::Iter<'v, Value>),
    Tables(std::slice::Iter<'v, Table>),
}

impl<'v> Iterator for Items<'v> {
    type Item = Node<'v>;

    fn next(&mut self) -> Option<Node<'v>> {
        match self {
            Items::Values(values) => values.next().map(Node::Value),
            Items::Tables(tables) => tables.next().map(Node::Table),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match self {
            Items::Values(values) => values.size_hint(),
            Items::Tables(tables) => tables.size_hint(),
        }
    }
}

impl ExactSizeIterator for Items<'_> {}

/// A key of a table.
#[derive(Clone, Copy)]
pub enum Key<'v> {
    /// A field of the table's struct.
    Field(&'static Field),
    /// A key kept verbatim (unknown to the schema), or a key of a free-form table.
    Other(&'v str),
}

impl<'v> Key<'v> {
    /// The key as config.toml spells it.
    pub fn as_str(&self) -> &'v str {
        match *self {
            Key::Field(field) => field.key,
            Key::Other(key) => key,
        }
    }
}

/// The entries of a table: its set fields in canonical order, then the keys kept verbatim; or
/// those of a free-form table, in the user's order.
pub struct Entries<'v> {
    /// The schema table, `None` for a free-form one.
    pub table: Option<&'v Table>,
    /// The set fields, by position in the table's struct.
    fields: std::slice::Iter<'v, (usize, Value)>,
    others: std::slice::Iter<'v, (String, Value)>,
}

impl<'v> Entries<'v> {
    fn of(table: &'v Table) -> Entries<'v> {
        Entries { table: Some(table), fields: table.entries().iter(), others: table.unknown().iter() }
    }
}

impl<'v> Iterator for Entries<'v> {
    type Item = (Key<'v>, Node<'v>);

    fn next(&mut self) -> Option<(Key<'v>, Node<'v>)> {
        if let (Some(table), Some((position, value))) = (self.table, self.fields.next()) {
            return Some((Key::Field(&table.schema().fields[*position]), Node::Value(value)));
        }
        self.others.next().map(|(key, value)| (Key::Other(key), Node::Value(value)))
    }
}
