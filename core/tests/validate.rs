//! Each validation rule on a small config: the exact findings, with their positions.

use gitlab_runner_config::{lint, Options, UnknownKeys};

fn findings(toml: &str) -> Vec<String> {
    lint(toml, &Options::default()).iter().map(ToString::to_string).collect()
}

const RUNNER: &str = "concurrent = 1\n[[runners]]\nurl = \"https://gitlab.example.com/\"\ntoken = \"${TOKEN}\"\n";

fn runner(rest: &str) -> String {
    format!("{RUNNER}{rest}")
}

#[test]
fn a_complete_config_has_no_findings() {
    let toml = runner(
        "executor = \"docker\"\nlimit = 1\n[runners.docker]\nimage = \"alpine\"\npull_policy = [\"always\"]\n[runners.cache]\nType = \"s3\"\n[runners.cache.s3]\nAccessKey = \"${KEY}\"\n",
    );
    assert_eq!(findings(&toml), Vec::<String>::new());
}

#[test]
fn executors_unknown_removed_and_deprecated() {
    assert_eq!(
        findings(&runner("executor = \"dockr\"\n")),
        ["5:1: error[unknown-executor]: runners[0].executor: unknown executor \"dockr\"; did you mean \"docker\"?"]
    );
    assert_eq!(
        findings(&runner("executor = \"docker-ssh\"\n[runners.docker]\n")),
        ["5:1: error[removed-executor]: runners[0].executor: the docker-ssh executor was removed in gitlab-runner 16.0; use docker"]
    );
    assert_eq!(
        findings(&runner("executor = \"docker+machine\"\n[runners.docker]\n[runners.machine]\nMachineDriver = \"x\"\n")),
        ["5:1: warning[deprecated-executor]: runners[0].executor: the docker+machine executor is deprecated in GitLab 17.5; use docker-autoscaler"]
    );
}

#[test]
fn executor_sections_missing_and_unused() {
    assert_eq!(
        findings(&runner("executor = \"docker-autoscaler\"\n[runners.docker]\n[runners.kubernetes]\n")),
        [
            "2:1: error[missing-executor-section]: runners[0].autoscaler: the docker-autoscaler executor needs a [runners.autoscaler] section",
            "7:10: warning[unused-executor-section]: runners[0].kubernetes: [runners.kubernetes] is ignored by the docker-autoscaler executor",
        ]
    );
    // The legitimate pairs: parallels and virtualbox read [runners.ssh]; instance reads
    // [runners.autoscaler]; docker+machine reads [runners.docker].
    for (executor, sections) in [
        ("parallels", "[runners.parallels]\n[runners.ssh]\n"),
        ("virtualbox", "[runners.virtualbox]\n[runners.ssh]\n"),
        ("instance", "[runners.autoscaler]\nplugin = \"p\"\n[runners.instance]\n"),
        ("docker-autoscaler", "[runners.docker]\n[runners.autoscaler]\nplugin = \"p\"\n"),
        ("ssh", "[runners.ssh]\n"),
        ("shell", ""),
    ] {
        assert_eq!(
            findings(&runner(&format!("executor = \"{executor}\"\n{sections}"))),
            Vec::<String>::new(),
            "{executor}"
        );
    }
}

