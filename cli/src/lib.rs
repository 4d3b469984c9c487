//! What the `gitlab-runner-config` command and the Python package share beyond the core: the
//! file writes (the core does no I/O).

pub mod files;
