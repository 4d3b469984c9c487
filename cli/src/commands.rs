//! The commands. Each reads its files, calls the core, and prints; the core does no I/O.

use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

use gitlab_runner_config::json::{to_json, JsonValue};
use gitlab_runner_config::parse::text_from_bytes;
use gitlab_runner_config::schema::Version;
use gitlab_runner_config::validate::findings;
use gitlab_runner_config::{decode, lint as lint_text, render, schema, Code, Diagnostic, Options, Severity, Source, UnknownKeys};

use gitlab_runner_config_cli::files::write_atomically;

use crate::args::Args;
use crate::report::{self, report, Finding, Format};

pub enum Failure {
    /// `--help`: the usage, and success.
    Help,
    /// Wrong command line: the usage is printed too.
    Usage(String),
    Other(String),
}

/// Writes to stdout. When the reader has gone (`schema | head -1`), stops quietly with the
/// status a process killed by SIGPIPE has, rather than a panic.
pub fn say(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if let Err(error) = out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        if error.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(141);
        }
        eprintln!("error: stdout: {error}");
        std::process::exit(2);
    }
}

/// Errors that stop a command, printed one per line on stderr.
fn report_errors(file: &str, errors: Vec<gitlab_runner_config::Error>) -> ExitCode {
    for error in errors {
        eprintln!("{}", report::line(file, &Diagnostic::from(error)));
    }
    ExitCode::FAILURE
}

/// A file's text (`-` for stdin). Bytes that are not UTF-8 are a finding about the file, with
/// their position, rather than a failure to read it.
fn read(file: &str) -> Result<Result<String, Vec<gitlab_runner_config::Error>>, Failure> {
    let bytes = if file == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).map_err(|e| Failure::Other(format!("stdin: {e}")))?;
        bytes
    } else {
        std::fs::read(file).map_err(|e| Failure::Other(format!("{file}: {e}")))?
    };
    Ok(text_from_bytes(&bytes).map(str::to_owned))
}

