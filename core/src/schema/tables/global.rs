use crate::schema::build::*;

pub static CONFIG: Struct = Struct {
    class: "Config",
    // Mirrors gitlab-runner's `common.Config`.
    doc: "Top-level (global) settings of config.toml that apply to the whole runner process and all [[runners]].",
    python: Python {
        order: &[
            "concurrent",
            "runners",
            "log_level",
            "log_format",
            "check_interval",
            "sentry_dsn",
            "connection_max_age",
            "listen_address",
            "shutdown_timeout",
        ],
        required: 1,
    },
    fields: &[
        f("concurrent", Integer)
            .default(Int(1))
            .doc("Global cap on jobs running at the same time across all [[runners]] entries; default 1."),
        f("check_interval", Integer)
            .minimum(0)
            .default(Int(3))
            .doc("Seconds between polls of GitLab for new jobs; values of 0 or less fall back to 3."),
        f("log_level", String)
            .default(Str("info"))
            .allowed(&["panic", "fatal", "error", "warn", "warning", "info", "debug", "trace"])
            .doc("Log verbosity of the runner process (panic to trace); default info. CLI flags take precedence."),
        f("log_format", String)
            .default(Str("runner"))
            .allowed(&["runner", "text", "json"])
            .doc("Format of runner log output: runner, text or json; default runner."),
        f("runners", Tables(&super::runner::RUNNER))
            .doc("List of registered runner workers, one [[runners]] table per registration."),
        f("listen_address", String)
            .doc("Address (host:port) where the runner serves its Prometheus metrics HTTP endpoint."),
        f("session_server", Table(&SESSION_SERVER))
            .doc("Settings for the interactive web terminal session server ([session_server])."),
        f("labels", Map(MapOf::String))
            .since(18, 5)
            .doc("Default custom key-value labels applied to every runner; per-runner labels override them."),
        f("user", String)
            .doc("Operating system user that builds run as, typically set when the runner is installed as a service."),
        f("sentry_dsn", String)
            .secret()
            .doc("Sentry DSN used to report runner system errors; falls back to the SENTRY_DSN env var if unset."),
        f("connection_max_age", Duration)
            .since(16, 9)
            .default(Str("15m"))
            .doc("Maximum lifetime of a keep-alive connection to GitLab before it is reopened; default 15m."),
        f("machine", Table(&MACHINE_CONFIG))
            .since(18, 10)
            .doc("Global settings for the docker+machine provider ([machine])."),
        f("experimental", Table(&EXPERIMENTAL_CONFIG))
            .since(17, 9)
            .doc("Global experimental features ([experimental]); may change without notice."),
        f("shutdown_timeout", Integer)
            .minimum(0)
            .since(15, 6)
            .default(Int(30))
            .doc("Seconds to wait for a graceful shutdown before the process exits forcefully; 0 or less means 30."),
    ],
};

pub static SESSION_SERVER: Struct = Struct {
    class: "SessionServer",
    // Mirrors gitlab-runner's `common.SessionServer`.
    doc: "Interactive web terminal session server settings ([session_server]).",
    python: Python::NONE,
    fields: &[
        f("listen_address", String).doc("Local address (host:port) the session server binds to."),
        f("advertise_address", String)
            .doc("Address (host:port) that GitLab uses to reach the session server; defaults to listen_address."),
        f("session_timeout", Integer)
            .minimum(0)
            .default(Int(1800))
            .doc("Seconds a terminal session may stay open after the job finishes; default 1800."),
    ],
};

pub static MACHINE_CONFIG: Struct = Struct {
    class: "MachineConfig",
    // Mirrors gitlab-runner's `common.MachineConfig`.
    doc: "Global settings of the docker+machine provider ([machine]).",
    python: Python::NONE,
    fields: &[f("shutdown_drain", Table(&DOCKER_MACHINE_SHUTDOWN_DRAIN))
        .since(18, 10)
        .doc("Removal of idle machines when the runner shuts down ([machine.shutdown_drain]).")],
};

pub static DOCKER_MACHINE_SHUTDOWN_DRAIN: Struct = Struct {
    class: "DockerMachineShutdownDrain",
    // Mirrors gitlab-runner's `common.DockerMachineShutdownDrain`.
    doc: "Removal of idle docker+machine machines at runner shutdown ([machine.shutdown_drain]).",
    python: Python::NONE,
    fields: &[
        f("enabled", Boolean)
            .since(18, 10)
            .default(Bool(false))
            .doc("Remove idle machines when the runner process shuts down; default false."),
        f("concurrency", Integer)
            .minimum(0)
            .since(18, 10)
            .default(Int(3))
            .doc("Number of machines removed in parallel during the drain; default 3."),
        f("max_retries", Integer)
            .minimum(0)
            .since(18, 10)
            .default(Int(3))
            .doc("Retries per machine if its removal fails; default 3."),
        f("retry_backoff", Duration)
            .since(18, 10)
            .default(Str("5s"))
            .doc("Base wait between removal retries, growing with each attempt; default 5s."),
    ],
};

