//! Completion and hover never panic, at any byte offset of any text (half-written, odd, or
//! between the bytes of a character), and always answer with spans inside the text.

use gitlab_runner_config::{complete, hover};

fn check(text: &str) {
    for offset in 0..=text.len() + 2 {
        let completions = complete(text, offset);
        assert!(completions.from <= completions.to && completions.to <= text.len(), "{text:?} at {offset}");
        assert!(text.is_char_boundary(completions.from) && text.is_char_boundary(completions.to));
        if let Some(card) = hover(text, offset) {
            assert!(card.from < card.to && card.to <= text.len(), "{text:?} at {offset}");
            assert!(!card.title.is_empty() && !card.markdown.is_empty());
        }
    }
}

#[test]
fn odd_texts() {
    for text in [
        "",
        "[",
        "[[",
        "]]",
        "=",
        "= =",
        "\"",
        "'",
        "a = [",
        "[runners.\"x",
        "[runners.'é",
        "é😀",
        "[[runners]]\n[",
        "[[runners]]\n  docker.",
        "[[runners]]\n  docker. = 1",
        "[[runners]]\n  \"executor\" = \"sh",
        "[ . ]\nx = 1",
        "[[runners]]\n[runners.docker]\npull_policy = [\"a\", \"",
        "# [runners]\n[",
        "\r\n[[runners]]\r\nexecutor = \r\n",
        "[[runners]]\nexecutor = \"docker\" # é\n",
        "[[runners.kubernetes.volumes.host_path]]\nname=\"x\"\n[",
    ] {
        check(text);
    }
}

#[test]
fn every_golden_file_cut_anywhere() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/golden");
    let mut files: Vec<_> = std::fs::read_dir(folder).unwrap().filter_map(|e| e.ok()).map(|e| e.path()).collect();
    files.retain(|p| p.extension().is_some_and(|e| e == "toml"));
    assert!(!files.is_empty());
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        check(&text);
        // Half-written: the text cut at every 499th byte (on a character boundary).
        for cut in (0..text.len()).step_by(499).filter(|&cut| text.is_char_boundary(cut)) {
            check(&text[..cut]);
        }
    }
}
