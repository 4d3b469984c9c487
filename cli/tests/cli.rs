//! The CLI as users run it: exact output and exit codes on fixtures of our own.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_gitlab-runner-config"));
    command.args(args).current_dir(fixture(""));
    if let Some(input) = stdin {
        use std::io::Write;
        command.stdin(std::process::Stdio::piped()).stdout(std::process::Stdio::piped());
        command.stderr(std::process::Stdio::piped());
        let mut child = command.spawn().unwrap();
        // A command that fails before reading (a usage error) closes its stdin early.
        let _ = child.stdin.take().unwrap().write_all(input.as_bytes());
        return child.wait_with_output().unwrap();
    }
    command.output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[test]
fn lint_names_file_line_column_path_and_the_fix() {
    let output = run(&["lint", "misspelled.toml"], None);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        "\
misspelled.toml:7:3: warning[deprecated-executor]: runners[0].executor: the docker+machine executor is deprecated in GitLab 17.5; use docker-autoscaler
misspelled.toml:8:3: error[unknown-key]: runners[0].buids_dir: unknown key; did you mean builds_dir?
misspelled.toml:11:5: error[unknown-key]: runners[0].docker.pul_policy: unknown key; did you mean pull_policy?
misspelled.toml:13:16: error[wrong-type]: runners[0].machine.IdleTime: expected integer, got string
1 file: 3 errors, 1 warning, 0 notes
"
    );
}

#[test]
fn lint_json_for_ci() {
    let output = run(&["lint", "--format", "json", "misspelled.toml", "clean.toml"], None);
    assert_eq!(output.status.code(), Some(1));
    let findings: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(findings.as_array().unwrap().len(), 4);
    assert_eq!(
        findings[1],
        serde_json::json!({
            "file": "misspelled.toml", "line": 8, "column": 3, "end_line": 8, "end_column": 12,
            "severity": "error", "code": "unknown-key", "path": "runners[0].buids_dir",
            "message": "unknown key; did you mean builds_dir?", "suggestion": "builds_dir",
            "fix": { "safe": false, "edits": [
                { "line": 8, "column": 3, "end_line": 8, "end_column": 12, "text": "builds_dir" }
            ] }
        })
    );
}

#[test]
fn lint_passes_a_clean_file() {
    let output = run(&["lint", "clean.toml"], None);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output), "1 file: 0 errors, 0 warnings, 0 notes\n");
}

#[test]
fn fmt_leaves_a_file_with_errors_alone_unless_forced_and_keeps_comments() {
    let directory = std::env::temp_dir().join(format!("grc-fmt-{}", std::process::id()));
    std::fs::create_dir_all(&directory).unwrap();
    let file = directory.join("config.toml");
    std::fs::copy(fixture("messy.toml"), &file).unwrap();
    let path = file.to_str().unwrap();
    let original = std::fs::read_to_string(fixture("messy.toml")).unwrap();

    let refused = run(&["fmt", path], None);
    assert_eq!(refused.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&refused.stderr).into_owned();
    assert!(
        stderr.ends_with(&format!("{path}: not formatted: it has errors (--force formats it anyway)\n")),
        "{stderr}"
    );
    assert!(stderr.contains("error[unknown-key]: runners[0].future_option: unknown key"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), original);

    assert_eq!(run(&["fmt", "--check", "--force", path], None).status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), original);
    assert_eq!(run(&["fmt", "--force", path], None).status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        r#"# A hand-written file: comments, odd spacing, inline tables, a key gitlab-runner does not know.
[[runners]]
  executor = "docker"
  name = 'messy'
  future_option = true
  [runners.docker]
    sysctls = { "net.ipv4.ip_forward" = "1" }
    volumes = [
      "/cache",
    ]
    [[runners.docker.services]]
      name = "postgres:16"
      concurrent = 1
"#
    );
    assert_eq!(run(&["fmt", "--check", "--force", path], None).status.code(), Some(0));

    assert_eq!(run(&["fmt", "--canonical", "--force", path], None).status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        // `concurrent` after the services header belongs to that service in TOML: an unknown
        // key there, kept where it is (lint reports it).
        r#"# A hand-written file: comments, odd spacing, inline tables, a key gitlab-runner does not know.
[[runners]]
  name = "messy"
  executor = "docker"
  future_option = true

  [runners.docker]
    volumes = ["/cache"]

    [[runners.docker.services]]
      name = "postgres:16"
      concurrent = 1

    [runners.docker.sysctls]
      "net.ipv4.ip_forward" = "1"
"#
    );
    std::fs::remove_dir_all(&directory).unwrap();
}

