//! Findings about a config: what the validator and the decoder report, each with a stable code.

use std::fmt;

use crate::code::{Code, Underline};
use crate::error::{Error, ErrorKind, Position, Range, Written};
use crate::path::KeyPath;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// gitlab-runner rejects it, or it cannot work.
    Error,
    /// Accepted, but probably not what was meant, or going away.
    Warning,
    /// Worth knowing.
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// What the finding is about; its name (`unknown-key`) is stable.
    pub code: Code,
    pub path: KeyPath,
    /// Never holds a secret's value.
    pub message: String,
    /// Where in the parsed text, when the config came from text.
    pub range: Option<Range>,
    /// The key meant, for an unknown key that is a misspelling of one.
    pub suggestion: Option<&'static str>,
    /// Bytes of the string value the finding is about, when it is about part of it (the JSON
    /// after `DOCKER_AUTH_CONFIG=`): placed inside the TOML string where the text allows.
    pub(crate) within: Option<std::ops::Range<usize>>,
    /// The edits that repair it, when renaming its key does (`lint --fix`).
    pub fix: Option<crate::fix::Fix>,
}

impl Diagnostic {
    /// A finding with the code's own severity.
    pub fn new(code: Code, path: KeyPath, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: code.severity(),
            code,
            path,
            message: message.into(),
            range: None,
            suggestion: None,
            within: None,
            fix: None,
        }
    }

    /// Where the finding is: the key written at its path, or the whole `key = value` for a
    /// finding about the value (starting at the key, where its line and column have always
    /// pointed), or the key of the nearest enclosing table when its own key is not written
    /// (`exact` false). The decoder's findings come with the value's own range.
    pub fn place(&mut self, written: Written, exact: bool) {
        let about_value = exact && self.code.underline() == Underline::Value;
        let end = if about_value { written.value.end } else { written.key.end };
        self.range = Some(Range { start: written.key.start, end });
    }

    /// Where the finding starts, if the config came from text.
    pub fn position(&self) -> Option<Position> {
        self.range.map(|r| r.start)
    }
}

impl From<Error> for Diagnostic {
    fn from(error: Error) -> Diagnostic {
        let code = match error.kind {
            ErrorKind::Type => Code::WrongType,
            ErrorKind::Value => Code::InvalidValue,
            ErrorKind::UnknownKey => Code::UnknownKey,
            ErrorKind::Syntax => Code::Syntax,
            ErrorKind::DuplicateKey => Code::DuplicateKey,
            ErrorKind::Omitted => Code::MoreErrors,
        };
        Diagnostic {
            severity: Severity::Error,
            code,
            path: error.path,
            message: error.message,
            range: error.range,
            suggestion: error.suggestion,
            within: None,
            fix: None,
        }
    }
}

/// `LINE:COLUMN: severity[code]: path: message`, the shape compilers and CI problem matchers use.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path: &dyn fmt::Display = &self.path;
        let line = Line {
            start: self.position().map(|p| (p.line, p.column)),
            severity: self.severity.as_str(),
            code: self.code.name(),
            path: (!self.path.is_root()).then_some(path),
            message: &self.message,
        };
        line.fmt(f)
    }
}

/// A finding said in one line, from its parts: how `Diagnostic` displays, and how the faces
/// that hold findings as their own values (Python's `Diagnostic`) say them.
pub struct Line<'a> {
    /// Line and column.
    pub start: Option<(usize, usize)>,
    pub severity: &'a str,
    pub code: &'a str,
    /// `None` for the whole file.
    pub path: Option<&'a dyn fmt::Display>,
    pub message: &'a str,
}

impl fmt::Display for Line<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some((line, column)) = self.start {
            write!(f, "{line}:{column}: ")?;
        }
        write!(f, "{}[{}]: ", self.severity, self.code)?;
        if let Some(path) = self.path {
            write!(f, "{path}: ")?;
        }
        f.write_str(self.message)
    }
}

/// Puts findings in the order of the text they point into; those without a position (about the
/// whole file) come first, in the order they were found.
pub fn sort_by_position(diagnostics: &mut [Diagnostic]) {
    crate::order::by_offsets(diagnostics, |d| d.position().map_or((0, 0), |p| (1, p.offset)));
}
