use crate::schema::build::*;

pub static RUNNER: Struct = Struct {
    class: "Runner",
    // Mirrors gitlab-runner's `common.RunnerConfig`.
    doc: "One registered runner worker and its executor settings ([[runners]]).",
    python: Python { order: &["name", "url", "token", "executor", "limit", "request_concurrency", "output_limit", "shell", "builds_dir", "cache_dir", "environment", "clone_url", "docker", "kubernetes", "cache"],
        required: 4,
    },
    fields: &[
        f("name", String)
            .doc("Human-readable description of this runner entry."),
        f("url", String).url().required()
            .doc("URL of the GitLab instance this runner is registered with."),
        f("token", String).required().secret()
            .doc("Runner authentication token used to talk to GitLab; keep secret."),
        f("executor", String).required().allowed(&crate::schema::EXECUTOR_NAMES).enumeration("Executor")
            .doc("Executor used to run jobs, for example shell, docker, kubernetes or docker-autoscaler."),
        f("limit", Integer).minimum(0).default(Int(0))
            .doc("Maximum number of jobs this runner entry handles concurrently; 0 means no limit."),
        f("output_limit", Integer).minimum(0).default(Int(4096))
            .doc("Maximum size of a job log, in kilobytes; default 4096."),
        f("builds_dir", String)
            .doc("Absolute path where builds are stored, in the context of the executor."),
        f("cache_dir", String)
            .doc("Absolute path where build caches are stored, in the context of the executor."),
        f("environment", Strings).environment()
            .doc("Extra environment variables for jobs, as a list of NAME=value strings."),
        f("pre_get_sources_script", String).since(15, 9)
            .doc("Commands run on the runner before the Git repository and submodules are updated."),
        f("pre_build_script", String)
            .doc("Commands run in the build environment just before the job script."),
        f("post_build_script", String)
            .doc("Commands run in the build environment just after the job script, before after_script."),
        f("docker", Table(&super::docker::DOCKER_CONFIG))
            .doc("Settings of the Docker executor ([runners.docker])."),
        f("request_concurrency", Integer).minimum(1).default(Int(1))
            .doc("Maximum number of simultaneous new-job requests sent to GitLab; default 1, minimum 1."),
        f("strict_check_interval", Boolean).since(18, 9).default(Bool(false))
            .doc("If true, always wait check_interval between job polls, even right after receiving a job."),
        f("unhealthy_requests_limit", Integer).minimum(0).since(15, 7).default(Int(3))
            .doc("Consecutive unhealthy job-request responses before this worker is paused; values below 1 mean 3."),
        f("unhealthy_interval", Duration).since(15, 7).default(Str("60m"))
            .doc("How long a worker stays paused after hitting unhealthy_requests_limit; default 60m."),
        f("job_status_final_update_retry_limit", Integer).minimum(0).since(17, 9).default(Int(10))
            .doc("Maximum retries when sending the final job status to GitLab; values below 1 mean 10."),
        f("experimental", Table(&RUNNER_EXPERIMENTAL)).since(19, 2)
            .doc("Experimental per-runner features ([runners.experimental])."),
        f("id", Integer).since(15, 3)
            .doc("Numeric runner ID assigned by GitLab at registration."),
        f("token_obtained_at", Datetime).since(15, 3)
            .doc("Timestamp when the runner token was obtained."),
        f("token_expires_at", Datetime).since(15, 3)
            .doc("Timestamp when the runner token expires; a zero time means it does not expire."),
        f("tls-ca-file", String).name("tls_ca_file")
            .doc("Path to a PEM file of CA certificates used to verify the GitLab server over HTTPS."),
        f("tls-cert-file", String).name("tls_cert_file")
            .doc("Path to the client certificate for TLS client authentication with GitLab."),
        f("tls-key-file", String).name("tls_key_file")
            .doc("Path to the private key for TLS client authentication with GitLab."),
        f("labels", Map(MapOf::String)).since(18, 5)
            .doc("Custom key-value labels for this runner; keys override the global labels."),
        f("clone_url", String).url()
            .doc("URL used instead of the instance URL when cloning or fetching the Git repository."),
        f("proxy_exec", Boolean).since(17, 10).default(Bool(false))
            .doc("Experimental: run job commands through the helper binary as a proxy."),
        f("post_get_sources_script", String).since(15, 9)
            .doc("Commands run on the runner after the Git repository and submodules are updated."),
        f("prepare_timeout", Duration).since(19, 0)
            .doc("Time limit for the prepare stage; falls back to the job timeout if unset, zero or larger."),
        f("get_sources_timeout", Duration).since(19, 1)
            .doc("Time limit for fetching sources; falls back to the job timeout if unset, zero or larger."),
        f("debug_trace_disabled", Boolean).default(Bool(false))
            .doc("If true, jobs cannot enable debug tracing through CI_DEBUG_TRACE."),
        f("safe_directory_checkout", Boolean).since(16, 3).default(Bool(false))
            .doc("If true, adds a Git safe.directory entry for the job working directory."),
        f("clean_git_config", Boolean).since(17, 8)
            .doc("Clean Git configuration before and after builds; default true except shell executor or GIT_STRATEGY=none."),
        f("shell", String).allowed(&["bash", "sh", "pwsh", "powershell"])
            .doc("Shell used to generate job scripts (bash, sh, pwsh, powershell); default depends on platform and executor."),
        f("custom_build_dir", Table(&CUSTOM_BUILD_DIR))
            .doc("Settings for job-defined build directories ([runners.custom_build_dir])."),
        f("referees", Table(&REFEREES_CONFIG)).since(12, 7)
            .doc("Settings for referees that collect extra job data such as metrics ([runners.referees])."),
        f("cache", Table(&super::cache::CACHE_CONFIG))
            .doc("Distributed cache settings ([runners.cache])."),
        f("artifact", Table(&ARTIFACT_CONFIG)).since(18, 10)
            .doc("Artifact upload settings ([runners.artifact])."),
        f("feature_flags", Map(MapOf::Boolean)).since(13, 11).feature_flags().allowed(crate::schema::feature_flags::NAMES)
            .doc("Map of feature flag names to true or false, overriding their defaults for this runner."),
        f("monitoring", Table(&MONITORING_CONFIG)).since(16, 10)
            .doc("Experimental monitoring settings for this runner ([runners.monitoring])."),
        f("use_slot_cgroups", Boolean).since(18, 6).default(Bool(false))
            .doc("Place each job in a cgroup derived from its autoscaler slot, for resource isolation."),
        f("slot_cgroup_template", String).since(18, 6).default(Str("gitlab-runner/slot-${slot}"))
            .doc("Cgroup name template for slot-based cgroups, with a ${slot} placeholder; default gitlab-runner/slot-${slot}."),
        f("instance", Table(&super::other_executors::INSTANCE_CONFIG)).since(15, 8)
            .doc("Settings of the instance executor ([runners.instance])."),
        f("ssh", Table(&super::other_executors::SSH_CONFIG))
            .doc("SSH connection settings for the SSH executor and VM executors ([runners.ssh])."),
        f("parallels", Table(&super::other_executors::PARALLELS_CONFIG))
            .doc("Settings of the Parallels executor ([runners.parallels])."),
        f("virtualbox", Table(&super::other_executors::VIRTUAL_BOX_CONFIG))
            .doc("Settings of the VirtualBox executor ([runners.virtualbox])."),
        f("machine", Table(&super::docker_machine::DOCKER_MACHINE_CONFIG))
            .doc("Docker Machine autoscaling settings for the docker+machine executor ([runners.machine])."),
        f("kubernetes", Table(&super::kubernetes::KUBERNETES_CONFIG))
            .doc("Settings of the Kubernetes executor ([runners.kubernetes])."),
        f("custom", Table(&super::other_executors::CUSTOM_CONFIG)).since(12, 1)
            .doc("Settings of the Custom executor ([runners.custom])."),
        f("autoscaler", Table(&super::autoscaler::AUTOSCALER_CONFIG)).since(15, 5)
            .doc("Fleeting-based autoscaler settings for instance and docker-autoscaler executors ([runners.autoscaler])."),
        f("step_runner_image", String).since(17, 9)
            .doc("Advanced: image that supplies the step-runner binary injected into the build container."),
    ],
};

