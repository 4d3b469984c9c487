//! The `gitlab-runner-config` command, as a library: the native binary, the Python console
//! script and the npm package's `bin` all run `run` (the core does no I/O; a `Host` does it).
//! The file write policy is shared with the Python package too.

mod args;
mod commands;
pub mod compose;
mod docker_auth;
pub mod files;
pub mod host;
mod report;
mod run;

pub use host::{Host, NativeHost};
pub use run::run;
