//! Fixes: a key in another letter case and a key gitlab-runner renamed are repaired safely, the
//! one known key close to an unknown one only on request; nothing else in the text changes.

use gitlab_runner_config::{fix, lint, Code, Options};

const TEXT: &str = r#"# the fleet
concurrent = 2

[[runners]]
  name = "a" # first
  url = "https://gitlab.example.com"
  token = "${RUNNER_TOKEN}"
  executor = "docker"
  # kept
  pre_clone_script = "echo setup" # renamed in 16.x
  buids_dir = "/builds"
  [runners.docker]
    image = "alpine"
    Privileged = true # as written
"#;

#[test]
fn findings_carry_their_fix_and_whether_it_is_safe() {
    let findings = lint(TEXT, &Options::default());
    let fixes: Vec<(Code, bool, &str)> =
        findings.iter().filter_map(|d| d.fix.as_ref().map(|f| (d.code, f.safe, f.edits[0].text.as_str()))).collect();
    assert_eq!(
        fixes,
        [
            (Code::RemovedKey, true, "pre_get_sources_script"),
            (Code::UnknownKey, false, "builds_dir"),
            (Code::KeyCase, true, "privileged"),
        ]
    );
    let case = findings.iter().find(|d| d.code == Code::KeyCase).unwrap();
    let edit = &case.fix.as_ref().unwrap().edits[0];
    assert_eq!(&TEXT[edit.start..edit.end], "Privileged");
}

#[test]
fn safe_fixes_rename_keys_and_change_nothing_else() {
    let fixed = fix(TEXT, false, &Options::default());
    assert_eq!(
        fixed,
        TEXT.replace("pre_clone_script =", "pre_get_sources_script =").replace("Privileged =", "privileged =")
    );
    assert_eq!(fix(&fixed, false, &Options::default()), fixed, "a second run changes nothing");
}

#[test]
fn unsafe_fixes_only_on_request() {
    let fixed = fix(TEXT, true, &Options::default());
    assert!(fixed.contains("  builds_dir = \"/builds\"\n"), "{fixed}");
    assert_eq!(fix(&fixed, true, &Options::default()), fixed);
    assert!(lint(&fixed, &Options::default()).iter().all(|d| d.fix.is_none()));
}

#[test]
fn no_fix_where_renaming_would_write_a_key_twice_or_miss_some_of_its_lines() {
    let both = "[[runners]]\n  executor = \"shell\"\n  pre_clone_script = \"a\"\n  pre_get_sources_script = \"b\"\n";
    assert_eq!(fix(both, true, &Options::default()), both);
    // A table made of dotted keys writes its key on each of their lines.
    let dotted = "[[runners]]\n  executor = \"docker\"\n  Docker.image = \"a\"\n  Docker.privileged = true\n";
    assert_eq!(fix(dotted, true, &Options::default()), dotted);
    // ... also when a header below it writes it too: renaming that one alone would make two tables.
    let mixed =
        "[[runners]]\n  executor = \"docker\"\n  Docker.image = \"a\"\n  [runners.Docker.sysctls]\n    x = \"1\"\n";
    assert!(gitlab_runner_config::parse(mixed, gitlab_runner_config::UnknownKeys::Keep).is_ok());
    assert_eq!(fix(mixed, true, &Options::default()), mixed);
    let twice = "[[runners]]\n  executor = \"docker\"\n  [runners.docker]\n    image = \"a\"\n  [runners.Docker.sysctls]\n    x = \"1\"\n";
    assert!(lint(twice, &Options::default()).iter().all(|d| d.fix.is_none()));
}

const HEADERS: &str = r#"# the fleet
concurrent = 2

[[Runners]] # first
  name = "a"
  url = "https://gitlab.example.com"
  token = "${RUNNER_TOKEN}"
  executor = "docker"
  [Runners.Docker] # the image
    image = "alpine"
  [ Runners . Docker . "sysctls" ]
    "net.ipv4.ip_forward" = "1"
  [Runners.cache]
    Type = "s3"
    [Runners.cache.S3]
      ServerAddress = "s3.example.com"

[[Runners]]
  name = "b"
  url = "https://gitlab.example.com"
  token = "${RUNNER_TOKEN}"
  executor = "shell"
"#;

/// A table's key in another letter case is written in its header and in each header below it:
/// the safe fix renames it in all of them, and the config reads the same.
#[test]
fn a_table_header_in_another_letter_case_is_renamed_in_every_header() {
    let findings = lint(HEADERS, &Options::default());
    let fixes: Vec<(String, Vec<(&str, &str)>)> = findings
        .iter()
        .filter(|d| d.code == Code::KeyCase)
        .map(|d| {
            let fix = d.fix.as_ref().unwrap_or_else(|| panic!("no fix for {}", d.path));
            assert!(fix.safe);
            (d.path.to_string(), fix.edits.iter().map(|e| (&HEADERS[e.start..e.end], e.text.as_str())).collect())
        })
        .collect();
    assert_eq!(
        fixes,
        [
            ("runners".to_owned(), vec![("Runners", "runners"); 6]),
            ("runners[0].docker".to_owned(), vec![("Docker", "docker"); 2]),
            ("runners[0].cache.s3".to_owned(), vec![("S3", "s3")]),
        ]
    );
    let fixed = fix(HEADERS, false, &Options::default());
    let expected = HEADERS.replace("Runners", "runners").replace("Docker", "docker").replace("S3", "s3");
    assert_eq!(fixed, expected);
    assert_eq!(fix(&fixed, false, &Options::default()), fixed, "a second run changes nothing");
    assert!(lint(&fixed, &Options::default()).is_empty(), "{:?}", lint(&fixed, &Options::default()));
}

/// An array's key is written once, before its value, like any other key.
#[test]
fn an_array_key_in_another_letter_case_is_renamed() {
    let text =
        "[[runners]]\n  executor = \"docker\"\n  [runners.docker]\n    Volumes = [\n      \"/cache\", # kept\n    ]\n";
    let fixed = fix(text, false, &Options::default());
    assert_eq!(fixed, text.replace("Volumes", "volumes"));
}
