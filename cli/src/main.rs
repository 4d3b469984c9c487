//! `gitlab-runner-config`: lint, format and convert config.toml files. The commands live in
//! the library, shared with the Python and npm packages' `gitlab-runner-config`.

use std::process::ExitCode;

use gitlab_runner_config_cli::{run, NativeHost};

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    ExitCode::from(run(&mut NativeHost, &arguments))
}
