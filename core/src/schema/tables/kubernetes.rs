use crate::schema::build::*;

pub static KUBERNETES_CONFIG: Struct = Struct {
    class: "KubernetesConfig",
    // Mirrors gitlab-runner's `common.KubernetesConfig`.
    doc: "Settings of the Kubernetes executor, which runs each job in its own pod ([runners.kubernetes]).",
    python: Python { order: &["host", "namespace", "image", "privileged", "service_account", "image_pull_secrets", "allowed_images", "allowed_services"], required: 0 },
    fields: &[
        f("namespace", String)
            .doc("Kubernetes namespace in which job pods and related resources are created."),
        f("service_account", String)
            .doc("Service account that job pods run as when talking to the Kubernetes API."),
        f("pod_labels", Map(MapOf::String))
            .doc("Labels added to every job pod; values may contain variables that are expanded."),
        f("pod_annotations", Map(MapOf::String))
            .doc("Annotations added to every job pod; values may contain variables that are expanded."),
        f("image", String)
            .doc("Default container image for the build container when the job does not specify one."),
        f("privileged", Boolean).default(Bool(false))
            .doc("Run the job pod containers in privileged mode."),
        f("cpu_limit", String).quantity()
            .doc("Kubernetes CPU limit for the build container, as a quantity (e.g. '500m')."),
        f("memory_limit", String).quantity()
            .doc("Kubernetes memory limit for the build container, as a quantity (e.g. '1Gi')."),
        f("cpu_request", String).quantity()
            .doc("Kubernetes CPU request for the build container, as a quantity (e.g. '500m')."),
        f("memory_request", String).quantity()
            .doc("Kubernetes memory request for the build container, as a quantity (e.g. '1Gi')."),
        f("helper_cpu_limit", String).quantity()
            .doc("Kubernetes CPU limit for the helper container, as a quantity (e.g. '500m')."),
        f("helper_memory_limit", String).quantity()
            .doc("Kubernetes memory limit for the helper container, as a quantity (e.g. '1Gi')."),
        f("host", String)
            .doc("Kubernetes API server URL; when empty the runner auto-discovers it (in-cluster config or kubeconfig)."),
        f("context", String).since(18, 5)
            .doc("Name of a kubectl config context to use for the API connection when `host` is not set."),
        f("cert_file", String)
            .doc("Path to the client certificate used to authenticate to the Kubernetes API server."),
        f("key_file", String)
            .doc("Path to the client private key used to authenticate to the Kubernetes API server."),
        f("ca_file", String)
            .doc("Path to the CA certificate used to verify the Kubernetes API server."),
        f("bearer_token_overwrite_allowed", Boolean).default(Bool(false))
            .doc("Allow jobs to supply their own bearer token via the KUBERNETES_BEARER_TOKEN variable for pod creation."),
        f("bearer_token", String).secret()
            .doc("Default bearer token used to authenticate API calls that create job pods."),
        f("namespace_overwrite_allowed", String)
            .doc("Regex that a job KUBERNETES_NAMESPACE_OVERWRITE value must match; empty disables namespace overwrite."),
        f("namespace_per_job", Boolean).since(16, 10).default(Bool(false))
            .doc("Create a separate namespace for every job; `namespace` and `namespace_overwrite_allowed` are then ignored."),
        f("runtime_class_name", String).since(14, 9)
            .doc("RuntimeClass name set on every job pod; jobs fail if the cluster does not support it."),
        f("allow_privilege_escalation", Boolean).since(13, 6).default(Bool(false))
            .doc("Value of allowPrivilegeEscalation in container security contexts; unset leaves the Kubernetes default."),
        f("cpu_limit_overwrite_max_allowed", String).quantity().since(12, 9)
            .doc("Highest CPU limit for the build container a job may set via KUBERNETES_CPU_LIMIT; empty disables the overwrite."),
        f("cpu_request_overwrite_max_allowed", String).quantity().since(12, 9)
            .doc("Highest CPU request for the build container a job may set via KUBERNETES_CPU_REQUEST; empty disables the overwrite."),
        f("memory_limit_overwrite_max_allowed", String).quantity().since(12, 9)
            .doc("Highest memory limit for the build container a job may set via KUBERNETES_MEMORY_LIMIT; empty disables the overwrite."),
        f("memory_request_overwrite_max_allowed", String).quantity().since(12, 9)
            .doc("Highest memory request for the build container a job may set via KUBERNETES_MEMORY_REQUEST; empty disables the overwrite."),
        f("ephemeral_storage_limit", String).quantity().since(13, 5)
            .doc("Kubernetes ephemeral storage limit for the build container, as a quantity (e.g. '10Gi')."),
        f("ephemeral_storage_limit_overwrite_max_allowed", String).quantity().since(13, 5)
            .doc("Highest ephemeral storage limit for the build container a job may set via KUBERNETES_EPHEMERAL_STORAGE_LIMIT; empty disables the overwrite."),
        f("ephemeral_storage_request", String).quantity().since(13, 5)
            .doc("Kubernetes ephemeral storage request for the build container, as a quantity (e.g. '10Gi')."),
        f("ephemeral_storage_request_overwrite_max_allowed", String).quantity().since(13, 5)
            .doc("Highest ephemeral storage request for the build container a job may set via KUBERNETES_EPHEMERAL_STORAGE_REQUEST; empty disables the overwrite."),
        f("service_cpu_limit", String).quantity()
            .doc("Kubernetes CPU limit for service containers, as a quantity (e.g. '500m')."),
        f("service_cpu_limit_overwrite_max_allowed", String).quantity().since(13, 4)
            .doc("Highest CPU limit for service containers a job may set via KUBERNETES_SERVICE_CPU_LIMIT; empty disables the overwrite."),
        f("service_cpu_request", String).quantity()
            .doc("Kubernetes CPU request for service containers, as a quantity (e.g. '500m')."),
        f("service_cpu_request_overwrite_max_allowed", String).quantity().since(13, 4)
            .doc("Highest CPU request for service containers a job may set via KUBERNETES_SERVICE_CPU_REQUEST; empty disables the overwrite."),
        f("service_memory_limit", String).quantity()
            .doc("Kubernetes memory limit for service containers, as a quantity (e.g. '1Gi')."),
        f("service_memory_limit_overwrite_max_allowed", String).quantity().since(13, 4)
            .doc("Highest memory limit for service containers a job may set via KUBERNETES_SERVICE_MEMORY_LIMIT; empty disables the overwrite."),
        f("service_memory_request", String).quantity()
            .doc("Kubernetes memory request for service containers, as a quantity (e.g. '1Gi')."),
        f("service_memory_request_overwrite_max_allowed", String).quantity().since(13, 4)
            .doc("Highest memory request for service containers a job may set via KUBERNETES_SERVICE_MEMORY_REQUEST; empty disables the overwrite."),
        f("service_ephemeral_storage_limit", String).quantity().since(13, 5)
            .doc("Kubernetes ephemeral storage limit for service containers, as a quantity (e.g. '10Gi')."),
        f("service_ephemeral_storage_limit_overwrite_max_allowed", String).quantity().since(13, 5)
            .doc("Highest ephemeral storage limit for service containers a job may set via KUBERNETES_SERVICE_EPHEMERAL_STORAGE_LIMIT; empty disables the overwrite."),
        f("service_ephemeral_storage_request", String).quantity().since(13, 5)
            .doc("Kubernetes ephemeral storage request for service containers, as a quantity (e.g. '10Gi')."),
        f("service_ephemeral_storage_request_overwrite_max_allowed", String).quantity().since(13, 5)
            .doc("Highest ephemeral storage request for service containers a job may set via KUBERNETES_SERVICE_EPHEMERAL_STORAGE_REQUEST; empty disables the overwrite."),
        f("helper_cpu_limit_overwrite_max_allowed", String).quantity().since(13, 4)
            .doc("Highest CPU limit for the helper container a job may set via KUBERNETES_HELPER_CPU_LIMIT; empty disables the overwrite."),
        f("helper_cpu_request", String).quantity()
            .doc("Kubernetes CPU request for the helper container, as a quantity (e.g. '500m')."),
        f("helper_cpu_request_overwrite_max_allowed", String).quantity().since(13, 4)
            .doc("Highest CPU request for the helper container a job may set via KUBERNETES_HELPER_CPU_REQUEST; empty disables the overwrite."),
        f("helper_memory_limit_overwrite_max_allowed", String).quantity().since(13, 4)
            .doc("Highest memory limit for the helper container a job may set via KUBERNETES_HELPER_MEMORY_LIMIT; empty disables the overwrite."),
        f("helper_memory_request", String).quantity()
            .doc("Kubernetes memory request for the helper container, as a quantity (e.g. '1Gi')."),
        f("helper_memory_request_overwrite_max_allowed", String).quantity().since(13, 4)
            .doc("Highest memory request for the helper container a job may set via KUBERNETES_HELPER_MEMORY_REQUEST; empty disables the overwrite."),
        f("helper_ephemeral_storage_limit", String).quantity().since(13, 5)
            .doc("Kubernetes ephemeral storage limit for the helper container, as a quantity (e.g. '10Gi')."),
        f("helper_ephemeral_storage_limit_overwrite_max_allowed", String).quantity().since(13, 5)
            .doc("Highest ephemeral storage limit for the helper container a job may set via KUBERNETES_HELPER_EPHEMERAL_STORAGE_LIMIT; empty disables the overwrite."),
        f("helper_ephemeral_storage_request", String).quantity().since(13, 5)
            .doc("Kubernetes ephemeral storage request for the helper container, as a quantity (e.g. '10Gi')."),
        f("helper_ephemeral_storage_request_overwrite_max_allowed", String).quantity().since(13, 5)
            .doc("Highest ephemeral storage request for the helper container a job may set via KUBERNETES_HELPER_EPHEMERAL_STORAGE_REQUEST; empty disables the overwrite."),
        f("pod_cpu_limit", String).quantity().since(18, 10)
            .doc("Kubernetes CPU limit for the whole job pod (pod-level resources), as a quantity (e.g. '500m')."),
        f("pod_cpu_limit_overwrite_max_allowed", String).quantity().since(18, 10)
            .doc("Highest CPU limit for the whole job pod a job may set via KUBERNETES_POD_CPU_LIMIT; empty disables the overwrite."),
        f("pod_cpu_request", String).quantity().since(18, 10)
            .doc("Kubernetes CPU request for the whole job pod (pod-level resources), as a quantity (e.g. '500m')."),
        f("pod_cpu_request_overwrite_max_allowed", String).quantity().since(18, 10)
            .doc("Highest CPU request for the whole job pod a job may set via KUBERNETES_POD_CPU_REQUEST; empty disables the overwrite."),
        f("pod_memory_limit", String).quantity().since(18, 10)
            .doc("Kubernetes memory limit for the whole job pod (pod-level resources), as a quantity (e.g. '1Gi')."),
        f("pod_memory_limit_overwrite_max_allowed", String).quantity().since(18, 10)
            .doc("Highest memory limit for the whole job pod a job may set via KUBERNETES_POD_MEMORY_LIMIT; empty disables the overwrite."),
        f("pod_memory_request", String).quantity().since(18, 10)
            .doc("Kubernetes memory request for the whole job pod (pod-level resources), as a quantity (e.g. '1Gi')."),
        f("pod_memory_request_overwrite_max_allowed", String).quantity().since(18, 10)
            .doc("Highest memory request for the whole job pod a job may set via KUBERNETES_POD_MEMORY_REQUEST; empty disables the overwrite."),
        f("allowed_images", Strings).since(14, 2)
            .doc("Wildcard patterns of build images jobs may use; empty allows any image."),
        f("allowed_pull_policies", Strings).since(15, 2).allowed(&["always", "never", "if-not-present"])
            .doc("Pull policies a job or config may request (always, never, if-not-present); empty means only `pull_policy`."),
        f("allowed_services", Strings).since(14, 2)
            .doc("Wildcard patterns of service images jobs may use; empty allows any service image."),
        f("allowed_users", Strings).since(18, 4)
            .doc("User IDs that jobs may set for their containers; empty allows any user."),
        f("allowed_groups", Strings).since(18, 4)
            .doc("Group IDs that jobs may set for their containers; empty allows any group."),
        f("pull_policy", StringOrStrings).earlier_kind(13, 11, "one string").allowed(&["always", "never", "if-not-present"])
            .doc("Image pull policy or list of policies (always, never, if-not-present); empty uses the cluster default."),
        f("node_selector", Map(MapOf::String))
            .doc("Node labels (key = value) a node must all carry for job pods to be scheduled on it."),
        f("node_selector_overwrite_allowed", String).since(15, 6)
            .doc("Regex that KUBERNETES_NODE_SELECTOR_* job variables must match; empty disables node selector overwrite."),
        f("node_tolerations", Map(MapOf::String))
            .doc("Tolerations added to job pods, as 'key=value' = 'Effect' pairs, so they can run on tainted nodes."),
        f("node_tolerations_overwrite_allowed", String).since(16, 9)
            .doc("Regex that KUBERNETES_NODE_TOLERATIONS_* job variables must match; empty disables toleration overwrite."),
        f("affinity", Table(&super::kubernetes_affinity::KUBERNETES_AFFINITY)).since(13, 4)
            .doc("Node, pod affinity and pod anti-affinity rules that decide which nodes run job pods."),
        f("image_pull_secrets", Strings)
            .doc("Names of docker-registry secrets used to pull images from private registries."),
        f("use_service_account_image_pull_secrets", Boolean).since(16, 9).default(Bool(false))
            .doc("Leave imagePullSecrets off the pod so the pull secrets of its service account are used instead."),
        f("helper_image", String)
            .doc("Override the helper image that clones the repository and handles cache and artifacts."),
        f("helper_image_flavor", String).since(14, 0).default(Str("alpine")).allowed(&["alpine", "alpine3.21", "alpine-latest", "ubuntu"])
            .doc("Flavor of the default helper image: alpine, alpine3.21, alpine-latest or ubuntu; default alpine."),
        f("helper_image_autoset_arch_and_os", Boolean).since(16, 5).default(Bool(false))
            .doc("Derive the helper image architecture and OS from the underlying OS instead of the defaults."),
        f("pod_termination_grace_period_seconds", Integer).minimum(0).since(14, 5)
            .doc("Seconds a job pod gets to shut down gracefully after the termination signal before being killed."),
        f("cleanup_grace_period_seconds", Integer).minimum(0).since(14, 5)
            .doc("Seconds the pod gets to terminate gracefully when it is deleted after the job ends, before a kill."),
        f("cleanup_resources_timeout", Duration).since(16, 3).default(Str("5m"))
            .doc("Total time allowed to clean up Kubernetes resources after the job, as a duration; default '5m'."),
        f("poll_interval", Integer).minimum(0).default(Int(3))
            .doc("Seconds between status checks of a newly created job pod; 3 when 0 or negative."),
        f("poll_timeout", Integer).minimum(0).default(Int(180))
            .doc("Seconds to wait for a newly created job pod to become ready before failing; 180 when 0 or negative."),
        f("resource_availability_check_max_attempts", Integer).minimum(0).since(15, 0).default(Int(5))
            .doc("Attempts (5 s apart) to check that the service account and pull secrets exist before giving up; default 5."),
        f("retry_limit", Integer).minimum(0).since(16, 9).default(Int(5))
            .doc("Maximum number of retries for failed Kubernetes API requests; default 5."),
        f("retry_backoff_max", Integer).minimum(0).since(17, 1).default(Int(2000))
            .doc("Upper bound in milliseconds of the backoff between API request retries; default 2000, minimum 500."),
        f("retry_limits", Map(MapOf::Integer)).since(16, 9)
            .doc("Per-error retry counts for Kubernetes API requests, keyed by error message text."),
        f("pod_labels_overwrite_allowed", String).since(15, 1)
            .doc("Regex that KUBERNETES_POD_LABELS_* job variables must match; empty disables label overwrite."),
        f("scheduler_name", String).since(15, 5)
            .doc("Name of the Kubernetes scheduler used to schedule job pods."),
        f("service_account_overwrite_allowed", String)
            .doc("Regex that a job KUBERNETES_SERVICE_ACCOUNT_OVERWRITE value must match; empty disables the overwrite."),
        f("automount_service_account_token", Boolean).since(16, 9).default(Bool(false))
            .doc("Whether the service account token is automatically mounted into the job pod."),
        f("pod_annotations_overwrite_allowed", String)
            .doc("Regex that KUBERNETES_POD_ANNOTATIONS_* job variables must match; empty disables the overwrite."),
        f("pod_security_context", Table(&super::kubernetes_security::KUBERNETES_POD_SECURITY_CONTEXT))
            .doc("Pod-level security context of the job pod (run-as user and group, fs group, supplemental groups...)."),
        f("init_permissions_container_security_context", Table(&super::kubernetes_security::KUBERNETES_CONTAINER_SECURITY_CONTEXT)).since(15, 2)
            .doc("Security context of the init-permissions container in the job pod."),
        f("build_container_security_context", Table(&super::kubernetes_security::KUBERNETES_CONTAINER_SECURITY_CONTEXT)).since(14, 5)
            .doc("Security context of the build container in the job pod."),
        f("helper_container_security_context", Table(&super::kubernetes_security::KUBERNETES_CONTAINER_SECURITY_CONTEXT)).since(14, 5)
            .doc("Security context of the helper container in the job pod."),
        f("service_container_security_context", Table(&super::kubernetes_security::KUBERNETES_CONTAINER_SECURITY_CONTEXT)).since(14, 5)
            .doc("Security context of the service containers in the job pod."),
        f("volumes", Table(&super::kubernetes_volumes::KUBERNETES_VOLUMES))
            .doc("Volumes mounted into the job containers: host_path, pvc, config_map, secret, empty_dir and csi lists."),
        f("host_aliases", Tables(&KUBERNETES_HOST_ALIASES)).since(13, 7)
            .doc("Extra IP to hostname entries added to the hosts file of the job pod containers."),
        f("services", Tables(&super::docker::SERVICE)).since(12, 5).nested_since(&[("alias", Version::new(12, 9))])
            .doc("Service containers started next to the build container in every job pod."),
        f("cap_add", Strings).since(13, 2)
            .doc("Linux capabilities added to the job pod containers."),
        f("cap_drop", Strings).since(13, 2)
            .doc("Linux capabilities dropped from the job pod containers."),
        f("suspend_pvc_size", String).quantity().since(19, 4).default(Str("20Gi"))
            .doc("Size of the per-job PVC that keeps a suspended job environment; default '20Gi'."),
        f("suspend_pvc_storage_class", String).since(19, 4)
            .doc("Storage class of the per-job PVC for suspended job environments; empty uses the cluster default."),
        f("dns_policy", String).since(13, 7).default(Str("cluster-first")).allowed(&["none", "default", "cluster-first", "cluster-first-with-host-net"])
            .doc("DNS policy of job pods: none, default, cluster-first or cluster-first-with-host-net; default cluster-first."),
        f("dns_config", Table(&KUBERNETES_DNS_CONFIG)).since(13, 7)
            .doc("Custom pod DNS settings for job pods: nameservers, search domains and resolver options."),
        f("container_lifecycle", Table(&super::kubernetes_lifecycle::KUBERNETES_CONTAINER_LIFECYCLE)).since(14, 2)
            .doc("PostStart and PreStop lifecycle hooks (exec, http_get or tcp_socket) applied to the job pod containers."),
        f("priority_class_name", String).since(15, 1)
            .doc("PriorityClass assigned to job pods; empty uses the cluster default."),
        f("pod_spec", Tables(&KUBERNETES_POD_SPEC)).since(15, 10)
            .doc("Experimental patches applied to the generated job pod spec, one table per patch."),
        f("logs_base_dir", String).since(17, 2)
            .doc("Base directory prepended to the generated path where build logs are stored in the pod."),
        f("scripts_base_dir", String).since(17, 2)
            .doc("Base directory prepended to the generated path where build scripts are stored in the pod."),
        f("print_pod_warning_events", Boolean).since(17, 11).default(Bool(true))
            .doc("Print the warning events of the job pod when a job fails; default true (needs events list permission)."),
        f("pod_disruption_budget", Boolean).since(18, 11).default(Bool(false))
            .doc("Create a PodDisruptionBudget (minAvailable 1) per job pod to block voluntary evictions; default false."),
        f("autoscaler", Table(&KUBERNETES_AUTOSCALER_CONFIG)).since(18, 11)
            .doc("Pause pod settings that keep spare cluster capacity warm for upcoming job pods."),
    ],
};