#[test]
fn fmt_check_passes_on_files_as_gitlab_runner_writes_them() {
    let register = Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures/register");
    for name in ["docker.toml", "kubernetes.toml", "shell.toml"] {
        let output = run(&["fmt", "--check", register.join(name).to_str().unwrap()], None);
        assert_eq!(output.status.code(), Some(0), "{name}: {}", stdout(&output));
    }
}

#[test]
fn convert_between_json_and_toml() {
    let toml = run(&["convert", "--from", "json", "--to", "toml", "secret.json"], None);
    assert_eq!(toml.status.code(), Some(0), "{}", String::from_utf8_lossy(&toml.stderr));
    let text = stdout(&toml);
    assert!(text.contains(
        r#"  environment = ["DOCKER_AUTH_CONFIG={\"auths\":{\"registry.example.com\":{\"auth\":\"dXNlcjpwYXNz\"}}}"]"#
    ));
    let json = run(&["convert", "--from", "toml", "--to", "json"], Some(&text));
    let original: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("secret.json")).unwrap()).unwrap();
    assert_eq!(serde_json::from_str::<serde_json::Value>(&stdout(&json)).unwrap(), original);
}

#[test]
fn convert_reports_bad_input_by_path() {
    let input = r#"{"runners": [{"limit": "2"}]}"#;
    let output = run(&["convert", "--from", "json", "--to", "toml"], Some(input));
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(output.stderr.clone()).unwrap(),
        "-: error[wrong-type]: runners[0].limit: expected integer, got string\n\
         -: error[missing-key]: runners[0].url: missing; required in Runner\n\
         -: error[missing-key]: runners[0].token: missing; required in Runner\n\
         -: error[missing-key]: runners[0].executor: missing; required in Runner\n"
    );
    assert_eq!(stdout(&output), "");
    // Only what cannot be converted stops --no-check.
    let unchecked = run(&["convert", "--no-check", "--from", "json", "--to", "toml"], Some(input));
    assert_eq!(unchecked.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(unchecked.stderr).unwrap(),
        "-: error[wrong-type]: runners[0].limit: expected integer, got string\n"
    );
}

#[test]
fn schema_prints_the_generated_json_schema() {
    let output = run(&["schema"], None);
    assert_eq!(output.status.code(), Some(0));
    let schema: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(schema["properties"]["concurrent"]["default"], 1);
}

#[test]
fn help_is_usage_and_success() {
    for args in [&["--help"][..], &["lint", "--help"], &["fmt", "-h"]] {
        let output = run(args, None);
        assert_eq!(output.status.code(), Some(0));
        assert!(stdout(&output).starts_with("usage: gitlab-runner-config <command>"));
    }
}

#[test]
fn lenient_convert_keeps_unknown_keys_and_warns_nothing_to_stdout() {
    let output =
        run(&["convert", "--from", "toml", "--to", "json", "--lenient"], Some("concurrent = 1\nfuture = true\n"));
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&output.stdout).unwrap(),
        serde_json::json!({"concurrent": 1, "future": true})
    );
}

