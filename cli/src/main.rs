//! `gitlab-runner-config`: lint, format and convert config.toml files.

mod args;
mod commands;

use std::process::ExitCode;

const USAGE: &str = "\
usage: gitlab-runner-config <command> [options]

commands:
  lint [--format text|json] [--lenient] [--runner-version X.Y] [--fragment] FILE...
        report every problem (unknown keys, wrong types, invalid values, executor
        mistakes ...) with file, line and column; exits 1 when any is an error
        (--lenient: unknown keys are warnings, not errors; --runner-version: the
        gitlab-runner release that reads the file, by default the newest known;
        --fragment: a snippet, so keys a whole file needs are not asked for)
  fmt [--check] FILE...
        rewrite files in gitlab-runner's layout (unknown keys are kept; comments
        are not); with --check, change nothing and exit 1 when a file would change
  convert --from json|toml --to toml|json|python [--lenient] [FILE]
        convert between config.toml and JSON in the same shape, or to a Python
        script that builds the config with wetwire_gitlab.runner_config (reads
        stdin without FILE, writes stdout); the input is checked against the
        schema, and with --lenient unknown keys are kept
  explain CODE
        what a diagnostic code (such as unknown-key) means, with an example
  schema
        print the JSON Schema of config.toml
";

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let result = match arguments.first().map(String::as_str) {
        Some("lint") => commands::lint(&arguments[1..]),
        Some("fmt") => commands::fmt(&arguments[1..]),
        Some("convert") => commands::convert(&arguments[1..]),
        Some("schema") => commands::schema(&arguments[1..]),
        Some("explain") => commands::explain(&arguments[1..]),
        Some("-h" | "--help" | "help") => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some("-V" | "--version") => {
            println!("gitlab-runner-config {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        _ => Err(commands::Failure::Usage("expected a command".into())),
    };
    match result {
        Ok(code) => code,
        Err(commands::Failure::Help) => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        Err(commands::Failure::Usage(message)) => {
            eprint!("error: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
        Err(commands::Failure::Other(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}