pub static KUBERNETES_HOST_ALIASES: Struct = Struct {
    class: "KubernetesHostAliases",
    // Mirrors gitlab-runner's `common.KubernetesHostAliases`.
    doc: "One extra hosts-file entry for job pods ([[runners.kubernetes.host_aliases]]).",
    python: Python::NONE,
    fields: &[
        f("ip", String).since(13, 7).doc("IP address the listed hostnames resolve to."),
        f("hostnames", Strings).since(13, 7).doc("Hostnames that resolve to `ip` inside the job pod."),
    ],
};

pub static KUBERNETES_DNS_CONFIG: Struct = Struct {
    class: "KubernetesDNSConfig",
    // Mirrors gitlab-runner's `common.KubernetesDNSConfig`.
    doc: "Custom DNS configuration of job pods ([runners.kubernetes.dns_config]).",
    python: Python::NONE,
    fields: &[
        f("nameservers", Strings)
            .since(13, 7)
            .doc("IP addresses of DNS servers added to the pod resolver configuration."),
        f("options", Tables(&KUBERNETES_DNS_CONFIG_OPTION))
            .since(13, 7)
            .doc("Resolver options for the pod, each with a name and optional value."),
        f("searches", Strings).since(13, 7).doc("DNS search domains added to the pod resolver configuration."),
    ],
};

