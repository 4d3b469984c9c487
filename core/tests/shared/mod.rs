//! `../shared` beside the repository: gitlab-runner's example configs, key inventory and key
//! history. A clone without it cannot run these tests, so each is `#[ignore = "reads ../shared"]`
//! (reported as ignored, not as passed); `make test` runs them with `--include-ignored` when
//! `../shared` is there.

#![allow(dead_code)] // each test file uses part of this

use std::path::{Path, PathBuf};

/// A file or folder of `../shared`; a test that asks for it fails, saying why, without it.
pub fn path(relative: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared").join(relative);
    assert!(path.exists(), "{} is absent: this test needs ../shared beside the repository", path.display());
    path
}

pub fn json(relative: &str) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path(relative)).expect("readable")).expect("JSON")
}

/// The files of a corpus folder (`valid`, `unknown-keys`), by name, with their text.
pub fn corpus(set: &str) -> Vec<(String, String)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(path(&format!("corpus/{set}")))
        .expect("a folder")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap()))
        .collect()
}

/// How many files the corpus manifest lists in a set.
pub fn listed(set: &str) -> usize {
    json("corpus/manifest.json")[set].as_object().expect("a set of the manifest").len()
}
