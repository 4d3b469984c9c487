use crate::schema::build::*;

pub static DOCKER_CONFIG: Struct = Struct {
    class: "DockerConfig",
    // Mirrors gitlab-runner's `common.DockerConfig`.
    doc: "Settings of the Docker executor ([runners.docker]).",
    python: Python {
        order: &[
            "image",
            "host",
            "privileged",
            "memory",
            "cpus",
            "volumes",
            "dns",
            "pull_policy",
            "allowed_images",
            "allowed_services",
            "wait_for_services_timeout",
            "disable_cache",
            "cap_add",
            "devices",
            "gpus",
        ],
        required: 0,
    },
    fields: &[
        f("image", String).doc("Default image for jobs that do not specify one in .gitlab-ci.yml."),
        f("privileged", Boolean)
            .default(Bool(false))
            .doc("Run job containers in privileged mode (needed for Docker-in-Docker); insecure."),
        f("disable_cache", Boolean)
            .default(Bool(false))
            .doc("Disable the automatically created local cache volumes; does not affect the distributed cache."),
        f("volumes", Strings).doc("Extra volumes or host bind mounts for the containers, in docker -v syntax."),
        f("shm_size", Integer).minimum(0).doc("Size of /dev/shm for containers, in bytes."),
        f("pull_policy", StringOrStrings)
            .earlier_kind(13, 8, "one string")
            .default(Str("always"))
            .allowed(&["always", "never", "if-not-present"])
            .doc("Image pull policy or ordered list of policies (always, if-not-present, never); default always."),
        f("allowed_images", Strings).doc("Wildcard patterns of images jobs may use; all images allowed when empty."),
        f("allowed_services", Strings).doc("Wildcard patterns of service images jobs may use; all allowed when empty."),
        f("network_mode", String).doc("Docker network mode or custom network the job container is attached to."),
        f("cap_add", Strings).doc("Linux capabilities added to the containers."),
        f("cap_drop", Strings).doc("Linux capabilities removed from the containers."),
        f("security_opt", Strings).doc("Security options for the job container, as with docker run --security-opt."),
        f("devices", Strings).doc("Host devices exposed to the job container, in docker --device syntax."),
        f("dns", Strings).doc("DNS servers configured inside the containers."),
        f("dns_search", Strings).doc("DNS search domains configured inside the containers."),
        f("extra_hosts", Strings).doc("Additional host-to-IP mappings added to the containers, as host:ip."),
        f("helper_image", String)
            .doc("Override image for the helper container that clones sources and handles artifacts."),
        f("tls_verify", Boolean)
            .default(Bool(false))
            .doc("Verify TLS when connecting to the Docker daemon; off by default."),
        f("disable_entrypoint_overwrite", Boolean)
            .default(Bool(false))
            .doc("Keep the image entrypoint instead of letting the runner override it."),
        f("host", String)
            .doc("Docker daemon endpoint; defaults to the DOCKER_HOST variable or unix:///var/run/docker.sock."),
        f("tls_cert_path", String)
            .doc("Directory holding ca.pem, cert.pem and key.pem for a TLS connection to the Docker daemon."),
        f("hostname", String).doc("Custom host name given to the job containers."),
        f("runtime", String).doc("Docker runtime to start job containers with (for example runc or nvidia)."),
        f("memory", String)
            .docker_size()
            .doc("Hard memory limit for the job container, a size string such as 512m or 2g."),
        f("memory_swap", String)
            .docker_size()
            .doc("Total memory plus swap limit for the job container, a size string."),
        f("memory_reservation", String)
            .docker_size()
            .doc("Soft memory limit (reservation) for the job container, a size string."),
        f("cgroup_parent", String).since(16, 10).doc("Parent cgroup under which the job containers are created."),
        f("cpuset_cpus", String).doc("CPUs the job container may run on, in cpuset form such as 0,1 or 0-3."),
        f("cpuset_mems", String)
            .since(17, 0)
            .doc("Memory nodes (NUMA) the job container may use, in cpuset form such as 0,1."),
        f("cpus", String).doc("Number of CPUs the job container may use, as a string (fractions allowed)."),
        f("cpu_shares", Integer)
            .minimum(0)
            .since(12, 6)
            .default(Int(1024))
            .doc("Relative CPU weight of the job container; Docker uses 1024 when unset."),
        f("services_privileged", Boolean)
            .since(15, 7)
            .default(Bool(false))
            .doc("Privileged mode for service containers; when unset the value of `privileged` is used."),
        f("user", String).since(15, 5).doc("User (name or UID[:GID]) that runs all commands in the job container."),
        f("allowed_users", Strings).since(16, 8).doc("Users a job is allowed to run its build container commands as."),
        f("group_add", Strings).since(16, 6).doc("Extra groups the container process joins."),
        f("userns_mode", String)
            .doc("User namespace mode for job and service containers when userns remapping is enabled."),
        f("oom_kill_disable", Boolean)
            .default(Bool(false))
            .doc("Do not kill container processes when an out-of-memory condition occurs."),
        f("oom_score_adjust", Integer)
            .minimum(-1000)
            .maximum(1000)
            .since(12, 6)
            .doc("OOM score adjustment for the container; higher values make it killed earlier."),
        f("services_security_opt", Strings).since(15, 10).doc("Security options applied to service containers."),
        f("device_cgroup_rules", Strings).since(15, 1).doc("Custom device cgroup rules added to the container."),
        f("gpus", String).since(13, 9).doc("GPUs to give the job container, in the same format as docker --gpus."),
        f("services_devices", Map(MapOf::Strings))
            .since(17, 10)
            .doc("Host devices exposed to service containers, keyed by service image name pattern."),
        f("volume_keep", Boolean)
            .since(18, 10)
            .default(Bool(false))
            .doc("Keep Docker volumes when job containers are removed; volumes must then be pruned by the operator."),
        f("volume_driver", String).doc("Volume driver used for volumes the runner creates."),
        f("volume_driver_ops", Map(MapOf::String))
            .since(15, 5)
            .doc("Options passed to the volume driver, as key-value pairs."),
        f("cache_dir", String).doc("Directory where the Docker executor keeps job caches."),
        f("volumes_from", Strings).doc("Containers to inherit volumes from, as name[:ro or rw]."),
        f("pid_mode", String).since(19, 1).doc("PID namespace mode for the job container (for example host)."),
        f("ipcmode", String).since(15, 7).doc("IPC namespace mode for the job container."),
        f("mac_address", String).since(15, 8).doc("MAC address assigned to the job container."),
        f("links", Strings).doc("Containers linked to the job container, as name:alias."),
        f("services", Tables(&SERVICE))
            .earlier_kind(12, 7, "an array of image names")
            .doc("Extra service containers started with every job ([[runners.docker.services]])."),
        f("services_limit", Integer)
            .minimum(-1)
            .since(16, 9)
            .default(Int(-1))
            .doc("Maximum number of services a job may start; -1 (default when unset) means no limit."),
        f("service_memory", String)
            .docker_size()
            .since(16, 9)
            .doc("Hard memory limit for each service container, a size string."),
        f("service_memory_swap", String)
            .docker_size()
            .since(16, 9)
            .doc("Total memory plus swap limit for each service container, a size string."),
        f("service_memory_reservation", String)
            .docker_size()
            .since(16, 9)
            .doc("Soft memory limit (reservation) for each service container, a size string."),
        f("service_cgroup_parent", String)
            .since(16, 10)
            .doc("Parent cgroup under which service containers are created."),
        f("service_slot_cgroup_template", String)
            .since(18, 6)
            .doc("Cgroup path template for service containers with slot-based cgroups; ${slot} is the slot number."),
        f("service_cpuset_cpus", String).since(16, 9).doc("CPUs service containers may run on, in cpuset form."),
        f("service_cpus", String).since(16, 9).doc("Number of CPUs each service container may use, as a string."),
        f("service_cpu_shares", Integer)
            .minimum(0)
            .since(16, 9)
            .doc("Relative CPU weight of service containers (Docker default 1024)."),
        f("service_gpus", String).since(17, 10).doc("GPUs given to service containers, in docker --gpus format."),
        f("wait_for_services_timeout", Integer)
            .minimum(-1)
            .default(Int(30))
            .doc("Seconds to wait for services to become ready; default 30, -1 disables the wait."),
        f("allowed_privileged_images", Strings)
            .since(16, 1)
            .doc("Wildcard subset of allowed images that may run privileged when `privileged` is on."),
        f("allowed_privileged_services", Strings)
            .since(16, 1)
            .doc("Wildcard subset of allowed services that may run privileged."),
        f("allowed_pull_policies", Strings)
            .since(15, 1)
            .allowed(&["always", "never", "if-not-present"])
            .doc("Pull policies jobs may request; when empty only the configured pull_policy is allowed."),
        f("isolation", String)
            .since(15, 8)
            .allowed(&["", "default", "process", "hyperv"])
            .doc("Windows container isolation technology: default, process or hyperv."),
        f("tmpfs", Map(MapOf::String))
            .doc("Paths mounted as tmpfs in the job container, mapped to their mount options."),
        f("services_tmpfs", Map(MapOf::String))
            .doc("Paths mounted as tmpfs in service containers, mapped to their mount options."),
        f("sysctls", Map(MapOf::String)).doc("Kernel sysctl settings applied to the container, as name-value pairs."),
        f("helper_image_flavor", String)
            .since(14, 0)
            .default(Str("alpine"))
            .allowed(&["alpine", "alpine3.21", "alpine-latest", "ubi-fips", "ubuntu"])
            .doc("OS flavor of the default helper image, such as alpine or ubuntu; default alpine."),
        f("container_labels", Map(MapOf::String))
            .since(14, 10)
            .doc("Labels added to every container the runner creates; values may use environment variables."),
        f("enable_ipv6", Boolean)
            .since(15, 5)
            .default(Bool(false))
            .doc("Enable IPv6 on the per-job network; only with the FF_NETWORK_PER_BUILD feature flag."),
        f("ulimit", Map(MapOf::String))
            .since(16, 2)
            .doc("Ulimits for the container, mapping a limit name to soft[:hard] values."),
        f("network_mtu", Integer)
            .minimum(0)
            .since(16, 5)
            .doc("MTU of the per-job Docker network; only with the FF_NETWORK_PER_BUILD feature flag."),
        f("log_options", Map(MapOf::String))
            .since(18, 9)
            .allowed(&["env", "labels"])
            .doc("Options for the json-file log driver of the containers; keys env and labels."),
    ],
};

pub static SERVICE: Struct = Struct {
    class: "Service",
    // Mirrors gitlab-runner's `common.Service`.
    doc: "A service container started with each job ([[runners.docker.services]], [[runners.kubernetes.services]]).",
    python: Python::NONE,
    fields: &[
        f("name", String).since(12, 5).required().doc("Image name of the service to run."),
        f("alias", String).since(12, 7).doc("Extra host name under which the job can reach the service."),
        f("command", Strings)
            .since(13, 6)
            .doc("Command for the service container, one array element per argument (like Dockerfile CMD)."),
        f("entrypoint", Strings)
            .since(13, 6)
            .doc("Entrypoint for the service container, one array element per argument."),
        f("environment", Strings)
            .environment()
            .since(15, 10)
            .doc("Environment variables added to or overriding those of the service, as NAME=value."),
        f("suspend_data_path", String)
            .since(19, 4)
            .doc("Path of service data kept when a job environment is suspended (suspendable environments feature)."),
    ],
};
