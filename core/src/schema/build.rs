//! The vocabulary the definitions in `tables/` are written in: `f(key, kind)` and builders.

pub use super::DefaultValue::{Bool, Int, List, Real, Str};
use super::Kind;
pub use super::Kind::*;
pub use super::{Alias, DefaultValue, Field, MapOf, Python, Struct};

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
}
