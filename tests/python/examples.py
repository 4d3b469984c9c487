"""Configs built through the Python API, one per family of tables. Each renders to the golden
file of the same name in tests/golden/ (test_golden.py)."""

from __future__ import annotations

from wetwire_gitlab.runner_config import (
    AutoscalerConfig,
    AutoscalerPolicyConfig,
    AutoscalerStateStorage,
    CacheAzureConfig,
    CacheConfig,
    CacheGCSConfig,
    CacheS3Config,
    Config,
    ConnectorConfig,
    CustomConfig,
    DockerConfig,
    DockerMachineAutoscaling,
    DockerMachineConfig,
    DockerMachineShutdownDrain,
    Executor,
    InstanceConfig,
    KubernetesAffinity,
    KubernetesConfig,
    KubernetesContainerCapabilities,
    KubernetesContainerSecurityContext,
    KubernetesEmptyDir,
    KubernetesHostPath,
    KubernetesNodeAffinity,
    KubernetesPodSecurityContext,
    KubernetesPVC,
    KubernetesSeccompProfile,
    KubernetesSecret,
    KubernetesVolumes,
    LabelSelector,
    MachineConfig,
    NodeSelector,
    NodeSelectorRequirement,
    NodeSelectorTerm,
    ParallelsConfig,
    PodAffinityTerm,
    KubernetesPodAntiAffinity,
    Runner,
    Service,
    SessionServer,
    SSHConfig,
    VirtualBoxConfig,
    WeightedPodAffinityTerm,
)

URL = "https://gitlab.example.com/"


def global_settings() -> Config:
    return Config(
        concurrent=8,
        check_interval=5,
        log_level="warning",
        log_format="json",
        listen_address="127.0.0.1:9252",
        shutdown_timeout=60,
        sentry_dsn="${SENTRY_DSN}",
        connection_max_age="15m",
        user="gitlab-runner",
        session_server=SessionServer(
            listen_address="[::]:8093",
            advertise_address="runner.example.com:8093",
            session_timeout=1800,
        ),
        labels={"team": "platform", "region": "eu-west-1"},
        machine=MachineConfig(shutdown_drain=DockerMachineShutdownDrain(enabled=True, concurrency=5, retry_backoff="10s")),
    )


def docker_services() -> Config:
    docker = DockerConfig(
        image="ruby:3.3",
        privileged=True,
        tls_verify=False,
        volumes=["/certs/client", "/cache"],
        shm_size=268435456,
        pull_policy=["always", "if-not-present"],
        allowed_pull_policies=["always", "if-not-present"],
        services=[
            Service(name="postgres:16", alias="db", environment=["POSTGRES_PASSWORD=${DB_PASSWORD}"]),
            Service(name="docker:27-dind", alias="docker", command=["--tls=false"], entrypoint=["dockerd-entrypoint.sh"]),
        ],
        sysctls={"net.ipv4.ip_forward": "1", "net.core.somaxconn": "1024"},
        tmpfs={"/var/lib/mysql": "rw,noexec"},
        ulimit={"nofile": "65536:65536"},
        container_labels={"com.example.team": "ci"},
        services_devices={"postgres:*": ["/dev/fuse"]},
        helper_image_flavor="ubuntu",
        memory="2g",
        cpus="1.5",
        wait_for_services_timeout=60,
    )
    runner = Runner("docker-dind", URL, "${RUNNER_TOKEN}", Executor.DOCKER, docker=docker)
    runner.environment.append("DOCKER_TLS_CERTDIR=/certs")
    return Config(concurrent=4, runners=[runner])


