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
fn no_fix_where_renaming_would_write_a_key_twice_or_miss_its_other_headers() {
    let both = "[[runners]]\n  executor = \"shell\"\n  pre_clone_script = \"a\"\n  pre_get_sources_script = \"b\"\n";
    assert_eq!(fix(both, true, &Options::default()), both);
    let twice = "[[runners]]\n  executor = \"docker\"\n  [runners.Docker]\n    image = \"a\"\n  [runners.Docker.sysctls]\n    x = \"1\"\n";
    assert_eq!(fix(twice, true, &Options::default()), twice);
}