#[test]
fn values_outside_the_allowed_sets() {
    let toml = r#"log_level = "verbose"
log_format = "xml"
concurrent = 1
[[runners]]
url = "https://gitlab.example.com/"
token = "${T}"
executor = "kubernetes"
shell = "fish"
[runners.kubernetes]
pull_policy = ["always", "sometimes"]
dns_policy = "cluster"
[[runners.kubernetes.pod_spec]]
patch_type = "yaml"
[runners.cache]
Type = "ftp"
[runners.cache.s3]
AuthenticationType = "password"
ServerSideEncryption = "ROT13"
"#;
    assert_eq!(
        findings(toml),
        [
            "1:1: error[invalid-value]: log_level: \"verbose\" is not one of \"panic\", \"fatal\", \"error\", \"warn\", \"warning\", \"info\", \"debug\", \"trace\"",
            "2:1: error[invalid-value]: log_format: \"xml\" is not one of \"runner\", \"text\", \"json\"",
            "8:1: error[invalid-value]: runners[0].shell: \"fish\" is not one of \"bash\", \"sh\", \"pwsh\", \"powershell\"",
            "10:26: error[invalid-value]: runners[0].kubernetes.pull_policy[1]: \"sometimes\" is not one of \"always\", \"never\", \"if-not-present\"",
            "11:1: error[invalid-value]: runners[0].kubernetes.dns_policy: \"cluster\" is not one of \"none\", \"default\", \"cluster-first\", \"cluster-first-with-host-net\"",
            "13:1: error[invalid-value]: runners[0].kubernetes.pod_spec[0].patch_type: \"yaml\" is not one of \"json\", \"merge\", \"strategic\"",
            "15:1: error[invalid-value]: runners[0].cache.Type: \"ftp\" is not one of \"s3\", \"gcs\", \"azure\"",
            "17:1: error[invalid-value]: runners[0].cache.s3.AuthenticationType: \"password\" is not one of \"access-key\", \"iam\"",
            "18:1: error[invalid-value]: runners[0].cache.s3.ServerSideEncryption: \"ROT13\" is not one of \"S3\", \"AES256\", \"KMS\", \"aws:kms\", \"DSSE-KMS\", \"aws:kms:dsse\"",
        ]
    );
}

#[test]
fn durations_and_types_are_reported_with_positions() {
    assert_eq!(
        findings(&runner("executor = \"shell\"\nunhealthy_interval = \"1d\"\nlimit = \"2\"\n")),
        [
            r#"6:22: error[invalid-value]: runners[0].unhealthy_interval: invalid duration "1d": unknown unit "d" (use ns, us, ms, s, m or h) (Go syntax, e.g. "1h30m")"#,
            "7:9: error[wrong-type]: runners[0].limit: expected integer, got string",
        ]
    );
}

#[test]
fn deprecated_keys_and_feature_flags() {
    let toml = runner(
        "executor = \"docker+machine\"\n[runners.docker]\n[runners.machine]\nOffPeakTimezone = \"UTC\"\n[runners.feature_flags]\nFF_TIMESTAMPS = true\nFF_TEST_FEATURE = true\nFF_TIMESTAMSP = true\n",
    );
    assert_eq!(
        findings(&toml),
        [
            "5:1: warning[deprecated-executor]: runners[0].executor: the docker+machine executor is deprecated in GitLab 17.5; use docker-autoscaler",
            "8:1: warning[deprecated-key]: runners[0].machine.OffPeakTimezone: deprecated; gitlab-runner is dropping it",
            "11:1: warning[deprecated-feature-flag]: runners[0].feature_flags.FF_TEST_FEATURE: deprecated feature flag",
            "12:1: warning[unknown-feature-flag]: runners[0].feature_flags.FF_TIMESTAMSP: unknown feature flag; did you mean FF_TIMESTAMPS?",
        ]
    );
}

#[test]
fn labels_syntax_and_limit() {
    let global: String = (0..30).map(|i| format!("label{i:02} = \"v\"\n")).collect();
    let toml = format!(
        "concurrent = 1\n[labels]\n{global}[[runners]]\nurl = \"https://x/\"\ntoken = \"${{T}}\"\nexecutor = \"shell\"\n[runners.labels]\nab = \"ok\"\nteam = \"a b\"\nlabel00 = \"own\"\nown = \"x\"\n"
    );
    assert_eq!(
        findings(&toml),
        [
            "37:10: error[too-many-labels]: runners[0].labels: 33 labels (with the global ones); GitLab accepts at most 32",
            "38:1: error[invalid-label]: runners[0].labels.ab: label keys are 3 to 65 letters, digits, '_', '.' or '-', starting with a letter, digit or '_'",
            "39:1: error[invalid-label]: runners[0].labels.team: label values are 1 to 256 letters, digits, '_', '.' or '-'",
        ]
    );
}

