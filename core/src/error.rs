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
}

/// A 1-based line and column in parsed text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Error {
    pub kind: ErrorKind,
    pub path: KeyPath,
    /// Never holds a secret's value.
    pub message: String,
    pub position: Option<Position>,
}

impl Error {
    pub fn new(kind: ErrorKind, path: KeyPath, message: impl Into<String>) -> Error {
        Error { kind, path, message: message.into(), position: None }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.path.is_root() {
            write!(f, "{}: ", self.path)?;
        }
        f.write_str(&self.message)?;
        if let Some(Position { line, column }) = self.position {
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