pub static KUBERNETES_DNS_CONFIG_OPTION: Struct = Struct {
    class: "KubernetesDNSConfigOption",
    // Mirrors gitlab-runner's `common.KubernetesDNSConfigOption`.
    doc: "One resolver option of the pod DNS config ([[runners.kubernetes.dns_config.options]]).",
    python: Python::NONE,
    fields: &[
        f("name", String).since(13, 7).doc("Name of the resolver option, e.g. 'ndots'."),
        f("value", String).since(13, 7).doc("Optional value of the resolver option."),
    ],
};

pub static KUBERNETES_POD_SPEC: Struct = Struct {
    class: "KubernetesPodSpec",
    // Mirrors gitlab-runner's `common.KubernetesPodSpec`.
    doc: "One patch applied to the generated job pod spec ([[runners.kubernetes.pod_spec]]).",
    python: Python::NONE,
    fields: &[
        f("name", String).since(15, 10).doc("Name identifying this pod spec patch."),
        f("patch_path", String).since(15, 10).doc("Path to a file holding the patch; cannot be combined with `patch`."),
        f("patch", String)
            .since(15, 10)
            .doc("Inline patch content in YAML or JSON; cannot be combined with `patch_path`."),
        f("patch_type", String)
            .since(15, 10)
            .default(Str("strategic"))
            .allowed(&["json", "merge", "strategic"])
            .doc("How the patch is applied: json, merge or strategic; default strategic."),
    ],
};

