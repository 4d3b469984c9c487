//! gitlab-runner's own example configs (../shared/corpus): every valid file parses and
//! round-trips; every unknown key is reported, and nothing else. Ignored without ../shared.

use std::collections::BTreeSet;

use gitlab_runner_config::path::Segment;
use gitlab_runner_config::{lint, parse, render, ErrorKind, Options, Severity, UnknownKeys};

mod shared;

use shared::corpus;

#[test]
#[ignore = "reads ../shared"]
fn every_valid_file_parses_and_round_trips() {
    let files = corpus("valid");
    assert_eq!(files.len(), shared::listed("valid"));
    for (name, text) in files {
        let table = parse(&text, UnknownKeys::Reject).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let rendered = render(&table);
        let again = parse(&rendered, UnknownKeys::Reject).unwrap_or_else(|e| panic!("{name} rendered: {e:?}"));
        assert_eq!(again, table, "{name}: parse, render, parse changed the data");
        assert_eq!(render(&again), rendered, "{name}: rendering is not stable");
    }
}

/// A file in gitlab-runner's own layout: one `key = value` per line, double-quoted strings,
/// two spaces of indentation per table level, arrays as `["a", "b"]`, keys quoted only when
/// they must be, no comments, inline tables or multi-line arrays.
fn in_gitlab_runner_style(text: &str) -> bool {
    let mut depth = 0;
    text.lines().filter(|l| !l.trim().is_empty()).all(|line| {
        let content = line.trim_start();
        let indent = line.len() - content.len();
        if content.starts_with('[') {
            let header = content.trim_matches(|c| c == '[' || c == ']');
            depth = header.split('.').count();
            indent == (depth - 1) * 2
        } else {
            let Some((key, value)) = content.split_once(" = ") else { return false };
            let bare = |k: &str| k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
            let quoted_only_when_needed = !key.starts_with('"') || !bare(key.trim_matches('"'));
            indent == depth * 2
                && quoted_only_when_needed
                && !line.contains('#')
                && !value.contains('{')
                && !value.contains('\'')
                && (!value.starts_with('[') || value.ends_with(']'))
                && !value.contains("[ ")
                && !value.contains(" ]")
                && !value.contains(",\"")
        }
    })
}

/// The text up to what the renderer may change in a file already in gitlab-runner's style:
/// blank lines, and the order of keys and of tables (canonical order).
fn up_to_order_and_blank_lines(text: &str) -> Vec<(String, Vec<String>)> {
    let mut blocks = vec![(String::new(), vec![])];
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        if line.trim_start().starts_with('[') {
            blocks.push((line.to_owned(), vec![]));
        } else {
            blocks.last_mut().unwrap().1.push(line.to_owned());
        }
    }
    for (_, lines) in &mut blocks {
        lines.sort();
    }
    blocks.sort();
    blocks
}

#[test]
#[ignore = "reads ../shared"]
fn files_in_gitlab_runners_style_render_to_the_same_text_up_to_order_and_blank_lines() {
    let files = corpus("valid");
    let styled: Vec<_> = files.iter().filter(|(_, text)| in_gitlab_runner_style(text)).collect();
    assert!(styled.len() >= 30, "only {} files in gitlab-runner's style", styled.len());
    for (name, text) in styled {
        let rendered = render(&parse(text, UnknownKeys::Reject).unwrap());
        assert_eq!(up_to_order_and_blank_lines(&rendered), up_to_order_and_blank_lines(text), "{name}");
    }
}