#[test]
fn fmt_carries_on_past_a_bad_file_and_keeps_comments() {
    let directory = std::env::temp_dir().join(format!("grc-fmt-many-{}", std::process::id()));
    std::fs::create_dir_all(&directory).unwrap();
    let good = directory.join("good.toml");
    let bad = directory.join("bad.toml");
    std::fs::write(&good, "# fleet\nconcurrent=1 # one at a time\n").unwrap();
    std::fs::write(&bad, "concurrent = \"x\"\n").unwrap();
    let output = run(&["fmt", bad.to_str().unwrap(), good.to_str().unwrap()], None);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("error[wrong-type]: concurrent: expected integer, got string")
    );
    assert_eq!(stdout(&output), format!("formatted {}\n", good.display()));
    assert_eq!(std::fs::read_to_string(&good).unwrap(), "# fleet\nconcurrent = 1 # one at a time\n");
    assert_eq!(std::fs::read_to_string(&bad).unwrap(), "concurrent = \"x\"\n");
    std::fs::remove_dir_all(&directory).unwrap();
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&[], None).status.code(), Some(2));
    assert_eq!(run(&["lint"], None).status.code(), Some(2));
    assert_eq!(run(&["lint", "--format", "xml", "clean.toml"], None).status.code(), Some(2));
    assert_eq!(run(&["convert", "--from", "yaml", "--to", "toml"], None).status.code(), Some(2));
    assert_eq!(run(&["lint", "missing.toml"], None).status.code(), Some(2));
}

#[test]
fn lint_escapes_control_characters_from_the_config() {
    // A value that would set the terminal title, clear the screen and forge a finding line.
    let hostile = r#"[[runners]]
executor = "\u001b]0;pwned\u0007\u001b[2J\r\nfake.toml:1:1: error[x]: injected"
"\u001b[2J" = 1
"#;
    let output = run(&["lint", "-"], Some(hostile));
    let text = stdout(&output);
    assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{text:?}");
    assert_eq!(
        text,
        r#"-:1:1: error[missing-key]: runners[0].url: missing; required in Runner
-:1:1: error[missing-key]: runners[0].token: missing; required in Runner
-:2:1: error[unknown-executor]: runners[0].executor: unknown executor "\u001B]0;pwned\u0007\u001B[2J\r\nfake.toml:1:1: error[x]: injected"; expected one of shell, custom, instance, docker, docker-windows, docker-autoscaler, docker+machine, kubernetes, ssh, parallels, virtualbox
-:3:1: error[unknown-key]: runners[0]."\u001B[2J": unknown key in Runner
1 file: 4 errors, 0 warnings, 1 note (not shown: --min-severity info shows them)
"#
    );
}

#[test]
fn lint_targets_a_gitlab_runner_release() {
    let text = "concurrent = 1\n[[runners]]\nurl = \"https://gitlab.example.com/\"\ntoken = \"${T}\"\nexecutor = \"shell\"\npre_clone_script = \"echo hi\"\n";
    let at = |version: &str| run(&["lint", "--runner-version", version, "-"], Some(text));
    let removed = at("17.0");
    assert_eq!(removed.status.code(), Some(1));
    assert_eq!(
        stdout(&removed),
        "-:6:1: error[removed-key]: runners[0].pre_clone_script: pre_clone_script was removed in gitlab-runner 17.0; use pre_get_sources_script\n1 file: 1 error, 0 warnings, 0 notes\n"
    );
    assert_eq!(at("16.11").status.code(), Some(0));
    let wrong = at("latest");
    assert_eq!(wrong.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&wrong.stderr)
        .starts_with("error: --runner-version: \"latest\" is not a gitlab-runner version such as 17.5\n"));
}

#[test]
fn lint_a_fragment() {
    let snippet = "[[runners]]\nexecutor = \"shell\"\n";
    let output = run(&["lint", "--fragment", "-"], Some(snippet));
    assert_eq!((output.status.code(), stdout(&output).as_str()), (Some(0), "1 file: 0 errors, 0 warnings, 0 notes\n"));
}

