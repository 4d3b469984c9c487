//! Every finding about text carries a range: the key for findings about a key, the value for
//! the decoder's type and value errors, `key = value` for the checks' findings about a value,
//! and what a syntax error is about. Columns count characters, offsets count bytes.

use gitlab_runner_config::error::{Position, Range};
use gitlab_runner_config::{lint, parse, Options, UnknownKeys};

fn at(line: usize, column: usize, offset: usize) -> Position {
    Position { line, column, offset }
}

/// (code, text under the range, range) of every finding.
fn ranges(text: &str) -> Vec<(&'static str, &str, Range)> {
    lint(text, &Options::default())
        .into_iter()
        .filter_map(|d| d.range.map(|r| (d.code.name(), &text[r.start.offset..r.end.offset], r)))
        .collect()
}

const HEAD: &str = "# é\nconcurrent = 1\n[[runners]]\nurl = \"https://gitlab.example.com/\"\ntoken = \"${T}\"\n";

#[test]
fn unknown_keys_are_the_key_with_a_suggestion() {
    let text = format!("{HEAD}executor = \"shell\"\n  buids_dir = \"/b\"\n");
    let findings = lint(&text, &Options::default());
    assert_eq!(findings.len(), 1);
    let finding = &findings[0];
    assert_eq!(finding.code, "unknown-key");
    assert_eq!(finding.suggestion, Some("builds_dir"));
    let start = text.find("buids_dir").unwrap();
    assert_eq!(finding.range, Some(Range { start: at(7, 3, start), end: at(7, 12, start + 9) }));
    assert_eq!(
        finding.to_string(),
        "7:3: error[unknown-key]: runners[0].buids_dir: unknown key; did you mean builds_dir?"
    );
}

#[test]
fn wrong_types_are_the_value() {
    let text = format!("{HEAD}executor = \"shell\"\nlimit = \"é4\"\n");
    let start = text.find("\"é4\"").unwrap();
    let findings = ranges(&text);
    assert_eq!(findings, [("wrong-type", "\"é4\"", Range { start: at(7, 9, start), end: at(7, 13, start + 5) })]);
}

#[test]
fn checks_of_a_value_are_the_assignment_and_of_a_key_the_key() {
    let text = format!("{HEAD}executor = \"dockr\"\n");
    let findings = ranges(&text);
    assert_eq!(
        findings.iter().map(|(code, under, _)| (*code, *under)).collect::<Vec<_>>(),
        [("unknown-executor", "executor = \"dockr\"")]
    );
    assert_eq!(findings[0].2.start, at(6, 1, text.find("executor").unwrap()));
    let text = format!("{HEAD}executor = \"shell\"\n[runners.docker]\nimage = \"a\"\n");
    let findings = ranges(&text);
    assert_eq!(
        findings.iter().map(|(code, under, _)| (*code, *under)).collect::<Vec<_>>(),
        [("unused-executor-section", "docker")]
    );
}

#[test]
fn syntax_errors_are_what_they_are_about() {
    let errors = parse("a = 1\nb = = 2\n", UnknownKeys::Reject).unwrap_err();
    let range = errors[0].range.unwrap();
    assert_eq!(range.start, at(2, 5, 10));
    assert!(range.end.offset > range.start.offset, "{range:?}");
    assert_eq!(errors[0].to_string(), "extra `=`, expected nothing (line 2, column 5)");
}
