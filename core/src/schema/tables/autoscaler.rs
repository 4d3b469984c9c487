use crate::schema::build::*;

pub static AUTOSCALER_POLICY_CONFIG: Struct = Struct {
    class: "AutoscalerPolicyConfig",
    // Mirrors gitlab-runner's `common.AutoscalerPolicyConfig`.
    doc: "A time-based scaling policy ([[runners.autoscaler.policy]], [[runners.kubernetes.autoscaler.policy]]).",
    python: Python::NONE,
    fields: &[
        f("periods", Strings)
            .since(15, 5)
            .default(List(&["* * * * *"]))
            .doc("Cron expressions for when this policy applies; default every minute (* * * * *)."),
        f("timezone", String).since(15, 5).doc("Time zone used to evaluate periods; the system local zone when empty."),
        f("idle_count", Integer)
            .minimum(0)
            .since(15, 5)
            .doc("Idle capacity, in jobs, to keep ready while the policy applies."),
        f("idle_time", Duration)
            .since(15, 5)
            .doc("How long an instance may stay idle before removal, a duration such as 30m."),
        f("scale_factor", Float)
            .minimum(0)
            .since(15, 5)
            .default(Real(0.0))
            .doc("Extra idle capacity as a factor of the capacity in use, on top of idle_count; default 0."),
        f("scale_factor_limit", Integer)
            .minimum(0)
            .since(15, 5)
            .doc("Upper limit on the idle capacity that scale_factor can produce."),
        f("preemptive_mode", Boolean)
            .since(18, 1)
            .doc("Request jobs only when capacity is ready; when unset it is on if idle_count > 0."),
    ],
};

pub static AUTOSCALER_CONFIG: Struct = Struct {
    class: "AutoscalerConfig",
    // Mirrors gitlab-runner's `common.AutoscalerConfig`.
    doc: "Fleeting-based autoscaling for Instance and Docker Autoscaler executors ([runners.autoscaler]).",
    python: Python::NONE,
    fields: &[
        f("capacity_per_instance", Integer)
            .minimum(0)
            .since(15, 5)
            .doc("Number of jobs one instance may run at the same time."),
        f("max_use_count", Integer)
            .minimum(0)
            .since(15, 5)
            .doc("Number of jobs an instance may run before it is removed."),
        f("max_instances", Integer)
            .minimum(0)
            .since(15, 5)
            .default(Int(0))
            .doc("Maximum number of instances in any state; 0 means unlimited."),
        f("plugin", String)
            .since(15, 5)
            .required()
            .doc("Fleeting plugin that provisions the instances (name or path)."),
        f("plugin_config", Map(MapOf::Any)).since(15, 5).doc(
            "Plugin-specific settings, passed as JSON to the fleeting plugin ([runners.autoscaler.plugin_config]).",
        ),
        f("connector_config", Table(&CONNECTOR_CONFIG))
            .since(15, 5)
            .doc("How to connect to the instances ([runners.autoscaler.connector_config])."),
        f("policy", Tables(&AUTOSCALER_POLICY_CONFIG))
            .since(15, 5)
            .doc("Time-based scaling policies; the last matching one applies ([[runners.autoscaler.policy]])."),
        f("instance_ready_command", String)
            .since(16, 11)
            .doc("Command run on each new instance to check it is ready; failure removes the instance."),
        f("instance_acquire_timeout", Duration)
            .since(18, 1)
            .default(Str("15m"))
            .doc("Maximum time to wait to acquire an instance for a job; default 15m."),
        f("update_interval", Duration)
            .since(17, 0)
            .default(Str("1m"))
            .doc("How often the plugin is polled for instance updates; default 1m."),
        f("update_interval_when_expecting", Duration)
            .since(17, 0)
            .default(Str("2s"))
            .doc("Faster polling interval used while an instance state change is expected; default 2s."),
        f("deletion_retry_interval", Duration)
            .since(18, 3)
            .default(Str("1m"))
            .doc("Wait before retrying an instance deletion that had no effect; default 1m."),
        f("shutdown_deletion_interval", Duration)
            .since(18, 3)
            .default(Str("10s"))
            .doc("Pause between deleting instances and checking their status at shutdown; default 10s."),
        f("shutdown_deletion_retries", Integer)
            .minimum(0)
            .since(18, 3)
            .default(Int(3))
            .doc("Attempts to confirm instances are deleted before shutdown; default 3."),
        f("failure_threshold", Integer)
            .minimum(0)
            .since(18, 3)
            .default(Int(3))
            .doc("Consecutive health check failures before an instance is replaced; default 3."),
        f("scale_throttle", Table(&AUTOSCALER_SCALE_THROTTLE))
            .since(17, 0)
            .doc("Rate limits on creating new instances ([runners.autoscaler.scale_throttle])."),
        f("reservation_throttling", Boolean)
            .since(18, 7)
            .default(Bool(true))
            .doc("Limit held capacity reservations so idle instances can be removed; default true."),
        f("log_internal_ip", Boolean)
            .since(18, 2)
            .default(Bool(false))
            .doc("Print the internal IP address of the instance in the job log."),
        f("log_external_ip", Boolean)
            .since(18, 2)
            .default(Bool(false))
            .doc("Print the external IP address of the instance in the job log."),
        f("delete_instances_on_shutdown", Boolean)
            .since(16, 0)
            .default(Bool(false))
            .doc("Delete all provisioned instances when the runner shuts down; default false."),
        f("vm_isolation", Table(&VM_ISOLATION))
            .since(15, 8)
            .doc("Nested VM isolation settings on the instances ([runners.autoscaler.vm_isolation])."),
        f("state_storage", Table(&AUTOSCALER_STATE_STORAGE))
            .since(17, 5)
            .doc("Persist instance state on disk across runner restarts ([runners.autoscaler.state_storage])."),
        f("instance_operation_time_buckets", Floats)
            .since(15, 5)
            .doc("Default histogram buckets, in seconds, for instance operation duration metrics."),
        f("instance_creation_time_buckets", Floats)
            .since(15, 11)
            .doc("Histogram buckets, in seconds, for instance creation time; falls back to the operation buckets."),
        f("instance_is_running_time_buckets", Floats).since(15, 11).doc(
            "Histogram buckets, in seconds, for time until an instance is running; falls back to operation buckets.",
        ),
        f("instance_deletion_time_buckets", Floats)
            .since(15, 11)
            .doc("Histogram buckets, in seconds, for instance deletion time; falls back to the operation buckets."),
        f("instance_readiness_time_buckets", Floats)
            .since(15, 11)
            .doc("Histogram buckets, in seconds, for instance readiness time; falls back to the operation buckets."),
        f("instance_life_duration_buckets", Floats)
            .since(15, 11)
            .doc("Histogram buckets, in seconds, for the total lifetime of instances."),
    ],
};