#[test]
fn lint_points_at_bytes_that_are_not_utf8() {
    let dir = std::env::temp_dir().join(format!("grc-cli-utf8-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("latin1.toml");
    std::fs::write(&file, b"concurrent = 1\nlog_level = \"caf\xe9\"\n").unwrap();
    let output = run(&["lint", file.to_str().unwrap()], None);
    assert_eq!(output.status.code(), Some(1));
    let expected = format!(
        "{}:2:17: error[syntax]: not UTF-8 text: byte 0xE9 at offset 31\n1 file: 1 error, 0 warnings, 0 notes\n",
        file.display()
    );
    assert_eq!(stdout(&output), expected);
}

#[test]
fn lint_carries_on_past_a_missing_file() {
    let output = run(&["lint", "clean.toml", "missing.toml", "misspelled.toml"], None);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.starts_with("error: missing.toml: No such file or directory"), "{stderr}");
    assert!(stdout(&output).contains("misspelled.toml:8:3: error[unknown-key]"));
    assert!(stdout(&output).ends_with("3 files: 3 errors, 1 warning, 0 notes\n"));
}

#[test]
fn explain_a_code() {
    let output = run(&["explain", "unknown-key"], None);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout(&output),
        "unknown-key (error): A key gitlab-runner does not know in this table.\n\n\
         gitlab-runner ignores keys it does not know, so a misspelt key silently does nothing: the setting you meant is never applied. The message names the key you probably meant, or the table the key belongs in.\n\n\
         Problem:\n    [[runners]]\n      buids_dir = \"/builds\"\n\n\
         Fixed:\n    [[runners]]\n      builds_dir = \"/builds\"\n"
    );
    let unknown = run(&["explain", "frobnicate"], None);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr)
        .starts_with("error: unknown code \"frobnicate\"; the codes are syntax, wrong-type,"));
}

#[test]
fn lint_writes_a_gitlab_code_quality_report() {
    let output = run(&["lint", "--format", "gitlab", "misspelled.toml"], None);
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let entries = report.as_array().unwrap();
    assert_eq!(entries.len(), 4);
    let fingerprint = entries[1]["fingerprint"].as_str().unwrap().to_owned();
    assert_eq!(fingerprint.len(), 32);
    assert_eq!(
        entries[1],
        serde_json::json!({
            "description": "runners[0].buids_dir: unknown key; did you mean builds_dir?",
            "check_name": "unknown-key",
            "fingerprint": fingerprint,
            "severity": "major",
            "location": { "path": "misspelled.toml", "lines": { "begin": 8 } },
        })
    );
    // Fingerprints tell findings apart and stay the same from run to run.
    let again: serde_json::Value =
        serde_json::from_str(&stdout(&run(&["lint", "--format", "gitlab", "misspelled.toml"], None))).unwrap();
    assert_eq!(again, report);
    let mut all: Vec<&str> = entries.iter().map(|e| e["fingerprint"].as_str().unwrap()).collect();
    all.dedup();
    assert_eq!(all.len(), 4);
}

#[test]
fn lint_writes_sarif() {
    let output = run(&["lint", "--format", "sarif", "misspelled.toml"], None);
    let sarif: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "gitlab-runner-config");
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let result = &run["results"][1];
    assert_eq!(result["ruleId"], "unknown-key");
    assert_eq!(result["level"], "error");
    assert_eq!(
        result["locations"][0]["physicalLocation"],
        serde_json::json!({
            "artifactLocation": { "uri": "misspelled.toml" },
            "region": { "startLine": 8, "startColumn": 3, "endLine": 8, "endColumn": 12 },
        })
    );
    let rule = &run["tool"]["driver"]["rules"][result["ruleIndex"].as_u64().unwrap() as usize];
    assert_eq!(rule["id"], "unknown-key");
}

#[test]
fn lint_writes_github_workflow_commands() {
    let output = run(&["lint", "--format", "github", "misspelled.toml"], None);
    let lines: Vec<String> = stdout(&output).lines().map(str::to_owned).collect();
    assert_eq!(
        lines[1],
        "::error file=misspelled.toml,line=8,col=3,endLine=8,endColumn=12,title=unknown-key::runners[0].buids_dir: unknown key; did you mean builds_dir?"
    );
    assert!(lines[0].starts_with("::warning file=misspelled.toml,line=7,"));
}

#[test]
fn lint_severity_options() {
    let text = "[[runners]]\nurl = \"https://gitlab.example.com/\"\ntoken = \"${T}\"\nexecutor = \"shell\"\n";
    let notes = run(&["lint", "--min-severity", "info", "-"], Some(text));
    assert_eq!(
        (notes.status.code(), stdout(&notes).as_str()),
        (Some(0), "-: info[concurrent-unset]: concurrent: not set: gitlab-runner runs one job at a time\n1 file: 0 errors, 0 warnings, 1 note\n")
    );
    let strict = run(&["lint", "--fail-on", "info", "-"], Some(text));
    assert_eq!(strict.status.code(), Some(1));
    let never = run(&["lint", "--fail-on", "never", "misspelled.toml"], None);
    assert_eq!(never.status.code(), Some(0));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::Read;
    let mut child = Command::new(env!("CARGO_BIN_EXE_gitlab-runner-config"))
        .arg("schema")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 1];
    child.stdout.as_mut().unwrap().read_exact(&mut first).unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
    assert_ne!(output.status.code(), Some(101), "a panic");
}

