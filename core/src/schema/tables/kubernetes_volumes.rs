use crate::schema::build::*;

pub static KUBERNETES_VOLUMES: Struct = Struct {
    class: "KubernetesVolumes",
    // Mirrors gitlab-runner's `common.KubernetesVolumes`.
    doc: "Volumes mounted into the job pod's containers, grouped by volume type ([runners.kubernetes.volumes]).",
    python: Python::NONE,
    fields: &[
        f("host_path", Tables(&KUBERNETES_HOST_PATH))
            .doc("Host path volumes: directories or files from the node's filesystem mounted into the containers."),
        f("pvc", Tables(&KUBERNETES_PVC))
            .doc("PersistentVolumeClaim volumes: existing claims in the namespace mounted into the containers."),
        f("config_map", Tables(&KUBERNETES_CONFIG_MAP))
            .doc("ConfigMap volumes: keys of an existing ConfigMap exposed as files in the containers."),
        f("secret", Tables(&KUBERNETES_SECRET))
            .doc("Secret volumes: keys of an existing Secret exposed as files in the containers."),
        f("empty_dir", Tables(&KUBERNETES_EMPTY_DIR))
            .doc("emptyDir volumes: scratch directories created empty for the pod and removed with it."),
        f("csi", Tables(&KUBERNETES_CSI))
            .since(13, 11)
            .doc("CSI volumes: storage provided by a Container Storage Interface driver."),
        f("nfs", Tables(&KUBERNETES_NFS))
            .since(19, 0)
            .doc("NFS volumes: exports from an NFS server mounted into the containers."),
    ],
};

pub static KUBERNETES_HOST_PATH: Struct = Struct {
    class: "KubernetesHostPath",
    // Mirrors gitlab-runner's `common.KubernetesHostPath`.
    doc: "A volume from the host's filesystem mounted into the job pod ([[runners.kubernetes.volumes.host_path]]).",
    python: Python::NONE,
    fields: &[
        f("name", String).required().doc("Name of the volume."),
        f("mount_path", String).required().doc("Path inside the container where the volume is mounted."),
        f("sub_path", String).since(13, 6).doc("Sub-path inside the volume to mount instead of its root."),
        f("read_only", Boolean).default(Bool(false)).doc("Mount the volume read-only; defaults to false."),
        f("host_path", String).doc("Path on the node to mount; defaults to the same path as mount_path when unset."),
        f("mount_propagation", String)
            .since(17, 8)
            .doc("Mount propagation mode for the volume (Kubernetes modes: None, HostToContainer, Bidirectional)."),
    ],
};

pub static KUBERNETES_PVC: Struct = Struct {
    class: "KubernetesPVC",
    // Mirrors gitlab-runner's `common.KubernetesPVC`.
    doc: "A PersistentVolumeClaim mounted into the job pod ([[runners.kubernetes.volumes.pvc]]).",
    python: Python::NONE,
    fields: &[
        f("name", String).required().doc(
            "Name of the volume and of the PersistentVolumeClaim to use; supports variables such as $CI_CONCURRENT_ID.",
        ),
        f("mount_path", String).required().doc("Path inside the container where the volume is mounted."),
        f("sub_path", String).since(13, 6).doc("Sub-path inside the volume to mount instead of its root."),
        f("read_only", Boolean).default(Bool(false)).doc("Mount the volume read-only; defaults to false."),
        f("mount_propagation", String)
            .since(17, 2)
            .doc("Mount propagation mode for the volume (Kubernetes modes: None, HostToContainer, Bidirectional)."),
    ],
};

pub static KUBERNETES_CONFIG_MAP: Struct = Struct {
    class: "KubernetesConfigMap",
    // Mirrors gitlab-runner's `common.KubernetesConfigMap`.
    doc: "A ConfigMap whose keys are mounted as files into the job pod ([[runners.kubernetes.volumes.config_map]]).",
    python: Python::NONE,
    fields: &[
        f("name", String).required().doc("Name of the volume and of the ConfigMap to use."),
        f("mount_path", String).required().doc("Path inside the container where the volume is mounted."),
        f("sub_path", String).since(13, 6).doc("Sub-path inside the volume to mount instead of its root."),
        f("read_only", Boolean).default(Bool(false)).doc("Mount the volume read-only; defaults to false."),
        f("items", Map(MapOf::String))
            .doc("Map of ConfigMap key to file path; when set, only the listed keys are mounted."),
    ],
};

