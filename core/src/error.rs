//! Errors that name the key path (and, for parsed text, the line and column).

use std::fmt;

use crate::path::KeyPath;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// A value of the wrong type (`expected bool, got str`).
    Type,
    /// A value of the right type that is not acceptable (a bad duration, an unknown executor).
    Value,
    /// A key the schema does not know (strict mode).
    UnknownKey,
    /// Text that is not TOML.
    Syntax,
    /// One key written twice in one table, in different letter case (`image` and `IMAGE`):
    /// gitlab-runner would keep either, depending on map order.
    DuplicateKey,
    /// Stands for the errors left out past the most one call reports.
    Omitted,
}

/// A place in parsed text: 1-based line and column (in characters), and the byte offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    pub offset: usize,
}

/// A span of parsed text, `end` exclusive: a key, a value or what a syntax error is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Range {
    pub start: Position,
    pub end: Position,
}

/// Where a key and its value are written (an array element is both).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Written {
    pub key: Range,
    pub value: Range,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Error {
    pub kind: ErrorKind,
    pub path: KeyPath,
    /// Never holds a secret's value.
    pub message: String,
    /// The key's span for an unknown key, the value's for a wrong or invalid one.
    pub range: Option<Range>,
    /// The key meant, for an unknown key that is a misspelling of one.
    pub suggestion: Option<&'static str>,
}

impl Error {
    pub fn new(kind: ErrorKind, path: KeyPath, message: impl Into<String>) -> Error {
        Error { kind, path, message: message.into(), range: None, suggestion: None }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.path.is_root() {
            write!(f, "{}: ", self.path)?;
        }
        f.write_str(&self.message)?;
        if let Some(Range { start: Position { line, column, .. }, .. }) = self.range {
            write!(f, " (line {line}, column {column})")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

/// Every problem found in one input, in the order met, one per line.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Errors<'a>(pub &'a [Error]);

impl fmt::Display for Errors<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Errors<'_> {}