pub static CONNECTOR_CONFIG: Struct = Struct {
    class: "ConnectorConfig",
    // Mirrors gitlab-runner's `common.ConnectorConfig`.
    doc: "Connection settings for instances ([runners.autoscaler.connector_config], [runners.autoscaler.vm_isolation.connector_config]).",
    python: Python::NONE,
    fields: &[
        f("os", String).since(15, 5)
            .doc("Operating system of the instance; overrides what the plugin reports."),
        f("arch", String).since(15, 5)
            .doc("CPU architecture of the instance; overrides what the plugin reports."),
        f("protocol", String).since(15, 5).allowed(&["ssh", "winrm", "winrm+https"])
            .doc("Connection protocol: ssh, winrm or winrm+https; winrm is the default on Windows."),
        f("protocol_port", Integer).minimum(0).maximum(65535).since(17, 11)
            .doc("Port for the protocol; defaults to 22 for ssh, 5985 for winrm, 5986 for winrm+https."),
        f("username", String).since(15, 5)
            .doc("User name to connect to the instance with."),
        f("password", String).since(15, 5).secret()
            .doc("Password to connect to the instance with."),
        f("key_path", String).since(15, 5)
            .doc("Path to the private key used to connect or to provision credentials dynamically."),
        f("use_static_credentials", Boolean).since(15, 5).default(Bool(false))
            .doc("Use the given credentials as-is and skip automatic credential provisioning; default false."),
        f("keepalive", Duration).since(15, 5)
            .doc("Keepalive interval for the connection, a duration."),
        f("timeout", Duration).since(15, 5)
            .doc("Timeout for establishing the connection, a duration."),
        f("use_external_addr", Boolean).since(15, 9).default(Bool(false))
            .doc("Connect to the external address reported by the plugin instead of the internal one."),
    ],
};

pub static AUTOSCALER_SCALE_THROTTLE: Struct = Struct {
    class: "AutoscalerScaleThrottle",
    // Mirrors gitlab-runner's `common.AutoscalerScaleThrottle`.
    doc: "Rate limits on instance creation ([runners.autoscaler.scale_throttle]).",
    python: Python::NONE,
    fields: &[
        f("limit", Integer)
            .minimum(0)
            .since(17, 0)
            .default(Int(0))
            .doc("New instances allowed per second; 0 means 100, -1 means unlimited."),
        f("burst", Integer).minimum(0).since(17, 0).doc(
            "Maximum instances created at once; defaults to max_instances or limit; ignored if limit is unlimited.",
        ),
    ],
};

pub static VM_ISOLATION: Struct = Struct {
    class: "VMIsolation",
    // Mirrors gitlab-runner's `common.VMIsolation`.
    doc: "Nested VM isolation via the nesting daemon, macOS only ([runners.autoscaler.vm_isolation]).",
    python: Python::NONE,
    fields: &[
        f("enabled", Boolean)
            .since(15, 8)
            .default(Bool(false))
            .doc("Run each job in a nested VM on the instance; default false."),
        f("nesting_host", String).since(15, 8).doc("Address of the nesting daemon on the instance."),
        f("nesting_config", Map(MapOf::Any)).since(15, 8).doc("Settings sent as JSON to the nesting daemon."),
        f("image", String).since(15, 8).doc("Default VM image for the nesting daemon when the job gives none."),
        f("connector_config", Table(&CONNECTOR_CONFIG))
            .since(15, 8)
            .doc("How to connect to the nested VM ([runners.autoscaler.vm_isolation.connector_config])."),
    ],
};

pub static AUTOSCALER_STATE_STORAGE: Struct = Struct {
    class: "AutoscalerStateStorage",
    // Mirrors gitlab-runner's `common.AutoscalerStateStorage`.
    doc: "On-disk instance state kept across runner restarts ([runners.autoscaler.state_storage]).",
    python: Python::NONE,
    fields: &[
        f("enabled", Boolean)
            .since(17, 5)
            .default(Bool(false))
            .doc("Save instance state so existing instances are reused after a restart; default false."),
        f("dir", String)
            .since(17, 5)
            .doc("Directory for saved state; defaults to .taskscaler next to the config file."),
        f("keep_instance_with_acquisitions", Boolean)
            .since(17, 5)
            .default(Bool(false))
            .doc("Keep restored instances that were running jobs instead of removing them; default false."),
    ],
};