pub static KUBERNETES_SECRET: Struct = Struct {
    class: "KubernetesSecret",
    // Mirrors gitlab-runner's `common.KubernetesSecret`.
    doc: "A Secret whose keys are mounted as files into the job pod ([[runners.kubernetes.volumes.secret]]).",
    python: Python::NONE,
    fields: &[
        f("name", String).required().doc("Name of the volume and of the Secret to use."),
        f("mount_path", String).required().doc("Path inside the container where the volume is mounted."),
        f("sub_path", String).since(13, 6).doc("Sub-path inside the volume to mount instead of its root."),
        f("read_only", Boolean).default(Bool(false)).doc("Mount the volume read-only; defaults to false."),
        f("items", Map(MapOf::String))
            .doc("Map of Secret key to file path; when set, only the listed keys are mounted."),
    ],
};

pub static KUBERNETES_EMPTY_DIR: Struct = Struct {
    class: "KubernetesEmptyDir",
    // Mirrors gitlab-runner's `common.KubernetesEmptyDir`.
    doc: "An emptyDir scratch volume created for the job pod ([[runners.kubernetes.volumes.empty_dir]]).",
    python: Python::NONE,
    fields: &[
        f("name", String).required().doc("Name of the volume."),
        f("mount_path", String).required().doc("Path inside the container where the volume is mounted."),
        f("sub_path", String).since(13, 6).doc("Sub-path inside the volume to mount instead of its root."),
        f("medium", String)
            .allowed(&["", "Memory"])
            .doc("Storage medium: empty for the node's default disk storage, or Memory for a tmpfs."),
        f("size_limit", String)
            .quantity()
            .since(16, 6)
            .doc("Maximum amount of storage for the volume, as a Kubernetes quantity such as `1Gi`."),
        f("mount_propagation", String)
            .since(19, 0)
            .doc("Mount propagation mode for the volume (Kubernetes modes: None, HostToContainer, Bidirectional)."),
    ],
};

pub static KUBERNETES_CSI: Struct = Struct {
    class: "KubernetesCSI",
    // Mirrors gitlab-runner's `common.KubernetesCSI`.
    doc: "A volume provided by a CSI storage driver, mounted into the job pod ([[runners.kubernetes.volumes.csi]]).",
    python: Python::NONE,
    fields: &[
        f("name", String).since(13, 11).required().doc("Name of the volume."),
        f("mount_path", String).since(13, 11).required().doc("Path inside the container where the volume is mounted."),
        f("sub_path", String).since(13, 11).doc("Sub-path inside the volume to mount instead of its root."),
        f("driver", String).since(13, 11).required().doc("Name of the CSI driver that provides the volume."),
        f("fs_type", String)
            .since(13, 11)
            .doc("Filesystem type to mount, for example `ext4` or `xfs`; passed to the CSI driver."),
        f("read_only", Boolean)
            .since(13, 11)
            .default(Bool(false))
            .doc("Mount the volume read-only; defaults to false."),
        f("volume_attributes", Map(MapOf::String))
            .since(13, 11)
            .doc("Driver-specific key-value attributes passed to the CSI driver."),
    ],
};

pub static KUBERNETES_NFS: Struct = Struct {
    class: "KubernetesNFS",
    // Mirrors gitlab-runner's `common.KubernetesNFS`.
    doc: "An NFS export mounted into the job pod ([[runners.kubernetes.volumes.nfs]]).",
    python: Python::NONE,
    fields: &[
        f("name", String).since(19, 0).required().doc("Name of the volume."),
        f("mount_path", String).since(19, 0).required().doc("Path inside the container where the volume is mounted."),
        f("sub_path", String).since(19, 0).doc("Sub-path inside the volume to mount instead of its root."),
        f("server", String).since(19, 0).required().doc("Hostname or IP address of the NFS server."),
        f("path", String).since(19, 0).required().doc("Path exported by the NFS server."),
        f("read_only", Boolean)
            .since(19, 0)
            .default(Bool(false))
            .doc("Mount the NFS export read-only; defaults to false."),
    ],
};
