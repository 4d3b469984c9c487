//! `cargo run -p gitlab-runner-config-codegen -- [write|check]` (`make codegen` writes).

use std::process::ExitCode;

fn main() -> ExitCode {
    match std::env::args().nth(1).as_deref() {
        Some("write") | None => match gitlab_runner_config_codegen::write() {
            Ok(written) => {
                for path in &written {
                    println!("wrote {path}");
                }
                if written.is_empty() {
                    println!("generated files are up to date");
                }
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("error: {error}");
                ExitCode::FAILURE
            }
        },
        Some("check") => {
            let stale = gitlab_runner_config_codegen::stale();
            for path in &stale {
                eprintln!("stale: {path} (run `make codegen`)");
            }
            if stale.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Some(other) => {
            eprintln!("usage: codegen [write|check] (got {other:?})");
            ExitCode::FAILURE
        }
    }
}