#[test]
fn required_keys() {
    let toml = "concurrent = 1\n[[runners]]\nname = \"fragment\"\n[runners.kubernetes]\n[[runners.kubernetes.volumes.nfs]]\nname = \"n\"\nmount_path = \"/n\"\n";
    assert_eq!(
        findings(toml),
        [
            "2:1: error[missing-key]: runners[0].url: missing; required in Runner",
            "2:1: error[missing-key]: runners[0].token: missing; required in Runner",
            "2:1: error[missing-key]: runners[0].executor: missing; required in Runner",
            "5:1: error[missing-key]: runners[0].kubernetes.volumes.nfs[0].server: missing; required in KubernetesNFS",
            "5:1: error[missing-key]: runners[0].kubernetes.volumes.nfs[0].path: missing; required in KubernetesNFS",
        ]
    );
}

#[test]
fn concurrency_urls_and_secrets() {
    let toml = "concurrent = 0\n[[runners]]\nurl = \"https://gitlab.example.com/ci\"\ntoken = \"glrt-abcdef\"\nexecutor = \"shell\"\nlimit = 2\n";
    let found = findings(toml);
    assert_eq!(
        found,
        [
            "1:1: error[concurrent-too-low]: concurrent: is 0; at least 1 is needed for any job to run",
            "3:1: warning[legacy-ci-url]: runners[0].url: the /ci suffix is a legacy form; use the GitLab instance's URL",
            "4:1: info[inline-secret]: runners[0].token: written in clear; keep it out of the file with a ${VARIABLE} filled in when it is deployed",
        ]
    );
    assert!(found.iter().all(|f| !f.contains("glrt-abcdef")), "a secret leaked into a message");
    let toml = "concurrent = 2\n[[runners]]\nurl = \"https://x/\"\ntoken = \"${T}\"\nexecutor = \"shell\"\nlimit = 2\n[[runners]]\nurl = \"https://x/\"\ntoken = \"${T2}\"\nexecutor = \"shell\"\nlimit = 3\n";
    assert_eq!(
        findings(toml),
        ["1:1: warning[concurrent-below-limits]: concurrent: is 2 but the runners' limits add up to 5: at most 2 jobs run at once"]
    );
}

#[test]
fn keys_gitlab_runner_matches_ignoring_case() {
    let toml = runner("executor = \"docker+machine\"\n[runners.docker]\n[runners.machine]\nidlecount = 2\n");
    assert_eq!(
        findings(&toml)[1],
        "8:1: warning[key-case]: runners[0].machine.IdleCount: written as \"idlecount\"; gitlab-runner matches it ignoring letter case, but spells it IdleCount"
    );
}

#[test]
fn syntax_errors_stop_the_other_checks() {
    let found = findings("concurrent = = 1\nlog_level = \"verbose\"\n");
    assert!(!found.is_empty() && found.iter().all(|f| f.contains("error[syntax]")), "{found:?}");
    assert!(found[0].starts_with("1:14: error[syntax]: "), "{found:?}");
}

#[test]
fn executors_that_need_their_section() {
    assert_eq!(
        findings(&runner("executor = \"docker\"\n")),
        ["2:1: error[missing-executor-section]: runners[0].docker: the docker executor needs a [runners.docker] section"]
    );
    assert_eq!(
        findings(&runner("executor = \"docker-autoscaler\"\n[runners.autoscaler]\nplugin = \"p\"\n")),
        ["2:1: error[missing-executor-section]: runners[0].docker: the docker-autoscaler executor needs a [runners.docker] section"]
    );
}

#[test]
fn cache_type_and_backend_go_together() {
    assert_eq!(
        findings(&runner("executor = \"shell\"\n[runners.cache.s3]\nBucketName = \"b\"\n")),
        ["6:16: warning[cache-backend-unused]: runners[0].cache.s3: [runners.cache.s3] is ignored without Type = \"s3\""]
    );
    assert_eq!(
        findings(&runner("executor = \"shell\"\n[runners.cache]\nType = \"gcs\"\n[runners.cache.s3]\nBucketName = \"b\"\n")),
        [
            "7:1: warning[cache-backend-missing]: runners[0].cache.Type: Type is \"gcs\" but there is no [runners.cache.gcs] section to say where",
            "8:16: warning[cache-backend-unused]: runners[0].cache.s3: [runners.cache.s3] is ignored: Type is \"gcs\"",
        ]
    );
}

