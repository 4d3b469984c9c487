//! The renderer's layout rules, each on a small document.

use gitlab_runner_config::document::{Table, Value};
use gitlab_runner_config::schema::ROOT;
use gitlab_runner_config::{parse, render, UnknownKeys};

fn rendered(toml: &str) -> String {
    render(&parse(toml, UnknownKeys::Reject).unwrap_or_else(|e| panic!("{e:?}")))
}

#[test]
fn an_empty_config_is_an_empty_file() {
    assert_eq!(render(&Table::new(ROOT)), "");
}

#[test]
fn canonical_order_indentation_and_blank_lines() {
    let input = r#"
log_level = "debug"
concurrent = 2
[[runners]]
[runners.cache.s3]
SecretKey = "s"
ServerAddress = "a"
[runners.cache]
Shared = true
Type = "s3"
[runners.docker]
pull_policy = "always"
image = "alpine"
[[runners]]
executor = "shell"
name = "second"
[session_server]
session_timeout = 10
[[runners]]
[runners.custom_build_dir]
enabled = true
"#;
    assert_eq!(
        rendered(input),
        r#"concurrent = 2
log_level = "debug"

[[runners]]

  [runners.docker]
    image = "alpine"
    pull_policy = "always"

  [runners.cache]
    Type = "s3"
    Shared = true

    [runners.cache.s3]
      ServerAddress = "a"
      SecretKey = "s"

[[runners]]
  name = "second"
  executor = "shell"

[[runners]]

  [runners.custom_build_dir]
    enabled = true

[session_server]
  session_timeout = 10
"#
    );
}

#[test]
fn every_kind_of_value() {
    let input = r#"
[[runners]]
token_obtained_at = 2024-01-02T03:04:05Z
unhealthy_interval = 90000000000
feature_flags = { FF_TIMESTAMPS = true }
[runners.docker]
pull_policy = ["always", "never"]
cpu_shares = -5
services = []
sysctls = { "net.ipv4.ip_forward" = "1", plain_key = "2" }
[runners.autoscaler]
instance_creation_time_buckets = [1.0, 0.5, 1e-7, 1e20, -0.0]
plugin_config = { name = "x", nested = { deep = [1, 2], table = { a = "b" } }, list = [{ a = 1 }, { a = 2 }] }
[[runners.autoscaler.policy]]
scale_factor = inf
"#;
    assert_eq!(
        rendered(input),
        r#"
[[runners]]
  unhealthy_interval = 90000000000
  token_obtained_at = 2024-01-02T03:04:05Z

  [runners.docker]
    pull_policy = ["always", "never"]
    cpu_shares = -5
    services = []

    [runners.docker.sysctls]
      "net.ipv4.ip_forward" = "1"
      plain_key = "2"

  [runners.feature_flags]
    FF_TIMESTAMPS = true

  [runners.autoscaler]
    instance_creation_time_buckets = [1.0, 0.5, 1e-7, 1e20, -0.0]

    [runners.autoscaler.plugin_config]
      name = "x"

      [runners.autoscaler.plugin_config.nested]
        deep = [1, 2]

        [runners.autoscaler.plugin_config.nested.table]
          a = "b"

      [[runners.autoscaler.plugin_config.list]]
        a = 1

      [[runners.autoscaler.plugin_config.list]]
        a = 2

    [[runners.autoscaler.policy]]
      scale_factor = inf
"#
        .trim_start()
    );
}

#[test]
fn tables_built_in_rust() {
    let mut root = Table::new(ROOT);
    assert!(root.set("concurrent", Value::Integer(1)));
    assert!(!root.set("concurent", Value::Integer(1)));
    // Code names keys exactly and sets values of their kind: nothing else is taken.
    assert!(!root.set("CONCURRENT", Value::Integer(2)));
    assert!(!root.set("concurrent", Value::String("many".into())));
    assert!(!root.set("runners", Value::Tables(vec![Table::new(ROOT)])));
    assert_eq!(root.get("Concurrent"), None);
    assert_eq!(render(&root), "concurrent = 1\n");
}

#[test]
fn infinities_render_and_nan_is_refused() {
    let text = rendered("[[runners]]\n[[runners.autoscaler.policy]]\nscale_factor = -inf\n");
    assert!(text.contains("      scale_factor = -inf\n"), "{text}");
    // NaN equals nothing, not even itself: no setting of gitlab-runner's can mean it.
    let errors =
        parse("[[runners]]\n[[runners.autoscaler.policy]]\nscale_factor = nan\n", UnknownKeys::Reject).unwrap_err();
    assert_eq!(
        errors[0].to_string(),
        "runners[0].autoscaler.policy[0].scale_factor: NaN is not a number gitlab-runner can use (line 3, column 16)"
    );
}

#[test]
fn strings_are_escaped_per_toml_1_0() {
    let text = rendered("[[runners]]\nname = \"a\\\"b\\\\c\\nd\\te\\u0001f\\u007Fg\u{1F680}\"\n");
    assert_eq!(text, "[[runners]]\n  name = \"a\\\"b\\\\c\\nd\\te\\u0001f\\u007Fg\u{1F680}\"\n");
}