#[test]
#[ignore = "reads ../shared"]
fn every_unknown_key_is_reported_with_its_path_and_nothing_else() {
    let files = corpus("unknown-keys");
    let manifest = shared::json("corpus/manifest.json");
    assert_eq!(files.len(), shared::listed("unknown-keys"));
    for (name, text) in files {
        let expected: BTreeSet<String> = manifest["unknown-keys"][&name]["unknown_keys"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k.as_str().unwrap().to_owned())
            .collect();
        let errors = parse(&text, UnknownKeys::Reject).expect_err(&name);
        let reported: Vec<String> = errors
            .iter()
            .map(|e| {
                assert_eq!(e.kind, ErrorKind::UnknownKey, "{name}: {e}");
                assert!(e.range.is_some(), "{name}: {e} has no position");
                let keys: Vec<&str> = e
                    .path
                    .segments()
                    .iter()
                    .filter_map(|s| if let Segment::Key(k) = s { Some(k.as_str()) } else { None })
                    .collect();
                keys.join(".")
            })
            .collect();
        // A key inside an unknown table may be reported once, through that table.
        let covered = |key: &String| reported.iter().any(|r| r == key || key.starts_with(&format!("{r}.")));
        for key in &expected {
            assert!(covered(key), "{name}: {key} not reported; reported {reported:?}");
        }
        for r in &reported {
            let expected_or_parent = expected.iter().any(|k| k == r || k.starts_with(&format!("{r}.")));
            assert!(expected_or_parent, "{name}: {r} reported as unknown, but it is not");
        }
        let lenient = parse(&text, UnknownKeys::Keep).unwrap_or_else(|e| panic!("{name} lenient: {e:?}"));
        let again = parse(&render(&lenient), UnknownKeys::Keep).unwrap();
        assert_eq!(again, lenient, "{name}: unknown keys not kept through a lenient round trip");
    }
}

/// Files gitlab-runner loads but that do not work as written, with the code that says why.
const KNOWN_FINDINGS: &[(&str, &str)] = &[
    // gitlab-runner lint's own test of a bad shell.
    ("commands-testdata-lint-bad-shell-L1.toml", "invalid-value"),
    // Three runners with the placeholder token "TOKEN": filled in as written, GitLab sees one runner.
    ("config-example-L1.toml", "duplicate-token"),
    // A typo in the documentation: the executor is docker-autoscaler.
    ("docs-executors-docker-autoscaler-L302.toml", "unknown-executor"),
    // url = "<URL of your GitLab instance>": a placeholder, not a URL.
    ("docs-configuration-runner-autoscale-aws-index-L165.toml", "invalid-url"),
    ("docs-configuration-runner-autoscale-aws-index-L325.toml", "invalid-url"),
    // url = "gitlab.example.com": gitlab-runner's client takes only http and https URLs.
    ("docs-executors-kubernetes-index-L1121.toml", "invalid-url"),
    ("docs-executors-kubernetes-index-L1169.toml", "invalid-url"),
    ("docs-executors-kubernetes-index-L1264.toml", "invalid-url"),
    ("docs-executors-kubernetes-index-L1559.toml", "invalid-url"),
    ("docs-executors-kubernetes-index-L1668.toml", "invalid-url"),
    ("docs-executors-kubernetes-index-L1705.toml", "invalid-url"),
    ("docs-executors-kubernetes-index-L1824.toml", "invalid-url"),
    ("docs-executors-kubernetes-index-L1841.toml", "invalid-url"),
    ("docs-executors-kubernetes-index-L1943.toml", "invalid-url"),
    ("docs-executors-kubernetes-index-L1993.toml", "invalid-url"),
];

#[test]
#[ignore = "reads ../shared"]
fn every_file_gitlab_runner_accepts_lints_without_errors_as_a_snippet() {
    let files = corpus("valid");
    let options = Options { fragment: true, ..Options::default() };
    let mut wrong = Vec::new();
    for (name, text) in &files {
        let errors: Vec<String> = lint(text, &options)
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| format!("{name}: {d}"))
            .collect();
        let expected = KNOWN_FINDINGS.iter().find(|(file, _)| file == name).map(|(_, code)| *code);
        match expected {
            Some(code) => {
                if errors.is_empty() || !errors.iter().all(|e| e.contains(&format!("[{code}]"))) {
                    wrong.push(format!("{name}: expected only {code} errors, got {errors:?}"));
                }
            }
            None => wrong.extend(errors),
        }
    }
    assert_eq!(wrong, Vec::<String>::new());
}
