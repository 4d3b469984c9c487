//! The vocabulary the definitions in `tables/` are written in: `f(key, kind)` and builders.

pub use super::DefaultValue::{Bool, Int, List, Real, Str};
pub use super::Kind::*;
pub use super::Version;
use super::{Bounds, EarlierKind, Kind, Syntax};
pub use super::{DefaultValue, Field, MapOf, Python, Struct};

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
        syntax: Syntax::Any,
        bounds: Bounds::ANY,
    }
}

/// A bound as `Bounds` holds it (a bound beyond 32 bits does not build).
const fn narrow(bound: i64) -> i32 {
    assert!(bound >= i32::MIN as i64 && bound <= i32::MAX as i64, "a bound beyond 32 bits");
    bound as i32
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
    /// An http(s) URL.
    pub const fn url(mut self) -> Field {
        self.syntax = Syntax::Url;
        self
    }
    /// A Kubernetes resource quantity.
    pub const fn quantity(mut self) -> Field {
        self.syntax = Syntax::Quantity;
        self
    }
    /// A size in Docker's units.
    pub const fn docker_size(mut self) -> Field {
        self.syntax = Syntax::DockerSize;
        self
    }
    /// `NAME=value` entries.
    pub const fn environment(mut self) -> Field {
        self.syntax = Syntax::Environment;
        self
    }
    /// A map whose keys are feature flag names.
    pub const fn feature_flags(mut self) -> Field {
        self.syntax = Syntax::FeatureFlags;
        self
    }
    /// The least value that means something (lower ones are refused or ignored).
    pub const fn minimum(mut self, min: i64) -> Field {
        self.bounds.min = Some(narrow(min));
        self
    }
    /// The greatest value that means something.
    pub const fn maximum(mut self, max: i64) -> Field {
        self.bounds.max = Some(narrow(max));
        self
    }
    /// Decoded into a Go int32.
    pub const fn int32(mut self) -> Field {
        self.bounds.go_bits = 32;
        self
    }
}
