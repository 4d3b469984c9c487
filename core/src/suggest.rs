//! What to say about a key the schema does not know: the key meant (a misspelling), or the
//! table it belongs in (a key written in the wrong table).

use crate::schema::{self, Struct};

/// Beyond this length a key is not a misspelling of any real one (and comparing it would
/// only cost time).
const LONGEST_KEY: usize = 64;

/// The message for an unknown `key` of `schema`, and the key meant when it is a misspelling;
/// `by_name` when the input names fields (`bucket_name`) rather than TOML keys (`BucketName`).
pub fn unknown_key(schema: &'static Struct, key: &str, by_name: bool) -> (String, Option<&'static str>) {
    let names = schema.fields.iter().map(|f| if by_name { f.name } else { f.key });
    if let Some(meant) = closest(key, names) {
        return (format!("unknown key; did you mean {meant}?"), Some(meant));
    }
    let homes = schema::tables_with_key(key);
    let message = match homes.as_slice() {
        [] => format!("unknown key in {}", schema.class),
        [home] => format!("unknown key in {}; {key} belongs in {home}", schema.class),
        [first, second, ..] => format!("unknown key in {}; {key} belongs in {first} or {second}", schema.class),
    };
    (message, None)
}

/// The candidate closest to `word` by edit distance (adjacent swaps count as one edit), when it
/// is close enough to be what the user meant.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    if word.len() > LONGEST_KEY {
        return None;
    }
    let folded: Vec<char> = word.to_ascii_lowercase().chars().collect();
    let limit = (folded.len() / 3).clamp(1, 3);
    candidates
        .into_iter()
        .filter(|candidate| candidate.chars().count().abs_diff(folded.len()) <= limit)
        .map(|candidate| {
            let other: Vec<char> = candidate.to_ascii_lowercase().chars().collect();
            (distance(&folded, &other), candidate)
        })
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, candidate)| candidate)
}

/// Optimal string alignment distance, keeping three rows.
fn distance(a: &[char], b: &[char]) -> usize {
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current: Vec<usize> = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        current[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (previous[j] + 1).min(current[j - 1] + 1).min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(before[j - 2] + 1);
            }
            current[j] = best;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_key_meant() {
        let keys = ["builds_dir", "cache_dir", "build_dir_x", "executor"];
        assert_eq!(closest("buids_dir", keys), Some("builds_dir"));
        assert_eq!(closest("exectuor", keys), Some("executor"));
        assert_eq!(closest("Executor", keys), Some("executor"));
        assert_eq!(closest("something_else", keys), None);
        assert_eq!(closest(&"x".repeat(1_000_000), keys), None);
    }

    #[test]
    fn points_to_the_table_a_key_belongs_in() {
        let message = |key| unknown_key(schema::ROOT, key, false).0;
        assert_eq!(message("dns"), "unknown key in Config; dns belongs in [runners.docker]");
        assert_eq!(
            message("pre_get_sources_script"),
            "unknown key in Config; pre_get_sources_script belongs in [[runners]]"
        );
        assert_eq!(
            unknown_key(schema::ROOT, "concurent", false),
            ("unknown key; did you mean concurrent?".to_owned(), Some("concurrent"))
        );
        assert_eq!(unknown_key(schema::ROOT, "zzz", false), ("unknown key in Config".to_owned(), None));
    }
}