pub static RUNNER_EXPERIMENTAL: Struct = Struct {
    class: "RunnerExperimental",
    // Mirrors gitlab-runner's `common.RunnerExperimental`.
    doc: "Experimental per-runner features ([runners.experimental]); may change without notice.",
    python: Python::NONE,
    fields: &[f("boot_verify", Table(&BOOT_VERIFY)).since(19, 2).doc(
        "Startup check that runs a synthetic job before the runner reports ready ([runners.experimental.boot_verify]).",
    )],
};

pub static BOOT_VERIFY: Struct = Struct {
    class: "BootVerify",
    // Mirrors gitlab-runner's `common.BootVerify`.
    doc: "Boot verification: run a synthetic canary job at startup ([runners.experimental.boot_verify]).",
    python: Python::NONE,
    fields: &[
        f("enabled", Boolean)
            .since(19, 2)
            .default(Bool(false))
            .doc("Turn on the boot verification canary job for this runner."),
        f("timeout", Duration)
            .since(19, 2)
            .default(Str("5m"))
            .doc("Maximum time the boot verification may take before it fails; default 5m."),
        f("acquire_min_backoff", Duration)
            .since(19, 2)
            .default(Str("1s"))
            .doc("Initial wait between retries when acquiring capacity for the verification job; default 1s."),
        f("acquire_max_backoff", Duration)
            .since(19, 2)
            .default(Str("10s"))
            .doc("Upper bound of the retry wait when acquiring capacity for the verification job; default 10s."),
    ],
};

