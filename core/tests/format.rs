//! `format` keeps what people wrote and tidies only the layout; `format_canonical` reorders
//! keys and carries each comment along. Corpus tests are ignored without ../shared.

use std::path::Path;

use gitlab_runner_config::{format, format_canonical, parse, render, UnknownKeys};

mod shared;

use shared::corpus;

fn fixture(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(path)).unwrap()
}

/// Every comment, in order, without the spacing before it.
fn comments(text: &str) -> Vec<&str> {
    text.lines().filter_map(|l| l.find('#').map(|i| l[i..].trim_end())).collect()
}

#[test]
fn files_as_gitlab_runner_register_writes_them_are_already_formatted() {
    for name in ["docker.toml", "kubernetes.toml", "shell.toml"] {
        let text = fixture(&format!("register/{name}"));
        assert_eq!(format(&text).unwrap(), text, "{name}");
    }
}

#[test]
fn a_hand_written_file_gets_regular_layout_and_keeps_everything_else() {
    let formatted = format(&fixture("edit/messy.toml")).unwrap();
    assert_eq!(formatted, fixture("edit/messy.formatted.toml"));
    assert_eq!(comments(&formatted), comments(&fixture("edit/messy.toml")));
    assert_eq!(format(&formatted).unwrap(), formatted);
}

#[test]
#[ignore = "reads ../shared"]
fn formatting_keeps_comments_and_data_and_settles_at_once_on_every_corpus_file() {
    let files = corpus("valid");
    for (name, text) in files {
        let formatted = format(&text).unwrap();
        assert_eq!(comments(&formatted), comments(&text), "{name}");
        assert_eq!(
            parse(&formatted, UnknownKeys::Reject).unwrap(),
            parse(&text, UnknownKeys::Reject).unwrap(),
            "{name}"
        );
        assert_eq!(format(&formatted).unwrap(), formatted, "{name}");
    }
}

#[test]
fn canonical_layout_carries_every_comment_with_its_key() {
    let text = fixture("edit/commented.toml");
    let canonical = format_canonical(&text).unwrap();
    assert_eq!(canonical, fixture("edit/commented.canonical.toml"));
    let mut before = comments(&text);
    let mut after = comments(&canonical);
    before.sort_unstable();
    after.sort_unstable();
    assert_eq!(after, before);
}

#[test]
#[ignore = "reads ../shared"]
fn canonical_layout_of_every_corpus_file_is_the_render_with_its_comments() {
    let files = corpus("valid");
    for (name, text) in files {
        let canonical = format_canonical(&text).unwrap();
        let table = parse(&text, UnknownKeys::Reject).unwrap();
        let (mut before, mut after) = (comments(&text), comments(&canonical));
        before.sort_unstable();
        after.sort_unstable();
        assert_eq!(after, before, "{name}");
        assert_eq!(parse(&canonical, UnknownKeys::Reject).unwrap(), table, "{name}");
        assert_eq!(format_canonical(&canonical).unwrap(), canonical, "{name}: not stable");
        assert_eq!(format_canonical(&render(&table)).unwrap(), render(&table), "{name}");
    }
}

#[test]
fn comments_on_every_kind_of_line_survive_format_and_fix() {
    let text = fixture("edit/commented.toml");
    let formatted = format(&text).unwrap();
    assert_eq!(formatted, text, "already in gitlab-runner's layout");
    let cased = text.replace("privileged = false", "Privileged = false");
    let fixed = gitlab_runner_config::fix(&cased, true, &gitlab_runner_config::Options::default());
    assert_eq!(fixed, text);
    assert_eq!(comments(&fixed), comments(&text));
}

/// A file written with CRLF line ends keeps them through `format` and `format_canonical`: each
/// gives the LF file's result with CRLF line ends (and a multi-line string's bytes as written).
#[test]
fn a_crlf_file_keeps_its_line_ends() {
    let crlf = |text: &str| text.replace('\n', "\r\n");
    for name in ["docker.toml", "kubernetes.toml", "shell.toml"] {
        let text = crlf(&fixture(&format!("register/{name}")));
        assert_eq!(format(&text).unwrap(), text, "{name}");
    }
    let messy = crlf(&fixture("edit/messy.toml"));
    let formatted = format(&messy).unwrap();
    assert_eq!(formatted, crlf(&fixture("edit/messy.formatted.toml")));
    assert_eq!(format(&formatted).unwrap(), formatted);
    let canonical = format_canonical(&crlf(&fixture("edit/commented.toml"))).unwrap();
    assert_eq!(canonical, crlf(&fixture("edit/commented.canonical.toml")));
}

#[test]
#[ignore = "reads ../shared"]
fn every_corpus_file_formats_the_same_in_crlf() {
    for (name, text) in corpus("valid") {
        let crlf = text.replace('\n', "\r\n");
        assert_eq!(format(&crlf).unwrap(), format(&text).unwrap().replace('\n', "\r\n"), "{name}");
    }
}