def kubernetes() -> Config:
    affinity = KubernetesAffinity(
        node_affinity=KubernetesNodeAffinity(
            required_during_scheduling_ignored_during_execution=NodeSelector(
                node_selector_terms=[
                    NodeSelectorTerm(
                        match_expressions=[
                            NodeSelectorRequirement(key="kubernetes.io/arch", operator="In", values=["amd64", "arm64"])
                        ]
                    )
                ]
            )
        ),
        pod_anti_affinity=KubernetesPodAntiAffinity(
            preferred_during_scheduling_ignored_during_execution=[
                WeightedPodAffinityTerm(
                    weight=100,
                    pod_affinity_term=PodAffinityTerm(
                        topology_key="kubernetes.io/hostname",
                        label_selector=LabelSelector(match_labels={"app": "gitlab-runner-job"}),
                    ),
                )
            ]
        ),
    )
    kube = KubernetesConfig(
        namespace="gitlab-runner",
        service_account="gitlab-runner",
        pod_labels={"env": "ci", "job.gitlab.com/id": "${CI_JOB_ID}"},
        pod_annotations={"cluster-autoscaler.kubernetes.io/safe-to-evict": "false"},
        image="alpine:3.20",
        privileged=False,
        cpu_limit="2",
        memory_limit="4Gi",
        cpu_request="500m",
        memory_request="1Gi",
        helper_cpu_limit="500m",
        helper_memory_limit="256Mi",
        poll_timeout=600,
        node_selector={"kubernetes.io/os": "linux"},
        affinity=affinity,
        pod_security_context=KubernetesPodSecurityContext(
            run_as_non_root=True, run_as_user=1000, fs_group=1000, supplemental_groups=[2000, 3000]
        ),
        build_container_security_context=KubernetesContainerSecurityContext(
            allow_privilege_escalation=False,
            read_only_root_filesystem=True,
            capabilities=KubernetesContainerCapabilities(add=["NET_ADMIN"], drop=["ALL"]),
            seccomp_profile=KubernetesSeccompProfile(type="RuntimeDefault"),
        ),
        volumes=KubernetesVolumes(
            host_path=[KubernetesHostPath(name="docker", mount_path="/var/run/docker.sock", host_path="/var/run/docker.sock")],
            pvc=[KubernetesPVC(name="cache", mount_path="/cache")],
            secret=[KubernetesSecret(name="ca", mount_path="/etc/ssl/ca", read_only=True, items={"ca.crt": "ca.pem"})],
            empty_dir=[KubernetesEmptyDir(name="scratch", mount_path="/scratch", medium="Memory", size_limit="1Gi")],
        ),
        cleanup_resources_timeout="5m",
    )
    runner = Runner("k8s", URL, "${RUNNER_TOKEN}", Executor.KUBERNETES, kubernetes=kube)
    return Config(concurrent=20, runners=[runner])


def caches() -> Config:
    s3 = Runner(
        "s3-cache",
        URL,
        "${RUNNER_TOKEN}",
        Executor.SHELL,
        cache=CacheConfig(
            type="s3",
            path="runners",
            shared=True,
            s3=CacheS3Config(
                server_address="s3.amazonaws.com",
                bucket_name="runner-cache",
                bucket_location="eu-west-1",
                authentication_type="iam",
                server_side_encryption="aws:kms",
                server_side_encryption_key_id="alias/runner-cache",
            ),
        ),
    )
    gcs = Runner("gcs-cache", URL, "${RUNNER_TOKEN}", "shell")
    gcs.cache_gcs = CacheGCSConfig(bucket_name="runner-cache", credentials_file="/etc/gitlab-runner/gcs.json")
    gcs.cache.type = "gcs"
    azure = Runner("azure-cache", URL, "${RUNNER_TOKEN}", "shell")
    azure.cache_azure = CacheAzureConfig(account_name="runners", account_key="${AZURE_KEY}", container_name="cache")
    azure.cache.type = "azure"
    azure.cache.max_uploaded_archive_size = 1073741824
    return Config(concurrent=3, runners=[s3, gcs, azure])


def docker_machine() -> Config:
    machine = DockerMachineConfig(
        idle_count=2,
        idle_time=1800,
        max_builds=100,
        machine_driver="amazonec2",
        machine_name="gitlab-docker-machine-%s",
        machine_options=["amazonec2-region=eu-west-1", "amazonec2-instance-type=m5.large"],
        autoscaling=[
            DockerMachineAutoscaling(periods=["* * 9-17 * * mon-fri *"], idle_count=10, idle_time=3600, timezone="UTC"),
            DockerMachineAutoscaling(periods=["* * * * * sat,sun *"], idle_count=0, idle_scale_factor=0.5),
        ],
    )
    runner = Runner(
        "machine", URL, "${RUNNER_TOKEN}", Executor.DOCKER_MACHINE, limit=40, docker=DockerConfig(image="alpine")
    )
    runner.machine = machine
    return Config(concurrent=40, runners=[runner])