#[test]
fn an_unknown_command_is_named() {
    let output = run(&["frobnicate"], None);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).starts_with("error: unknown command 'frobnicate'\n\nusage:"));
}

#[test]
fn convert_writes_a_file_atomically_and_nothing_on_failure() {
    let dir = std::env::temp_dir().join(format!("grc-cli-convert-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let target = dir.join("config.toml");
    let good = r#"{"concurrent": 1, "runners": [{"name": "r", "url": "https://gitlab.example.com/", "token": "${T}", "executor": "shell"}]}"#;
    let written = run(&["convert", "--from", "json", "--to", "toml", "-o", target.to_str().unwrap()], Some(good));
    assert_eq!((written.status.code(), stdout(&written).as_str()), (Some(0), ""));
    assert!(std::fs::read_to_string(&target).unwrap().starts_with("concurrent = 1\n"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&target).unwrap().permissions().mode() & 0o777, 0o600);
    }
    let bad = r#"{"concurrent": 1, "runners": [{"name": "r", "url": "https://gitlab.example.com/", "token": "${T}", "executor": "dockr"}]}"#;
    let refused = run(&["convert", "--from", "json", "--to", "toml", "-o", target.to_str().unwrap()], Some(bad));
    assert_eq!(refused.status.code(), Some(1));
    assert!(std::fs::read_to_string(&target).unwrap().contains("executor = \"shell\""));
    let left: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.file_name()).collect();
    assert_eq!(left.len(), 1, "{left:?}");
}

#[test]
fn lint_fix_renames_keys_keeps_comments_and_a_second_run_changes_nothing() {
    let directory = std::env::temp_dir().join(format!("grc-fix-{}", std::process::id()));
    std::fs::create_dir_all(&directory).unwrap();
    let file = directory.join("config.toml");
    let text = "[[runners]]\n  name = \"a\" # first\n  url = \"https://gitlab.example.com\"\n  token = \"${T}\"\n  executor = \"shell\"\n  # why\n  pre_clone_script = \"echo\" # old name\n  buids_dir = \"/b\"\n";
    std::fs::write(&file, text).unwrap();
    let path = file.to_str().unwrap();

    let diff = run(&["lint", "--diff", path], None);
    assert_eq!(diff.status.code(), Some(1));
    assert_eq!(
        stdout(&diff),
        format!("--- {path}\n+++ {path}\n@@ -4,5 +4,5 @@\n   token = \"${{T}}\"\n   executor = \"shell\"\n   # why\n-  pre_clone_script = \"echo\" # old name\n+  pre_get_sources_script = \"echo\" # old name\n   buids_dir = \"/b\"\n")
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text, "--diff writes nothing");

    let fixed = run(&["lint", "--fix", path], None);
    assert_eq!(String::from_utf8_lossy(&fixed.stderr), format!("fixed {path}\n"));
    assert!(stdout(&fixed).contains("error[unknown-key]: runners[0].buids_dir"), "{}", stdout(&fixed));
    let once = text.replace("pre_clone_script", "pre_get_sources_script");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), once);
    assert_eq!(run(&["lint", "--fix", path], None).stderr, b"");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), once, "a second --fix changes nothing");

    assert_eq!(run(&["lint", "--fix", "--unsafe-fixes", path], None).status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), once.replace("buids_dir", "builds_dir"));
    assert_eq!(run(&["lint", "--unsafe-fixes", path], None).status.code(), Some(2));
    std::fs::remove_dir_all(&directory).unwrap();
}

