//! The vocabulary the definitions in `tables/` are written in: `f(key, kind)` and builders.

pub use super::DefaultValue::{Bool, Int, List, Real, Str};
pub use super::Kind::*;
pub use super::Version;
pub use super::{Alias, DefaultValue, Field, MapOf, Python, Struct};
use super::{EarlierKind, Kind};

/// A field whose snake_case name is its key; chain the builders below for the rest.
pub const fn f(key: &'static str, kind: Kind) -> Field {
    Field {
        key,
        name: key,
        kind,
        default: DefaultValue::None,
        allowed: &[],
        deprecated: false,
        required: false,
        secret: false,
        enumeration: None,
        doc: "",
        since: Version::OLDEST,
        nested_since: &[],
        earlier_kind: None,
    }
}

impl Field {
    pub const fn name(mut self, name: &'static str) -> Field {
        self.name = name;
        self
    }
    pub const fn default(mut self, value: DefaultValue) -> Field {
        self.default = value;
        self
    }
    pub const fn allowed(mut self, values: &'static [&'static str]) -> Field {
        self.allowed = values;
        self
    }
    pub const fn deprecated(mut self) -> Field {
        self.deprecated = true;
        self
    }
    pub const fn required(mut self) -> Field {
        self.required = true;
        self
    }
    pub const fn secret(mut self) -> Field {
        self.secret = true;
        self
    }
    pub const fn enumeration(mut self, name: &'static str) -> Field {
        self.enumeration = Some(name);
        self
    }
    pub const fn doc(mut self, doc: &'static str) -> Field {
        self.doc = doc;
        self
    }
    pub const fn since(mut self, major: u8, minor: u8) -> Field {
        self.since = Version::new(major, minor);
        self
    }
    pub const fn nested_since(mut self, keys: &'static [(&'static str, Version)]) -> Field {
        self.nested_since = keys;
        self
    }
    pub const fn earlier_kind(mut self, major: u8, minor: u8, was: &'static str) -> Field {
        self.earlier_kind = Some(EarlierKind { changed_in: Version::new(major, minor), was });
        self
    }
}
