use crate::schema::build::*;

pub static INSTANCE_CONFIG: Struct = Struct {
    class: "InstanceConfig",
    // Mirrors gitlab-runner's `common.InstanceConfig`.
    doc: "Settings of the Instance executor ([runners.instance]).",
    python: Python::NONE,
    fields: &[
        f("allowed_images", Strings)
            .since(15, 8)
            .doc("Images a job may request when VM isolation is enabled; restricts the job image choice."),
        f("use_common_build_dir", Boolean)
            .since(16, 1)
            .default(Bool(false))
            .doc("Make every job use the same build directory; only allowed with VM isolation or max_use_count = 1."),
    ],
};

pub static SSH_CONFIG: Struct = Struct {
    class: "SSHConfig",
    // Mirrors gitlab-runner's `common.SshConfig`.
    doc: "SSH connection settings used by the SSH executor and VM-based executors ([runners.ssh]).",
    python: Python::NONE,
    fields: &[
        f("user", String).doc("User name to log in with over SSH."),
        f("password", String).secret().doc("Password for SSH authentication."),
        f("host", String).doc("Host name or address of the SSH server to connect to."),
        f("port", String).doc("SSH server port, given as a string; 22 when empty."),
        f("identity_file", String).doc("Path to an unencrypted SSH private key file used for authentication."),
        f("disable_strict_host_key_checking", Boolean)
            .since(14, 3)
            .default(Bool(false))
            .doc("When true, the server host key is not verified; unset or false keeps strict host key checking."),
        f("known_hosts_file", String)
            .since(14, 3)
            .default(Str("~/.ssh/known_hosts"))
            .doc("Known-hosts file used to verify the server host key; defaults to ~/.ssh/known_hosts."),
    ],
};

pub static PARALLELS_CONFIG: Struct = Struct {
    class: "ParallelsConfig",
    // Mirrors gitlab-runner's `common.ParallelsConfig`.
    doc: "Settings of the Parallels executor ([runners.parallels]).",
    python: Python::NONE,
    fields: &[
        f("base_name", String).doc("Name of the Parallels VM that job VMs are cloned from."),
        f("template_name", String).doc("Name of the template VM created from the base VM for linked clones."),
        f("disable_snapshots", Boolean)
            .default(Bool(false))
            .doc("Disable snapshots of the job VM; the VM is then destroyed when the job finishes."),
        f("time_server", String)
            .default(Str("time.apple.com"))
            .doc("Time server the guest syncs its clock from; default time.apple.com."),
        f("allowed_images", Strings)
            .since(14, 2)
            .doc("Regular expressions of base VM names a job may select as its image."),
    ],
};

pub static VIRTUAL_BOX_CONFIG: Struct = Struct {
    class: "VirtualBoxConfig",
    // Mirrors gitlab-runner's `common.VirtualBoxConfig`.
    doc: "Settings of the VirtualBox executor ([runners.virtualbox]).",
    python: Python::NONE,
    fields: &[
        f("base_name", String).doc("Name of the VirtualBox VM that job VMs are cloned from."),
        f("base_snapshot", String).doc("Name or UUID of the base VM snapshot to clone from."),
        f("base_folder", String).since(13, 7).doc("Folder where new VMs are stored; VirtualBox default when empty."),
        f("disable_snapshots", Boolean)
            .default(Bool(false))
            .doc("Disable snapshots of the job VM; the VM is then destroyed when the job finishes."),
        f("allowed_images", Strings)
            .since(14, 2)
            .doc("Regular expressions of base VM names a job may select as its image."),
        f("start_type", String)
            .since(15, 7)
            .default(Str("headless"))
            .allowed(&["headless", "gui", "separate"])
            .doc("How the VM is started: headless (default), gui or separate."),
    ],
};

pub static CUSTOM_CONFIG: Struct = Struct {
    class: "CustomConfig",
    // Mirrors gitlab-runner's `common.CustomConfig`.
    doc: "Settings of the Custom executor ([runners.custom]).",
    python: Python::NONE,
    fields: &[
        f("config_exec", String)
            .since(12, 1)
            .doc("Executable that returns configuration values to the executor before the job."),
        f("config_args", Strings).since(12, 1).doc("Arguments passed to config_exec."),
        f("config_exec_timeout", Integer)
            .minimum(0)
            .since(12, 1)
            .default(Int(3600))
            .doc("Timeout for config_exec, in seconds; default 3600."),
        f("prepare_exec", String).since(12, 1).doc("Executable that prepares the job environment."),
        f("prepare_args", Strings).since(12, 1).doc("Arguments passed to prepare_exec."),
        f("prepare_exec_timeout", Integer)
            .minimum(0)
            .since(12, 1)
            .default(Int(3600))
            .doc("Timeout for prepare_exec, in seconds; default 3600."),
        f("run_exec", String).since(12, 1).required().doc("Executable that runs each job script stage; required."),
        f("run_args", Strings).since(12, 1).doc("Arguments passed to the run_exec executable."),
        f("cleanup_exec", String).since(12, 1).doc("Executable that cleans up the environment after the job."),
        f("cleanup_args", Strings).since(12, 1).doc("Arguments passed to cleanup_exec."),
        f("cleanup_exec_timeout", Integer)
            .minimum(0)
            .since(12, 1)
            .default(Int(3600))
            .doc("Timeout for cleanup_exec, in seconds; default 3600."),
        f("graceful_kill_timeout", Integer)
            .minimum(0)
            .since(12, 1)
            .doc("Seconds a script may spend cleaning up after SIGTERM before it is force-killed."),
        f("force_kill_timeout", Integer)
            .minimum(0)
            .since(12, 1)
            .doc("Seconds to wait after the force kill before the runner gives up and logs an error."),
    ],
};