pub static EXPERIMENTAL_CONFIG: Struct = Struct {
    class: "ExperimentalConfig",
    // Mirrors gitlab-runner's `common.Experimental`.
    doc: "Global experimental features ([experimental]); may change without notice.",
    python: Python::NONE,
    fields: &[f("usage_logger", Table(&USAGE_LOGGER_CONFIG))
        .since(17, 9)
        .doc("Job usage logging settings ([experimental.usage_logger]).")],
};

pub static USAGE_LOGGER_CONFIG: Struct = Struct {
    class: "UsageLoggerConfig",
    // Mirrors gitlab-runner's `common.UsageLogger`.
    doc: "Job usage logging settings ([experimental.usage_logger]).",
    python: Python::NONE,
    fields: &[
        f("enabled", Boolean).since(17, 9).default(Bool(false)).doc("Turn on logging of job usage records."),
        f("writers", Strings)
            .since(19, 2)
            .default(List(&["logrotate"]))
            .allowed(&["logrotate", "snowplow_billing"])
            .doc("Destinations for usage records: logrotate and/or snowplow_billing; default logrotate."),
        f("logrotate", Table(&LOGROTATE_CONFIG))
            .since(19, 2)
            .doc("Settings of the rotated log file writer ([experimental.usage_logger.logrotate])."),
        f("snowplow_billing", Table(&SNOWPLOW_CONFIG))
            .since(19, 2)
            .doc("Settings of the Snowplow billing event writer ([experimental.usage_logger.snowplow_billing])."),
        f("log_dir", String)
            .since(17, 9)
            .deprecated()
            .doc("Directory where usage log files are written (top-level form of the logrotate setting)."),
        f("max_backup_files", Integer)
            .minimum(0)
            .since(17, 9)
            .deprecated()
            .doc("Number of rotated usage log files to keep (top-level form of the logrotate setting)."),
        f("max_rotation_age", Duration)
            .since(17, 9)
            .deprecated()
            .doc("Maximum age of a usage log file before it is rotated (top-level form of the logrotate setting)."),
        f("labels", Map(MapOf::String))
            .since(17, 9)
            .deprecated()
            .doc("Extra key-value labels added to each usage record."),
    ],
};

pub static LOGROTATE_CONFIG: Struct = Struct {
    class: "LogrotateConfig",
    // Mirrors gitlab-runner's `common.LogrotateConfig`.
    doc: "Rotated log file writer for usage records ([experimental.usage_logger.logrotate]).",
    python: Python::NONE,
    fields: &[
        f("log_dir", String).since(19, 2).doc("Directory where usage log files are written."),
        f("max_backup_files", Integer).minimum(0).since(19, 2).doc("Number of rotated usage log files to keep."),
        f("max_rotation_age", Duration).since(19, 2).doc("Maximum age of a usage log file before it is rotated."),
        f("labels", Map(MapOf::String))
            .since(19, 2)
            .doc("Extra key-value labels added to records written by this writer."),
    ],
};

pub static SNOWPLOW_CONFIG: Struct = Struct {
    class: "SnowplowConfig",
    // Mirrors gitlab-runner's `common.SnowplowConfig`.
    doc: "Snowplow writer that sends usage as billing events ([experimental.usage_logger.snowplow_billing]).",
    python: Python::NONE,
    fields: &[
        f("collector_uri", String).since(19, 2).doc("URI of the Snowplow collector that receives billing events."),
        f("app_id", String).since(19, 2).doc("Application ID attached to the Snowplow events."),
        f("category", String).since(19, 2).doc("Event category set on the Snowplow billing events."),
        f("realm", String).since(19, 2).doc("Realm value reported in the billing events."),
        f("deployment_type", String).since(19, 2).doc("Deployment type value reported in the billing events."),
        f("metadata", Map(MapOf::String)).since(19, 2).doc("Extra key-value metadata included in the billing events."),
        f("enable_oidc", Boolean)
            .since(19, 2)
            .default(Bool(false))
            .doc("Authenticate to the collector with an OIDC token."),
        f("batch_delivery_duration_buckets", Floats)
            .since(19, 2)
            .doc("Histogram bucket bounds, in seconds, for the batch delivery duration metric."),
        f("skip_oidc_if_unsupported_cloud", Boolean)
            .since(19, 2)
            .default(Bool(false))
            .doc("If true, skip OIDC authentication instead of failing when the cloud platform is not supported."),
        f("skip_runner_system_failure", Boolean)
            .since(19, 2)
            .default(Bool(false))
            .doc("Controls whether billing events are skipped for jobs that end in a runner system failure."),
    ],
};
