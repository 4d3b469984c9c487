//! gitlab-runner releases, as `major.minor`: when a key or an executor came and went.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Version {
    pub major: u8,
    pub minor: u8,
}

impl Version {
    pub const fn new(major: u8, minor: u8) -> Version {
        Version { major, minor }
    }

    /// The oldest release whose keys are on record: a key `since` it may be older.
    pub const OLDEST: Version = Version::new(12, 0);
    /// The newest release the schema describes, the default target of every check.
    pub const NEWEST: Version = Version::new(19, 4);

    /// The release after this one, as gitlab-runner numbers them (a major ends at minor 11,
    /// except 12 and 13, which went to 12.10 and 13.12).
    pub fn next(self) -> Version {
        let last_minor = match self.major {
            12 => 10,
            13 => 12,
            14 => 10,
            15..=18 => 11,
            _ => u8::MAX,
        };
        if self.minor >= last_minor {
            Version::new(self.major + 1, 0)
        } else {
            Version::new(self.major, self.minor + 1)
        }
    }

    /// Every release on record, oldest first.
    pub fn all() -> impl Iterator<Item = Version> {
        std::iter::successors(Some(Version::OLDEST), |v| (*v < Version::NEWEST).then(|| v.next()))
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

impl std::str::FromStr for Version {
    type Err = String;

    /// `17.5`, also `17.5.2` or `v17.5.2` (the patch release does not matter here).
    fn from_str(text: &str) -> Result<Version, String> {
        let invalid = || format!("{} is not a gitlab-runner version such as 17.5", crate::escape::quoted(text));
        let trimmed = text.trim().strip_prefix('v').unwrap_or(text.trim());
        let mut parts = trimmed.split('.');
        let major = parts.next().and_then(|p| p.parse::<u8>().ok()).ok_or_else(invalid)?;
        let minor = parts.next().and_then(|p| p.parse::<u8>().ok()).ok_or_else(invalid)?;
        if parts.next().is_some_and(|patch| patch.parse::<u16>().is_err()) || parts.next().is_some() {
            return Err(invalid());
        }
        Ok(Version::new(major, minor))
    }
}

#[cfg(test)]
mod tests {
    use super::Version;

    #[test]
    fn parses_and_orders() {
        let v = |t: &str| t.parse::<Version>();
        assert_eq!(v("17.5"), Ok(Version::new(17, 5)));
        assert_eq!(v("v17.5.2"), Ok(Version::new(17, 5)));
        assert!(Version::new(17, 10) > Version::new(17, 9));
        assert_eq!(v("17").unwrap_err(), r#""17" is not a gitlab-runner version such as 17.5"#);
        assert!(v("17.5.x").is_err() && v("17.5.1.1").is_err() && v("latest").is_err());
    }

    #[test]
    fn lists_every_release() {
        let all: Vec<String> = Version::all().map(|v| v.to_string()).collect();
        assert_eq!(all.first().map(String::as_str), Some("12.0"));
        assert!(all.windows(2).any(|w| w == ["12.10", "13.0"]));
        assert!(all.windows(2).any(|w| w == ["13.12", "14.0"]));
        assert!(all.windows(2).any(|w| w == ["14.10", "15.0"]));
        assert!(all.windows(2).any(|w| w == ["18.11", "19.0"]));
        assert_eq!(all.last().map(String::as_str), Some("19.4"));
    }
}