pub fn lint(arguments: &[String]) -> Result<ExitCode, Failure> {
    let args = Args::parse(
        arguments,
        &["--lenient", "--fragment"],
        &["--format", "--runner-version", "--min-severity", "--fail-on"],
    )?;
    let format = Format::from_name(&args.choice("--format", Format::NAMES, Some("text"))?);
    // People read text: notes stay out of it unless asked for. Machines get everything.
    let shown_by_default = if format == Format::Text { "warning" } else { "info" };
    let shown = severity(&args.choice("--min-severity", SEVERITIES, Some(shown_by_default))?);
    let fail_on = args.choice("--fail-on", &["error", "warning", "info", "never"], Some("error"))?;
    if args.files.is_empty() {
        return Err(Failure::Usage("lint needs at least one FILE".into()));
    }
    let checks = checks(&args)?;
    let mut findings: Vec<Finding> = Vec::new();
    // A file that cannot be read is said at once; the others are still linted.
    let mut unread = false;
    for file in &args.files {
        let found = match read(file) {
            Ok(Ok(text)) => lint_text(&text, &checks),
            Ok(Err(not_text)) => not_text.into_iter().map(Diagnostic::from).collect(),
            Err(Failure::Other(message)) => {
                eprintln!("error: {message}");
                unread = true;
                continue;
            }
            Err(other) => return Err(other),
        };
        findings.extend(found.into_iter().map(|diagnostic| Finding { file: file.clone(), diagnostic }));
    }
    say(&report(format, &findings, args.files.len(), shown));
    let failed = fail_on != "never" && findings.iter().any(|f| f.diagnostic.severity <= severity(&fail_on));
    Ok(if unread {
        ExitCode::from(2)
    } else if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

const SEVERITIES: &[&str] = &["error", "warning", "info"];

fn severity(name: &str) -> Severity {
    match name {
        "error" => Severity::Error,
        "warning" => Severity::Warning,
        _ => Severity::Info,
    }
}

/// `--lenient`, `--runner-version X.Y`, `--fragment`: what a config is checked against.
fn checks(args: &Args) -> Result<Options, Failure> {
    let runner_version = match args.value("--runner-version") {
        Some(text) => text.parse().map_err(|message: String| Failure::Usage(format!("--runner-version: {message}")))?,
        None => Version::NEWEST,
    };
    Ok(Options {
        unknown: UnknownKeys::from_strict(!args.flag("--lenient")),
        runner_version,
        fragment: args.flag("--fragment"),
    })
}

pub fn fmt(arguments: &[String]) -> Result<ExitCode, Failure> {
    let args = Args::parse(arguments, &["--check"], &[])?;
    if args.files.is_empty() {
        return Err(Failure::Usage("fmt needs at least one FILE".into()));
    }
    // Every file is tried; one that cannot be read or formatted does not stop the others.
    let mut failed = false;
    for file in &args.files {
        let text = match read(file) {
            Ok(Ok(text)) => text,
            Ok(Err(not_text)) => {
                report_errors(file, not_text);
                failed = true;
                continue;
            }
            Err(Failure::Other(message)) => {
                eprintln!("error: {message}");
                failed = true;
                continue;
            }
            Err(other) => return Err(other),
        };
        let formatted = match gitlab_runner_config::format(&text) {
            Ok(formatted) => formatted,
            Err(errors) => {
                report_errors(file, errors);
                failed = true;
                continue;
            }
        };
        if file == "-" && !args.flag("--check") {
            say(&formatted);
            continue;
        }
        if formatted == text {
            continue;
        }
        if args.flag("--check") {
            say(&format!("{file}: not in gitlab-runner's layout (run `gitlab-runner-config fmt {file}`)\n"));
            failed = true;
        } else if let Err(error) = write_atomically(Path::new(file), &formatted) {
            eprintln!("error: {file}: {error}");
            failed = true;
        } else {
            // The engine keeps data, not layout: a file with comments loses them.
            let note = if text.contains('#') { " (comments, if any, were not kept)" } else { "" };
            say(&format!("formatted {file}{note}\n"));
        }
    }
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

pub fn convert(arguments: &[String]) -> Result<ExitCode, Failure> {
    let args = Args::parse(
        arguments,
        &["--lenient", "--no-check", "--fragment"],
        &["--from", "--to", "-o", "--runner-version"],
    )?;
    let checks = checks(&args)?;
    let from = args.choice("--from", &["json", "toml"], None)?;
    let to = args.choice("--to", &["json", "toml", "python"], None)?;
    let file = match args.files.as_slice() {
        [] => "-",
        [file] => file.as_str(),
        _ => return Err(Failure::Usage("convert takes one FILE".into())),
    };
    let text = match read(file)? {
        Ok(text) => text,
        Err(not_text) => return Ok(report_errors(file, not_text)),
    };
    let decoded = if from == "json" {
        let json: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| Failure::Other(format!("{file}: invalid JSON: {e}")))?;
        decode(schema::ROOT, &JsonValue(&json), checks.unknown)
    } else {
        match Source::parse(&text) {
            Ok(source) => source.decode(checks.unknown),
            Err(errors) => return Ok(report_errors(file, errors)),
        }
    };
    // Everything the linter finds is said on stderr; any error stops the conversion, so a
    // config gitlab-runner would refuse or misread is never written (unless --no-check).
    let findings: Vec<Diagnostic> = if args.flag("--no-check") {
        decoded.errors.iter().cloned().map(Diagnostic::from).collect()
    } else {
        findings(&decoded, &checks).into_iter().filter(|d| d.severity <= Severity::Warning).collect()
    };
    for d in &findings {
        eprintln!("{}", report::line(file, d));
    }
    if findings.iter().any(|d| d.severity == Severity::Error) {
        return Ok(ExitCode::FAILURE);
    }
    let output = match to.as_str() {
        "toml" => render(&decoded.table),
        "python" => gitlab_runner_config::to_python(&decoded.table),
        _ => format!("{}\n", serde_json::to_string_pretty(&to_json(&decoded.table)).expect("JSON of plain values")),
    };
    match args.value("-o") {
        Some(path) => write_atomically(Path::new(path), &output).map_err(|e| Failure::Other(format!("{path}: {e}")))?,
        None => say(&output),
    }
    Ok(ExitCode::SUCCESS)
}

/// What a diagnostic code means, with a bad and a fixed example.
pub fn explain(arguments: &[String]) -> Result<ExitCode, Failure> {
    let args = Args::parse(arguments, &[], &[])?;
    let [name] = args.files.as_slice() else {
        return Err(Failure::Usage("explain takes one CODE (such as unknown-key)".into()));
    };
    let Some(code) = Code::from_name(name) else {
        let names: Vec<&str> = Code::ALL.iter().map(|c| c.name()).collect();
        return Err(Failure::Other(format!("unknown code {name:?}; the codes are {}", names.join(", "))));
    };
    let indent = |text: &str| text.lines().map(|l| format!("    {l}\n")).collect::<String>();
    say(&format!(
        "{} ({}): {}\n\n{}\n\nProblem:\n{}\nFixed:\n{}",
        code.name(),
        code.severity().as_str(),
        code.summary(),
        code.explanation(),
        indent(code.bad_example()),
        indent(code.good_example())
    ));
    Ok(ExitCode::SUCCESS)
}

pub fn schema(arguments: &[String]) -> Result<ExitCode, Failure> {
    if !arguments.is_empty() {
        return Err(Failure::Usage("schema takes no arguments".into()));
    }
    say(&gitlab_runner_config::json_schema());
    Ok(ExitCode::SUCCESS)
}
