use crate::schema::build::*;

pub static DOCKER_MACHINE_CONFIG: Struct = Struct {
    class: "DockerMachineConfig",
    // Mirrors gitlab-runner's `common.DockerMachine`.
    doc: "Docker Machine autoscaling settings for the docker+machine executor ([runners.machine]).",
    python: Python::NONE,
    fields: &[
        f("MaxGrowthRate", Integer)
            .minimum(0)
            .since(13, 6)
            .name("max_growth_rate")
            .default(Int(0))
            .doc("Maximum number of machines created in parallel; 0 means unlimited."),
        f("IdleCount", Integer)
            .minimum(0)
            .name("idle_count")
            .doc("Number of idle machines to keep ready for new jobs."),
        f("IdleScaleFactor", Float)
            .minimum(0)
            .since(14, 6)
            .name("idle_scale_factor")
            .default(Real(0.0))
            .doc("Experimental: idle machines as a factor of machines in use, capped by IdleCount; 0.0 disables."),
        f("IdleCountMin", Integer)
            .minimum(0)
            .since(14, 6)
            .name("idle_count_min")
            .default(Int(1))
            .doc("Minimum idle machines to keep when IdleScaleFactor is used; default 1."),
        f("IdleTime", Integer)
            .minimum(0)
            .name("idle_time")
            .doc("Seconds a machine may stay idle before it is removed."),
        f("MaxBuilds", Integer)
            .minimum(0)
            .name("max_builds")
            .doc("Maximum jobs a machine runs before it is removed; 0 means no limit."),
        f("MachineDriver", String).name("machine_driver").doc("Docker Machine driver used to create machines."),
        f("MachineName", String)
            .name("machine_name")
            .doc("Machine name template; must contain %s, which is replaced by a unique ID."),
        f("MachineOptions", Strings).name("machine_options").doc("Extra driver options passed when creating machines."),
        f("MachineOptionsWithName", Strings)
            .since(18, 6)
            .name("machine_options_with_name")
            .doc("Extra creation options where %s is replaced by the machine name."),
        f("MaxRemovalAttempts", Integer)
            .minimum(0)
            .since(19, 1)
            .name("max_removal_attempts")
            .default(Int(30))
            .doc("Maximum attempts to remove a machine before giving up; default 30."),
        f("OffPeakPeriods", Strings)
            .name("off_peak_periods")
            .deprecated()
            .doc("Deprecated: cron-style periods when off-peak settings apply; use autoscaling instead."),
        f("OffPeakTimezone", String)
            .name("off_peak_timezone")
            .deprecated()
            .doc("Deprecated: timezone for OffPeakPeriods."),
        f("OffPeakIdleCount", Integer)
            .minimum(0)
            .name("off_peak_idle_count")
            .deprecated()
            .doc("Deprecated: idle machine count used during off-peak periods."),
        f("OffPeakIdleTime", Integer)
            .minimum(0)
            .name("off_peak_idle_time")
            .deprecated()
            .doc("Deprecated: idle time in seconds used during off-peak periods."),
        f("autoscaling", Tables(&DOCKER_MACHINE_AUTOSCALING))
            .since(13, 0)
            .doc("Time-based autoscaling overrides ([[runners.machine.autoscaling]]); the last matching entry wins."),
    ],
};

pub static DOCKER_MACHINE_AUTOSCALING: Struct = Struct {
    class: "DockerMachineAutoscaling",
    // Mirrors gitlab-runner's `common.DockerMachineAutoscaling`.
    doc: "Idle settings that apply during given time periods ([[runners.machine.autoscaling]]).",
    python: Python::NONE,
    fields: &[
        f("Periods", Strings)
            .since(13, 0)
            .name("periods")
            .doc("Cron-style time periods during which this entry is active."),
        f("Timezone", String)
            .since(13, 0)
            .name("timezone")
            .doc("Timezone used to evaluate Periods; defaults to local time."),
        f("IdleCount", Integer)
            .minimum(0)
            .since(13, 0)
            .name("idle_count")
            .doc("Number of idle machines to keep while this entry is active."),
        f("IdleScaleFactor", Float)
            .minimum(0)
            .since(14, 6)
            .name("idle_scale_factor")
            .doc("Experimental: idle machines as a factor of machines in use, capped by IdleCount."),
        f("IdleCountMin", Integer)
            .minimum(0)
            .since(14, 6)
            .name("idle_count_min")
            .doc("Minimum idle machines when IdleScaleFactor is used in this entry."),
        f("IdleTime", Integer)
            .minimum(0)
            .since(13, 0)
            .name("idle_time")
            .doc("Seconds a machine may stay idle before removal while this entry is active."),
    ],
};