pub static CUSTOM_BUILD_DIR: Struct = Struct {
    class: "CustomBuildDir",
    // Mirrors gitlab-runner's `common.CustomBuildDir`.
    doc: "Settings for custom, job-defined build directories ([runners.custom_build_dir]).",
    python: Python::NONE,
    fields: &[f("enabled", Boolean)
        .default(Bool(false))
        .doc("Allow jobs to choose their own build directory through GIT_CLONE_PATH.")],
};

pub static REFEREES_CONFIG: Struct = Struct {
    class: "RefereesConfig",
    // Mirrors gitlab-runner's `referees.Config`.
    doc: "Referees that gather extra data about jobs ([runners.referees]).",
    python: Python::NONE,
    fields: &[f("metrics", Table(&METRICS_REFEREE_CONFIG))
        .since(12, 7)
        .doc("Prometheus metrics referee settings ([runners.referees.metrics]).")],
};

pub static METRICS_REFEREE_CONFIG: Struct = Struct {
    class: "MetricsRefereeConfig",
    // Mirrors gitlab-runner's `referees.MetricsRefereeConfig`.
    doc: "Metrics referee that queries Prometheus for job resource data ([runners.referees.metrics]).",
    python: Python::NONE,
    fields: &[
        f("prometheus_address", String).since(12, 7).doc("Address of the Prometheus server to query for job metrics."),
        f("query_interval", Integer)
            .minimum(0)
            .since(12, 7)
            .doc("Step between data points when querying Prometheus for a job, in seconds."),
        f("queries", Strings).since(12, 7).doc("PromQL queries to run, each written as name:query."),
    ],
};

pub static ARTIFACT_CONFIG: Struct = Struct {
    class: "ArtifactConfig",
    // Mirrors gitlab-runner's `common.ArtifactConfig`.
    doc: "Artifact upload settings ([runners.artifact]).",
    python: Python::NONE,
    fields: &[
        f("upload_timeout", Duration)
            .since(18, 10)
            .default(Str("1h"))
            .doc("Maximum time allowed for an artifact upload; default 1h."),
        f("response_header_timeout", Duration)
            .since(18, 10)
            .default(Str("10m"))
            .doc("How long to wait for the server response headers during an artifact upload; default 10m."),
    ],
};

pub static MONITORING_CONFIG: Struct = Struct {
    class: "MonitoringConfig",
    // Mirrors gitlab-runner's `common/config/runner.Monitoring`.
    doc: "Experimental per-runner monitoring settings ([runners.monitoring]).",
    python: Python::NONE,
    fields: &[f("job_queuing_durations", Tables(&JOB_QUEUING_DURATION))
        .since(16, 10)
        .doc("List of job queuing time thresholds, each active in given periods; the last matching entry wins.")],
};

pub static JOB_QUEUING_DURATION: Struct = Struct {
    class: "JobQueuingDuration",
    // Mirrors gitlab-runner's `common/config/runner/monitoring.JobQueuingDuration`.
    doc: "One job queuing duration threshold rule ([[runners.monitoring.job_queuing_durations]]).",
    python: Python::NONE,
    fields: &[
        f("periods", Strings).since(16, 10).doc("Cron-style time periods during which this rule is active."),
        f("timezone", String).since(16, 10).doc("Timezone used to evaluate the periods of this rule."),
        f("threshold", Duration)
            .since(16, 10)
            .doc("Queuing time above which a job counts as exceeding the acceptable duration."),
        f("jobs_running_for_project", String)
            .since(16, 10)
            .doc("Regex matched against the job count running for the project; limits which jobs the rule applies to."),
    ],
};