#[test]
fn a_key_of_the_wrong_type_is_not_also_missing() {
    assert_eq!(
        findings("concurrent = 1\n[[runners]]\nurl = 5\ntoken = \"${T}\"\nexecutor = \"shell\"\n"),
        ["3:7: error[wrong-type]: runners[0].url: expected string, got integer"]
    );
}

#[test]
fn keys_in_the_wrong_table_say_where_they_belong() {
    assert_eq!(
        findings("concurrent = 1\ndns = [\"8.8.8.8\"]\n"),
        ["2:1: error[unknown-key]: dns: unknown key in Config; dns belongs in [runners.docker]"]
    );
}

#[test]
fn lenient_mode_keeps_unknown_keys_and_still_says_so() {
    assert_eq!(
        lint(
            &runner("executor = \"shell\"\nbuids_dir = \"/b\"\n"),
            &Options { unknown: UnknownKeys::Keep, ..Options::default() }
        )
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>(),
        ["6:1: warning[unknown-key]: runners[0].buids_dir: unknown key; did you mean builds_dir?"]
    );
}

#[test]
fn runner_limits_that_overflow_when_added() {
    let toml = "concurrent = 2\n[[runners]]\nurl = \"https://x/\"\ntoken = \"${T}\"\nexecutor = \"shell\"\nlimit = 9223372036854775807\n[[runners]]\nurl = \"https://x/\"\ntoken = \"${T2}\"\nexecutor = \"shell\"\nlimit = 9223372036854775807\n";
    assert_eq!(
        findings(toml),
        ["1:1: warning[concurrent-below-limits]: concurrent: is 2 but the runners' limits add up to 9223372036854775807: at most 2 jobs run at once"]
    );
}

fn findings_at(version: &str, toml: &str) -> Vec<String> {
    let options = Options { runner_version: version.parse().unwrap(), ..Options::default() };
    lint(toml, &options).iter().map(ToString::to_string).collect()
}

#[test]
fn keys_the_targeted_release_does_not_know_yet() {
    let toml = runner(
        "executor = \"kubernetes\"\n[runners.kubernetes]\npod_disruption_budget = true\n[runners.kubernetes.autoscaler]\nmax_pause_pods = 1\n",
    );
    assert_eq!(
        findings_at("18.10", &toml),
        [
            "7:1: error[key-too-new]: runners[0].kubernetes.pod_disruption_budget: pod_disruption_budget was added in gitlab-runner 18.11; this config targets 18.10, which ignores it",
            "8:21: error[key-too-new]: runners[0].kubernetes.autoscaler: autoscaler was added in gitlab-runner 18.11; this config targets 18.10, which ignores it",
        ]
    );
    assert_eq!(findings_at("18.11", &toml), Vec::<String>::new());
    assert_eq!(findings(&toml), Vec::<String>::new());
}

#[test]
fn removed_keys_say_what_replaced_them() {
    let toml = runner("executor = \"shell\"\npre_clone_script = \"echo hi\"\n");
    assert_eq!(
        findings_at("17.0", &toml),
        ["6:1: error[removed-key]: runners[0].pre_clone_script: pre_clone_script was removed in gitlab-runner 17.0; use pre_get_sources_script"]
    );
    assert_eq!(
        findings_at("16.11", &toml),
        ["6:1: warning[deprecated-key]: runners[0].pre_clone_script: pre_clone_script is removed in gitlab-runner 17.0; use pre_get_sources_script"]
    );
    // Before pre_get_sources_script existed, pre_clone_script was simply the key.
    assert_eq!(findings_at("15.8", &toml), Vec::<String>::new());
    // Kept through a strict parse, so nothing the user wrote is lost.
    let table = gitlab_runner_config::parse(&toml, UnknownKeys::Reject).unwrap();
    assert!(gitlab_runner_config::render(&table).contains("pre_clone_script = \"echo hi\""));
}

