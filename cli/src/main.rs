//! `gitlab-runner-config`: lint, format and convert config.toml files.

mod args;
mod commands;
mod report;

use std::process::ExitCode;

const USAGE: &str = "\
usage: gitlab-runner-config <command> [options]     (FILE `-` is standard input)

commands:
  lint [options] FILE...
        report every problem (unknown keys, wrong types, invalid values, executor
        mistakes, keys the targeted release does not read ...) with file, line
        and column
          --format text|json|gitlab|sarif|github   text for people; json; a GitLab
                        Code Quality report; SARIF 2.1.0; GitHub workflow commands
          --min-severity error|warning|info   what to show (text: warning, others: info)
          --fail-on error|warning|info|never  exit 1 on findings this serious (error)
          --runner-version X.Y  the gitlab-runner release that reads the file
                        (default: the newest known)
          --fragment    a snippet: keys a whole file needs are not asked for
          --lenient     unknown keys are warnings, not errors
        exit status: 0 clean, 1 findings (see --fail-on), 2 usage or unreadable file
  fmt [--check] FILE...
        rewrite files in gitlab-runner's layout (unknown keys are kept; comments
        are not); with --check, change nothing and exit 1 when a file would change
  convert --from json|toml --to toml|json|python [options] [FILE]
        convert between config.toml and JSON in the same shape, or to a Python
        script that builds the config with wetwire_gitlab.runner_config (reads
        stdin without FILE); the result is linted first: findings go to stderr
        and any error stops the conversion (exit 1, nothing written)
          -o FILE       write FILE atomically (an existing file keeps its owner and
                        mode, a new one is 0600) instead of standard output
          --no-check    only refuse what cannot be converted (wrong types, syntax)
          --runner-version X.Y, --fragment, --lenient   as for lint
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
            commands::say(USAGE);
            return ExitCode::SUCCESS;
        }
        Some("-V" | "--version") => {
            commands::say(&format!("gitlab-runner-config {}\n", env!("CARGO_PKG_VERSION")));
            return ExitCode::SUCCESS;
        }
        Some(other) => Err(commands::Failure::Usage(format!("unknown command '{other}'"))),
        None => Err(commands::Failure::Usage("expected a command".into())),
    };
    match result {
        Ok(code) => code,
        Err(commands::Failure::Help) => {
            commands::say(USAGE);
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
