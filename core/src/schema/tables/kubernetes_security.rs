use crate::schema::build::*;

pub static KUBERNETES_POD_SECURITY_CONTEXT: Struct = Struct {
    class: "KubernetesPodSecurityContext",
    // Mirrors gitlab-runner's `common.KubernetesPodSecurityContext`.
    doc: "Pod-level security context for the job pod, applied to all of its containers ([runners.kubernetes.pod_security_context]).",
    python: Python::NONE,
    fields: &[
        f("fs_group", Integer).minimum(0)
            .doc("Supplemental group ID applied to all containers; supporting volumes are made owned by this GID."),
        f("run_as_group", Integer).minimum(0)
            .doc("Primary group ID (GID) used to run the entrypoint of the pod's container processes."),
        f("run_as_non_root", Boolean).default(Bool(false))
            .doc("If true, the kubelet refuses to start containers whose image would run as UID 0 (root)."),
        f("run_as_user", Integer).minimum(0)
            .doc("User ID (UID) used to run the entrypoint of the pod's container processes."),
        f("supplemental_groups", Integers).minimum(0)
            .doc("Additional group IDs added to the first process of every container in the pod."),
        f("selinux_type", String).since(15, 3)
            .doc("SELinux type label applied to all containers in the pod."),
        f("seccomp_profile", Table(&KUBERNETES_SECCOMP_PROFILE)).since(18, 11)
            .doc("Seccomp profile applied to the pod's containers."),
        f("app_armor_profile", Table(&KUBERNETES_APP_ARMOR_PROFILE)).since(18, 11)
            .doc("AppArmor profile applied to the pod's containers."),
    ],
};

pub static KUBERNETES_SECCOMP_PROFILE: Struct = Struct {
    class: "KubernetesSeccompProfile",
    // Mirrors gitlab-runner's `common.KubernetesSeccompProfile`.
    doc: "A seccomp profile setting for a pod or container security context.",
    python: Python::NONE,
    fields: &[
        f("type", String).since(18, 11).allowed(&["RuntimeDefault", "Localhost", "Unconfined"])
            .doc("Kind of seccomp profile to apply: RuntimeDefault, Localhost or Unconfined."),
        f("localhost_profile", String).since(18, 11)
            .doc("Path of a profile file on the node, relative to the kubelet seccomp directory; used only with type Localhost."),
    ],
};

pub static KUBERNETES_APP_ARMOR_PROFILE: Struct = Struct {
    class: "KubernetesAppArmorProfile",
    // Mirrors gitlab-runner's `common.KubernetesAppArmorProfile`.
    doc: "An AppArmor profile setting for a pod or container security context.",
    python: Python::NONE,
    fields: &[
        f("type", String)
            .since(18, 11)
            .allowed(&["RuntimeDefault", "Localhost", "Unconfined"])
            .doc("Kind of AppArmor profile to apply: RuntimeDefault, Localhost or Unconfined."),
        f("localhost_profile", String)
            .since(18, 11)
            .doc("Name of an AppArmor profile loaded on the node; used only with type Localhost."),
    ],
};

pub static KUBERNETES_CONTAINER_SECURITY_CONTEXT: Struct = Struct {
    class: "KubernetesContainerSecurityContext",
    // Mirrors gitlab-runner's `common.KubernetesContainerSecurityContext`.
    doc: "Container-level security context for one of the job pod's containers (build, helper, service or init-permissions).",
    python: Python::NONE,
    fields: &[
        f("capabilities", Table(&KUBERNETES_CONTAINER_CAPABILITIES)).since(14, 5)
            .doc("Linux capabilities to add to or drop from the container."),
        f("privileged", Boolean).since(14, 5).default(Bool(false))
            .doc("Run the container in privileged mode, with access equivalent to root on the host."),
        f("run_as_user", Integer).minimum(0).since(14, 5)
            .doc("User ID (UID) used to run the container's entrypoint; overrides the pod-level setting."),
        f("run_as_group", Integer).minimum(0).since(14, 5)
            .doc("Group ID (GID) used to run the container's entrypoint; overrides the pod-level setting."),
        f("run_as_non_root", Boolean).since(14, 5).default(Bool(false))
            .doc("If true, the kubelet refuses to start the container if its image would run as UID 0 (root)."),
        f("read_only_root_filesystem", Boolean).since(14, 5).default(Bool(false))
            .doc("Mount the container's root filesystem read-only."),
        f("allow_privilege_escalation", Boolean).since(14, 5).default(Bool(false))
            .doc("Whether a process may gain more privileges than its parent (controls the no_new_privs flag)."),
        f("selinux_type", String).since(15, 3)
            .doc("SELinux type label applied to the container."),
        f("proc_mount", String).since(15, 9).allowed(&["default", "unmasked"])
            .doc("Type of /proc mount for the container: default (masked paths) or unmasked."),
        f("seccomp_profile", Table(&KUBERNETES_SECCOMP_PROFILE)).since(18, 11)
            .doc("Seccomp profile for the container; overrides the pod-level profile."),
        f("app_armor_profile", Table(&KUBERNETES_APP_ARMOR_PROFILE)).since(18, 11)
            .doc("AppArmor profile for the container; overrides the pod-level profile."),
    ],
};

pub static KUBERNETES_CONTAINER_CAPABILITIES: Struct = Struct {
    class: "KubernetesContainerCapabilities",
    // Mirrors gitlab-runner's `common.KubernetesContainerCapabilities`.
    doc: "Linux capabilities added to or dropped from a container's default capability set.",
    python: Python::NONE,
    fields: &[
        f("add", Strings).since(14, 5).doc("Linux capability names to add to the container, for example `NET_ADMIN`."),
        f("drop", Strings).since(14, 5).doc("Linux capability names to drop from the container, for example `ALL`."),
    ],
};
