//! Configs exactly as `gitlab-runner register` writes them (its own layout, zero values and
//! empty backend sections included) lint with no error and no warning at the newest release:
//! the only findings are notes about the tokens it writes inline.

use std::path::Path;

use gitlab_runner_config::{lint, Code, Options, Severity};

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/register").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn a_config_as_register_writes_it_gives_no_error_and_no_warning() {
    for name in ["docker.toml", "shell.toml", "kubernetes.toml"] {
        let findings = lint(&fixture(name), &Options::default());
        let loud: Vec<String> =
            findings.iter().filter(|d| d.severity != Severity::Info).map(|d| format!("{name}: {d}")).collect();
        assert_eq!(loud, Vec::<String>::new());
        let notes: Vec<String> = findings.iter().map(ToString::to_string).collect();
        assert_eq!(
            notes,
            ["13:3: info[inline-secret]: runners[0].token: written in clear; keep it out of the file with a ${VARIABLE} filled in when it is deployed"],
            "{name}"
        );
        assert!(findings.iter().all(|d| d.code == Code::InlineSecret));
    }
}

#[test]
fn a_setting_in_an_unselected_backend_is_still_reported() {
    let text = fixture("shell.toml").replace("AssumeRoleMaxConcurrency = 0", "BucketName = \"runner-cache\"");
    let codes: Vec<Code> = lint(&text, &Options::default()).iter().map(|d| d.code).collect();
    assert_eq!(codes, [Code::InlineSecret, Code::CacheBackendUnused]);
}