#[test]
fn executors_the_targeted_release_has() {
    let docker_ssh = runner("executor = \"docker-ssh\"\n[runners.docker]\n");
    assert_eq!(
        findings_at("16.0", &docker_ssh),
        ["5:1: error[removed-executor]: runners[0].executor: the docker-ssh executor was removed in gitlab-runner 16.0; use docker"]
    );
    assert_eq!(
        findings_at("15.11", &docker_ssh),
        ["5:1: warning[deprecated-executor]: runners[0].executor: the docker-ssh executor is removed in gitlab-runner 16.0; use docker"]
    );
    let autoscaler =
        runner("executor = \"docker-autoscaler\"\n[runners.docker]\n[runners.autoscaler]\nplugin = \"p\"\n");
    assert_eq!(
        findings_at("15.10", &autoscaler),
        ["5:1: error[executor-too-new]: runners[0].executor: the docker-autoscaler executor came in gitlab-runner 15.11; this config targets 15.10"]
    );
}

#[test]
fn values_in_a_kind_the_targeted_release_does_not_read() {
    let toml = runner("executor = \"docker\"\n[runners.docker]\npull_policy = [\"always\", \"if-not-present\"]\n");
    assert_eq!(
        findings_at("13.7", &toml),
        ["7:1: error[kind-too-new]: runners[0].docker.pull_policy: written this way since gitlab-runner 13.8; 13.7 reads pull_policy as one string"]
    );
    assert_eq!(findings_at("13.8", &toml), Vec::<String>::new());
    let one = runner("executor = \"docker\"\n[runners.docker]\npull_policy = \"always\"\n");
    assert_eq!(findings_at("13.7", &one), Vec::<String>::new());
}

#[test]
fn fragments_need_not_be_whole_configs() {
    let snippet = "[[runners]]\nexecutor = \"docker\"\n[runners.docker]\nimage = \"alpine\"\n";
    let fragment = Options { fragment: true, ..Options::default() };
    let as_fragment: Vec<String> = lint(snippet, &fragment).iter().map(ToString::to_string).collect();
    assert_eq!(as_fragment, Vec::<String>::new());
    assert_eq!(
        findings(snippet),
        [
            "concurrent: not set: gitlab-runner runs one job at a time"
                .replace("concurrent", "info[concurrent-unset]: concurrent"),
            "1:1: error[missing-key]: runners[0].url: missing; required in Runner".into(),
            "1:1: error[missing-key]: runners[0].token: missing; required in Runner".into(),
        ]
    );
}

/// Each finding with its range: `start-end: severity[code]: path: message`, columns included.
fn ranged(toml: &str) -> Vec<String> {
    lint(toml, &Options::default())
        .iter()
        .map(|d| {
            let r = d.range.expect("a range");
            format!("{}:{}-{}:{} {d}", r.start.line, r.start.column, r.end.line, r.end.column)
        })
        .collect()
}

#[test]
fn urls_need_a_scheme_and_a_host() {
    assert_eq!(
        ranged(&format!(
            "{}executor = \"shell\"\nclone_url = \"ftp://gitlab.example.com\"\n",
            RUNNER.replace("https://gitlab.example.com/", "gitlab.example.com")
        )),
        [
            "3:1-3:27 3:1: error[invalid-url]: runners[0].url: \"gitlab.example.com\" has no scheme; write the GitLab URL in full, such as \"https://gitlab.example.com/\"",
            "6:1-6:39 6:1: error[invalid-url]: runners[0].clone_url: \"ftp://gitlab.example.com\" is not an http or https URL",
        ]
    );
    let fine = runner("executor = \"shell\"\nclone_url = \"http://10.0.0.5:8080\"\n");
    assert_eq!(findings(&fine), Vec::<String>::new());
    // A placeholder filled in when the file is deployed is not checked.
    let placeholder = runner("executor = \"shell\"\n").replace("https://gitlab.example.com/", "${CI_SERVER_URL}");
    assert_eq!(findings(&placeholder), Vec::<String>::new());
}