#[test]
fn unknown_keys_are_kept_in_lenient_mode_and_rejected_in_strict_mode() {
    let input = "concurrent = 1\nfuture_key = \"x\"\n[future_table]\na = 1\n[[runners]]\nexecutor = \"shell\"\nnew_key = true\n";
    let table = parse(input, UnknownKeys::Keep).unwrap();
    assert_eq!(
        render(&table),
        "concurrent = 1\nfuture_key = \"x\"\n\n[[runners]]\n  executor = \"shell\"\n  new_key = true\n\n[future_table]\n  a = 1\n"
    );
    let errors = parse(input, UnknownKeys::Reject).unwrap_err();
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "future_key: unknown key in Config (line 2, column 1)",
            "future_table: unknown key in Config (line 3, column 2)",
            "runners[0].new_key: unknown key in Runner (line 7, column 1)"
        ]
    );
}

#[test]
fn keys_in_another_letter_case_are_matched_and_written_as_gitlab_runner_spells_them() {
    let text = rendered("[[runners]]\n[runners.machine]\nidlecount = 3\nMACHINEDRIVER = \"x\"\n");
    assert_eq!(text, "[[runners]]\n\n  [runners.machine]\n    IdleCount = 3\n    MachineDriver = \"x\"\n");
    // Every key, tagged or not: gitlab-runner's decoder falls back to a case-insensitive match.
    let text = rendered("[[runners]]\nTOKEN = \"t\"\n[runners.cache]\ntype = \"s3\"\n");
    assert_eq!(text, "[[runners]]\n  token = \"t\"\n\n  [runners.cache]\n    Type = \"s3\"\n");
}

#[test]
fn rendering_is_stable() {
    let text = rendered("concurrent = 3\n[[runners]]\nname = \"x\"\n[runners.kubernetes]\nnamespace = \"ci\"\n[[runners.kubernetes.volumes.pvc]]\nname = \"c\"\nmount_path = \"/c\"\n");
    assert_eq!(rendered(&text), text);
}

/// Everything the renderer changes in a file beyond key order and blank lines, each on purpose:
/// gitlab-runner's own writer makes the same choices.
#[test]
fn what_rendering_changes_besides_order_and_blank_lines() {
    let input = r#"# comments are not kept
concurrent=4   # nor are trailing ones
[[runners]]
name     = 'literal strings become basic strings'
token_obtained_at = "2024-01-02T03:04:05Z"
environment = [
  "multi-line arrays",
  "become one line",
]
[runners.docker]
cpu_shares = 1_024
oom_score_adjust = 0x10
sysctls = { "quoted.when.needed" = "1", "bare" = "2" }
[runners.kubernetes.pod_security_context]
run_as_user = 1000
"#;
    assert_eq!(
        rendered(input),
        r#"concurrent = 4

[[runners]]
  name = "literal strings become basic strings"
  environment = ["multi-line arrays", "become one line"]
  token_obtained_at = 2024-01-02T03:04:05Z

  [runners.docker]
    cpu_shares = 1024
    oom_score_adjust = 16

    [runners.docker.sysctls]
      "quoted.when.needed" = "1"
      bare = "2"

  [runners.kubernetes]

    [runners.kubernetes.pod_security_context]
      run_as_user = 1000
"#
    );
}

#[test]
fn datetimes_are_written_in_toml_1_0_syntax() {
    // TOML 1.1 lets seconds out; TOML 1.0 readers (Python's tomllib) reject such a file.
    let runner = |value: &str| format!("[[runners]]\ntoken_obtained_at = {value}\n");
    for (written, rendered_as) in [
        ("2024-01-02T03:04Z", "2024-01-02T03:04:00Z"),
        ("\"2024-01-02T03:04Z\"", "2024-01-02T03:04:00Z"),
        ("2024-01-02T03:04+02:00", "2024-01-02T03:04:00+02:00"),
        ("2024-01-02T03:04:05.5Z", "2024-01-02T03:04:05.5Z"),
    ] {
        assert_eq!(rendered(&runner(written)), format!("[[runners]]\n  token_obtained_at = {rendered_as}\n"));
    }
}

#[test]
fn datetimes_gitlab_runner_or_toml_readers_refuse_are_errors() {
    let runner = |value: &str| format!("[[runners]]\ntoken_obtained_at = {value}\n");
    let message = |text: &str| parse(text, UnknownKeys::Reject).unwrap_err()[0].to_string();
    assert_eq!(
        message(&runner("2016-12-31T23:59:60Z")),
        "runners[0].token_obtained_at: invalid datetime: a leap second (second 60) is not accepted by gitlab-runner (line 2, column 21)"
    );
    assert_eq!(
        message(&runner("\"0000-01-01T00:00:00Z\"")),
        "runners[0].token_obtained_at: invalid datetime: year 0000 is out of range (the first year TOML readers accept is 0001) (line 2, column 21)"
    );
}