#[test]
fn fmt_and_lint_fix_keep_a_crlf_files_line_ends() {
    let directory = std::env::temp_dir().join(format!("grc-crlf-{}", std::process::id()));
    std::fs::create_dir_all(&directory).unwrap();
    let file = directory.join("config.toml");
    let path = file.to_str().unwrap();
    let edit = Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures/edit");
    let crlf = |name: &str| std::fs::read_to_string(edit.join(name)).unwrap().replace('\n', "\r\n");
    std::fs::write(&file, crlf("messy.toml")).unwrap();
    assert_eq!(run(&["fmt", "--check", path], None).status.code(), Some(1));
    assert_eq!(run(&["fmt", path], None).status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), crlf("messy.formatted.toml"));
    assert_eq!(run(&["fmt", "--check", path], None).status.code(), Some(0));

    let text = "[[runners]]\r\n  Name = \"a\" # first\r\n  url = \"https://gitlab.example.com\"\r\n  token = \"${T}\"\r\n  executor = \"shell\"\r\n";
    std::fs::write(&file, text).unwrap();
    assert_eq!(run(&["lint", "--fix", path], None).status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text.replace("Name", "name"));
    std::fs::remove_dir_all(&directory).unwrap();
}

#[test]
fn lint_fix_renames_a_table_header_written_in_another_letter_case() {
    let directory = std::env::temp_dir().join(format!("grc-fix-header-{}", std::process::id()));
    std::fs::create_dir_all(&directory).unwrap();
    let file = directory.join("config.toml");
    let path = file.to_str().unwrap();
    let text = "concurrent = 1\n\n[[Runners]] # one\n  name = \"a\"\n  url = \"https://gitlab.example.com\"\n  token = \"${T}\"\n  executor = \"docker\"\n  [Runners.Docker]\n    image = \"alpine\"\n  [Runners.Docker.sysctls]\n    \"net.core.somaxconn\" = \"1024\"\n";
    std::fs::write(&file, text).unwrap();
    let before = run(&["lint", path], None);
    assert_eq!(before.status.code(), Some(0));
    assert!(stdout(&before).contains("warning[key-case]: runners:"), "{}", stdout(&before));

    let fixed = run(&["lint", "--fix", path], None);
    assert_eq!(String::from_utf8_lossy(&fixed.stderr), format!("fixed {path}\n"));
    assert_eq!(stdout(&fixed), "1 file: 0 errors, 0 warnings, 0 notes\n");
    let once = text.replace("Runners", "runners").replace("Docker", "docker");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), once);
    assert_eq!(run(&["lint", "--fix", path], None).stderr, b"");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), once, "a second --fix changes nothing");
    std::fs::remove_dir_all(&directory).unwrap();
}

#[test]
fn lint_json_and_sarif_carry_each_fix_in_lines_and_columns() {
    let output = run(&["lint", "--format", "json", "letter_case.toml"], None);
    let findings: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let fixes: Vec<String> = findings.as_array().unwrap().iter().map(|f| f["fix"].to_string()).collect();
    assert_eq!(
        fixes,
        [
            r#"{"safe":true,"edits":[{"line":8,"column":3,"end_line":8,"end_column":13,"text":"builds_dir"}]}"#,
            r#"{"safe":true,"edits":[{"line":9,"column":12,"end_line":9,"end_column":18,"text":"docker"}]}"#,
        ]
    );
    // An unknown key with one close suggestion: an unsafe fix; a wrong type: none.
    let output = run(&["lint", "--format", "sarif", "misspelled.toml"], None);
    let sarif: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let fixes: Vec<String> =
        sarif["runs"][0]["results"].as_array().unwrap().iter().map(|r| r["fixes"].to_string()).collect();
    let buids_dir = concat!(
        r#"[{"description":{"text":"unsafe fix (lint --fix --unsafe-fixes)"},"artifactChanges":[{"#,
        r#""artifactLocation":{"uri":"misspelled.toml"},"replacements":[{"deletedRegion":"#,
        r#"{"startLine":8,"startColumn":3,"endLine":8,"endColumn":12},"insertedContent":{"text":"builds_dir"}}]}]}]"#
    );
    assert_eq!(fixes[0], "null");
    assert_eq!(fixes[1], buids_dir);
    assert!(fixes[2].contains(r#""insertedContent":{"text":"pull_policy"}"#), "{}", fixes[2]);
    assert_eq!(fixes[3], "null");
}
