//! Where in a config a value sits: `runners[1].kubernetes.volumes.pvc[0].mount_path`.

use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    Key(String),
    Index(usize),
}

/// A path of keys and array indexes from the root table.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KeyPath(Vec<Segment>);

impl KeyPath {
    pub fn root() -> KeyPath {
        KeyPath(Vec::new())
    }

    pub fn segments(&self) -> &[Segment] {
        &self.0
    }

    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }

    pub fn push_key(&mut self, key: &str) {
        self.0.push(Segment::Key(key.to_owned()));
    }

    pub fn push_index(&mut self, index: usize) {
        self.0.push(Segment::Index(index));
    }

    pub fn pop(&mut self) {
        self.0.pop();
    }

    /// This path and each enclosing one, longest first (`a.b[0]`, `a.b`, `a`).
    pub fn prefixes(&self) -> impl Iterator<Item = KeyPath> + '_ {
        (1..=self.0.len()).rev().map(|n| KeyPath(self.0[..n].to_vec()))
    }

    /// A copy with one more key, for errors raised below this point.
    pub fn with_key(&self, key: &str) -> KeyPath {
        let mut path = self.clone();
        path.push_key(key);
        path
    }
}

impl fmt::Display for KeyPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                Segment::Key(key) => {
                    if i > 0 {
                        f.write_str(".")?;
                    }
                    crate::escape::write_key(f, key)?;
                }
                Segment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}