#[test]
fn runner_names_and_tokens_must_tell_runners_apart() {
    let toml = "concurrent = 2\n[[runners]]\nname = \"a\"\nurl = \"https://x/\"\ntoken = \"glrt-s3cr3t\"\nexecutor = \"shell\"\n[[runners]]\nname = \"a\"\nurl = \"https://x/\"\ntoken = \"glrt-s3cr3t\"\nexecutor = \"shell\"\n";
    assert_eq!(
        ranged(toml),
        [
            "5:1-5:22 5:1: info[inline-secret]: runners[0].token: written in clear; keep it out of the file with a ${VARIABLE} filled in when it is deployed",
            "8:1-8:11 8:1: warning[duplicate-runner-name]: runners[1].name: the same name as runners[0]; runners are told apart by name in logs and commands",
            "10:1-10:22 10:1: info[inline-secret]: runners[1].token: written in clear; keep it out of the file with a ${VARIABLE} filled in when it is deployed",
            "10:1-10:6 10:1: error[duplicate-token]: runners[1].token: the same token as runners[0]; each runner needs its own",
        ]
    );
    assert!(findings(toml).iter().all(|f| !f.contains("s3cr3t")), "a token leaked into a message");
    let apart = toml.replacen("\"a\"", "\"b\"", 1).replacen("glrt-s3cr3t", "${T2}", 1).replace("glrt-s3cr3t", "${T1}");
    assert_eq!(findings(&apart), Vec::<String>::new());
    // The same placeholder may be filled in differently for each runner.
    let placeholders = toml.replace("glrt-s3cr3t", "${RUNNER_TOKEN}").replacen("\"a\"", "\"b\"", 1);
    assert_eq!(findings(&placeholders), Vec::<String>::new());
}

#[test]
fn numbers_gitlab_runner_refuses_or_ignores() {
    let toml = runner(
        "executor = \"kubernetes\"\nlimit = -1\nrequest_concurrency = 0\nunhealthy_interval = \"-5m\"\n[runners.kubernetes]\n[runners.kubernetes.pod_security_context]\nsupplemental_groups = [1000, -1]\n[[runners.kubernetes.affinity.node_affinity.preferred_during_scheduling_ignored_during_execution]]\nweight = 2147483648\n[[runners.kubernetes.affinity.pod_affinity.preferred_during_scheduling_ignored_during_execution]]\nweight = 101\n[runners.machine]\nIdleScaleFactor = inf\n",
    );
    assert_eq!(
        ranged(&toml),
        [
            "6:1-6:11 6:1: error[out-of-range]: runners[0].limit: is -1; limit cannot be below 0",
            "7:1-7:24 7:1: error[out-of-range]: runners[0].request_concurrency: is 0; request_concurrency cannot be below 1",
            "8:1-8:27 8:1: error[out-of-range]: runners[0].unhealthy_interval: unhealthy_interval cannot be a negative duration",
            "11:30-11:32 11:30: error[out-of-range]: runners[0].kubernetes.pod_security_context.supplemental_groups[1]: is -1; supplemental_groups cannot be below 0",
            "13:1-13:20 13:1: error[out-of-range]: runners[0].kubernetes.affinity.node_affinity.preferred_during_scheduling_ignored_during_execution[0].weight: 2147483648 does not fit weight's Go type (int32, -2147483648 to 2147483647): gitlab-runner refuses the whole file",
            "15:1-15:13 15:1: error[out-of-range]: runners[0].kubernetes.affinity.pod_affinity.preferred_during_scheduling_ignored_during_execution[0].weight: is 101; weight takes 1 to 100",
            "16:10-16:17 16:10: warning[unused-executor-section]: runners[0].machine: [runners.machine] is ignored by the kubernetes executor",
            "17:1-17:22 17:1: error[out-of-range]: runners[0].machine.IdleScaleFactor: is inf; IdleScaleFactor needs a finite number",
        ]
    );
    let fine = runner(
        "executor = \"docker\"\nlimit = 0\nrequest_concurrency = 1\n[runners.docker]\nimage = \"a\"\nwait_for_services_timeout = -1\nservices_limit = -1\nshm_size = 0\n[runners.cache]\nType = \"s3\"\n[runners.cache.s3]\nAssumeRoleMaxConcurrency = -1\n",
    );
    assert_eq!(findings(&fine), Vec::<String>::new());
}