def docker_autoscaler() -> Config:
    autoscaler = AutoscalerConfig(
        plugin="aws:latest",
        capacity_per_instance=1,
        max_use_count=1,
        max_instances=20,
        plugin_config={"name": "runner-asg", "profile": "default", "config_file": "/etc/aws/config"},
        connector_config=ConnectorConfig(username="ec2-user", use_external_addr=True, timeout="1m"),
        policy=[
            AutoscalerPolicyConfig(idle_count=5, idle_time="20m0s", scale_factor=0.1, scale_factor_limit=10),
            AutoscalerPolicyConfig(periods=["* * * * sat,sun"], idle_count=0, timezone="Europe/Paris"),
        ],
        state_storage=AutoscalerStateStorage(enabled=True),
        instance_creation_time_buckets=[30.0, 60.0, 120.5],
    )
    runner = Runner(
        "autoscaler", URL, "${RUNNER_TOKEN}", Executor.DOCKER_AUTOSCALER, docker=DockerConfig(image="alpine")
    )
    runner.autoscaler = autoscaler
    return Config(concurrent=20, runners=[runner])


def other_executors() -> Config:
    custom = Runner("custom", URL, "${RUNNER_TOKEN}", Executor.CUSTOM)
    custom.custom = CustomConfig(
        config_exec="/opt/ci/config.sh",
        prepare_exec="/opt/ci/prepare.sh",
        prepare_args=["--verbose"],
        run_exec="/opt/ci/run.sh",
        cleanup_exec="/opt/ci/cleanup.sh",
        graceful_kill_timeout=200,
    )
    ssh = Runner("ssh", URL, "${RUNNER_TOKEN}", Executor.SSH)
    ssh.ssh = SSHConfig(host="build.example.com", port="22", user="ci", identity_file="/home/ci/.ssh/id_ed25519")
    parallels = Runner("parallels", URL, "${RUNNER_TOKEN}", Executor.PARALLELS)
    parallels.parallels = ParallelsConfig(base_name="macos-14", disable_snapshots=False, time_server="time.apple.com")
    parallels.ssh = SSHConfig(user="admin", password="${VM_PASSWORD}")
    virtualbox = Runner("virtualbox", URL, "${RUNNER_TOKEN}", Executor.VIRTUALBOX)
    virtualbox.virtualbox = VirtualBoxConfig(base_name="ubuntu-24.04", base_snapshot="clean", start_type="headless")
    virtualbox.ssh = SSHConfig(user="vagrant", identity_file="/home/ci/.ssh/vagrant")
    instance = Runner("instance", URL, "${RUNNER_TOKEN}", Executor.INSTANCE)
    instance.instance = InstanceConfig(allowed_images=["*"], use_common_build_dir=True)
    instance.autoscaler = AutoscalerConfig(plugin="fleeting-plugin-googlecompute", max_instances=5)
    return Config(concurrent=10, runners=[custom, ssh, parallels, virtualbox, instance])


def feature_flags_and_labels() -> Config:
    runner = Runner(
        "flags",
        URL,
        "${RUNNER_TOKEN}",
        "shell",
        shell="bash",
        labels={"os": "linux", "gpu": "false"},
        feature_flags={"FF_USE_FASTZIP": True, "FF_SCRIPT_SECTIONS": True, "FF_TIMESTAMPS": False},
    )
    return Config(concurrent=1, runners=[runner])


EXAMPLES = {
    "global": global_settings,
    "docker_services": docker_services,
    "kubernetes": kubernetes,
    "caches": caches,
    "docker_machine": docker_machine,
    "docker_autoscaler": docker_autoscaler,
    "other_executors": other_executors,
    "feature_flags_and_labels": feature_flags_and_labels,
}