pub static KUBERNETES_AUTOSCALER_CONFIG: Struct = Struct {
    class: "KubernetesAutoscalerConfig",
    // Mirrors gitlab-runner's `common.KubernetesAutoscalerConfig`.
    doc: "Pause pod settings that pre-warm cluster capacity for job pods ([runners.kubernetes.autoscaler]).",
    python: Python::NONE,
    fields: &[
        f("max_pause_pods", Integer)
            .minimum(0)
            .since(18, 11)
            .default(Int(0))
            .doc("Maximum number of pause pods the runner creates; 0 means no limit."),
        f("pause_pod_image", String)
            .since(18, 11)
            .default(Str("registry.k8s.io/pause:3.10"))
            .doc("Container image used for pause pods; default 'registry.k8s.io/pause:3.10'."),
        f("pause_pod_priority_class_name", String)
            .since(18, 11)
            .doc("PriorityClass of pause pods; empty makes the runner create a low-priority class itself."),
        f("policy", Tables(&super::autoscaler::AUTOSCALER_POLICY_CONFIG))
            .since(18, 11)
            .doc("Time-based policies setting how many idle pause pods to keep; the last one matching now applies."),
        f("pause_pod_image_pull_secrets", Strings)
            .since(19, 1)
            .doc("Names of image pull secrets used to pull the pause pod image."),
    ],
};