#[test]
fn kubernetes_quantities_and_docker_sizes() {
    let toml = runner(
        "executor = \"kubernetes\"\n[runners.kubernetes]\ncpu_limit = \"500m\"\nmemory_limit = \"4GB\"\nhelper_cpu_request = \"two\"\nservice_memory_request_overwrite_max_allowed = \"-1Gi\"\nephemeral_storage_limit = \"2e3\"\ncpu_request = \"1.5\"\n[runners.docker]\nmemory = \"512m\"\nmemory_swap = \"2 gigs\"\nmemory_reservation = \"1.5GiB\"\nservice_memory = \"-1\"\nservice_memory_swap = \"1e3 KB\"\n",
    );
    assert_eq!(
        ranged(&toml),
        [
            "8:1-8:21 8:1: error[invalid-quantity]: runners[0].kubernetes.memory_limit: \"4GB\" is not a Kubernetes quantity (unknown suffix); write a number with an optional suffix such as \"500m\", \"1.5\" or \"4Gi\"",
            "9:1-9:27 9:1: error[invalid-quantity]: runners[0].kubernetes.helper_cpu_request: \"two\" is not a Kubernetes quantity (it does not start with a number); write a number with an optional suffix such as \"500m\", \"1.5\" or \"4Gi\"",
            "10:1-10:54 10:1: error[invalid-quantity]: runners[0].kubernetes.service_memory_request_overwrite_max_allowed: \"-1Gi\" is not a Kubernetes quantity (a resource cannot be negative); write a number with an optional suffix such as \"500m\", \"1.5\" or \"4Gi\"",
            "13:10-13:16 13:10: warning[unused-executor-section]: runners[0].docker: [runners.docker] is ignored by the kubernetes executor",
            "15:1-15:23 15:1: error[invalid-size]: runners[0].docker.memory_swap: \"2 gigs\" is not a size Docker reads for memory_swap; write a number of bytes with an optional unit b, k, m, g, t or p (\"512m\", \"2g\")",
            "17:1-17:22 17:1: error[invalid-size]: runners[0].docker.service_memory: \"-1\" is not a size Docker reads for service_memory; write a number of bytes with an optional unit b, k, m, g, t or p (\"512m\", \"2g\")",
        ]
    );
}

#[test]
fn environment_entries_and_docker_auth_config() {
    let toml = runner(
        "executor = \"docker\"\nenvironment = [\"GIT_DEPTH=10\", \"GIT_DEPTH 10\", \"=x\", 'DOCKER_AUTH_CONFIG={\"auths\": {\"r.example.com\": {\"auth\": \"c2VjcmV0\"}}}']\n[runners.docker]\nimage = \"a\"\n[[runners.docker.services]]\nname = \"db\"\nenvironment = ['DOCKER_AUTH_CONFIG={\"auth\": \"c2VjcmV0\"}', \"DOCKER_AUTH_CONFIG={\\\"auths\\\": c2VjcmV0}\"]\n",
    );
    assert_eq!(
        ranged(&toml),
        [
            "6:32-6:46 6:32: error[invalid-environment]: runners[0].environment[1]: not NAME=value: gitlab-runner drops an entry without '='",
            "6:48-6:52 6:48: error[invalid-environment]: runners[0].environment[2]: not NAME=value: the name before '=' is empty or holds spaces",
            // Inside the literal string: the JSON after `DOCKER_AUTH_CONFIG=`.
            "11:36-11:56 11:36: error[invalid-docker-auth]: runners[0].docker.services[0].environment[0]: DOCKER_AUTH_CONFIG has no \"auths\" object (nor credHelpers or credsStore): Docker finds no credentials in it",
            // A string with escapes: its bytes are not the text's, so the whole string.
            "11:59-11:101 11:59: error[invalid-docker-auth]: runners[0].docker.services[0].environment[1]: DOCKER_AUTH_CONFIG is not JSON (from byte 10 of the value)",
        ]
    );
    assert!(findings(&toml).iter().all(|f| !f.contains("c2VjcmV0")), "a credential leaked into a message");
}
