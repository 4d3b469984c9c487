//! The command line, from arguments to an exit status: one implementation for the native
//! binary, the Python console script and the npm package's `bin`, which differ only in their
//! `Host`.

use crate::commands::{self, Failure};
use crate::compose;
use crate::docker_auth;
use crate::host::Host;

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
          --fix         repair what can be repaired without changing the meaning (a
                        key's letter case, a key gitlab-runner renamed), keeping
                        comments; files are written atomically, then linted
          --unsafe-fixes  also rename an unknown key to the one known key close to it
          --diff        show what --fix would change (a unified diff), write nothing;
                        exit 1 when something would change
        exit status: 0 clean, 1 findings (see --fail-on), 2 usage or unreadable file
  fmt [--check] [--canonical] [--force] FILE...
        tidy files as gitlab-runner writes them (two spaces per table level, one
        space around =, no trailing spaces, single blank lines), keeping comments,
        key order, quoting and numbers as written; files with errors are left
        alone
          --check       change nothing; exit 1 when a file would change
          --canonical   also put keys in canonical order (comments move with them)
          --force       format files with unknown keys or wrong types too
  convert --from json|toml [--to toml|json|python] [options] [FILE]
        convert between config.toml and JSON in the same shape, or to a Python
        script that builds the config with wetwire_gitlab.runner_config (reads
        stdin without FILE); the result is linted first: findings go to stderr
        and any error stops the conversion (exit 1, nothing written)
          -o FILE       write FILE atomically (an existing file keeps its owner and
                        mode, a new one is 0600) instead of standard output
          --no-check    only refuse what cannot be converted (wrong types, syntax)
          --expand-env  fill in ${VAR} placeholders from the environment (after the
                        checks; an unset variable stops it, named with its key
                        path); $$ is a literal $
          --runner-version X.Y, --fragment, --lenient   as for lint
  compose TEMPLATE DIR [--current FILE] [-o FILE]
        one runner per DIR/*.toml snippet (named by the file's stem unless it sets
        name), on top of the TEMPLATE's global settings and its one [[runners]]
        entry of defaults (tables merged key by key, lists replaced); the
        template's client_configs are left out. token, id, token_obtained_at and
        token_expires_at come from the --current file's runner of the same name;
        its comments are kept. Removed runners and runners without a token are
        listed on stderr. Files writable by group or other are refused (exit 2).
          -o FILE       write FILE atomically (as convert -o)
  docker-auth --registry R --username U --password-stdin
  docker-auth --registry R --cred-helper HELPER | --creds-store STORE
        print the JSON value of DOCKER_AUTH_CONFIG (for a runner's environment)
        that logs the Docker client in to registry R; the password is read from
        standard input (one trailing newline dropped)
  explain CODE
        what a diagnostic code (such as unknown-key) means, with an example
  schema
        print the JSON Schema of config.toml
";

/// Runs one command line (without the program's name) and returns the exit status.
pub fn run(host: &mut dyn Host, arguments: &[String]) -> u8 {
    let rest = arguments.get(1..).unwrap_or_default();
    let result = match arguments.first().map(String::as_str) {
        Some("lint") => commands::lint(host, rest),
        Some("fmt") => commands::fmt(host, rest),
        Some("convert") => commands::convert(host, rest),
        Some("schema") => commands::schema(host, rest),
        Some("explain") => commands::explain(host, rest),
        Some("compose") => compose::command(host, rest),
        Some("docker-auth") => docker_auth::command(host, rest),
        Some("-h" | "--help" | "help") => Err(Failure::Help),
        Some("-V" | "--version") => {
            host.stdout(&format!("gitlab-runner-config {}\n", env!("CARGO_PKG_VERSION")));
            Ok(0)
        }
        Some(other) => Err(Failure::Usage(format!("unknown command '{other}'"))),
        None => Err(Failure::Usage("expected a command".into())),
    };
    match result {
        Ok(status) => status,
        Err(Failure::Help) => {
            host.stdout(USAGE);
            0
        }
        Err(Failure::Usage(message)) => {
            host.stderr(&format!("error: {message}\n\n{USAGE}"));
            2
        }
        Err(Failure::Other(message)) => {
            host.stderr(&format!("error: {message}\n"));
            2
        }
    }
}
