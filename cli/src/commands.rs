//! The commands. Each reads its files, calls the core, and prints; the core does no I/O.

use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

use gitlab_runner_config::json::{to_json, JsonValue};
use gitlab_runner_config::parse::text_from_bytes;
use gitlab_runner_config::schema::Version;
use gitlab_runner_config::{
    decode_config, lint as lint_text, render, Code, Diagnostic, Options, Severity, UnknownKeys,
};

use gitlab_runner_config_cli::files::write_atomically;

use crate::args::Args;

pub enum Failure {
    /// `--help`: the usage, and success.
    Help,
    /// Wrong command line: the usage is printed too.
    Usage(String),
    Other(String),
}

/// One finding as a line: `FILE:LINE:COLUMN: severity[code]: path: message`, the shape CI
/// problem matchers read. Source lines are never echoed: they may hold a secret.
fn finding_line(file: &str, d: &Diagnostic) -> String {
    let separator = if d.range.is_some() { ":" } else { ": " };
    format!("{file}{separator}{d}")
}

/// Errors that stop a command, printed one per line on stderr.
fn report_errors(file: &str, errors: Vec<gitlab_runner_config::Error>) -> ExitCode {
    for error in errors {
        eprintln!("{}", finding_line(file, &Diagnostic::from(error)));
    }
    ExitCode::FAILURE
}

/// A file's text (`-` for stdin). Bytes that are not UTF-8 are a finding about the file, with
/// their position, rather than a failure to read it.
fn read(file: &str) -> Result<Result<String, gitlab_runner_config::Error>, Failure> {
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
    let args = Args::parse(arguments, &["--lenient", "--fragment"], &["--format", "--runner-version"])?;
    let format = args.choice("--format", &["text", "json"], Some("text"))?;
    if args.files.is_empty() {
        return Err(Failure::Usage("lint needs at least one FILE".into()));
    }
    let runner_version = match args.value("--runner-version") {
        Some(text) => text.parse().map_err(|message: String| Failure::Usage(format!("--runner-version: {message}")))?,
        None => Version::NEWEST,
    };
    let checks = Options {
        unknown: UnknownKeys::from_strict(!args.flag("--lenient")),
        runner_version,
        fragment: args.flag("--fragment"),
    };
    let mut findings: Vec<(String, Diagnostic)> = Vec::new();
    // A file that cannot be read is said at once; the others are still linted.
    let mut unread = false;
    for file in &args.files {
        match read(file) {
            Ok(Ok(text)) => findings.extend(lint_text(&text, &checks).into_iter().map(|d| (file.clone(), d))),
            Ok(Err(not_text)) => findings.push((file.clone(), Diagnostic::from(not_text))),
            Err(Failure::Other(message)) => {
                eprintln!("error: {message}");
                unread = true;
            }
            Err(other) => return Err(other),
        }
    }
    if format == "json" {
        let items: Vec<serde_json::Value> = findings
            .iter()
            .map(|(file, d)| {
                serde_json::json!({
                    "file": file,
                    "line": d.position().map(|p| p.line),
                    "column": d.position().map(|p| p.column),
                    "severity": d.severity.as_str(),
                    "code": d.code.name(),
                    "path": d.path.to_string(),
                    "message": d.message,
                })
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&items).expect("JSON of plain values"));
    } else {
        for (file, d) in &findings {
            println!("{}", finding_line(file, d));
        }
        println!("{}", summary(&findings, args.files.len()));
    }
    let failed = findings.iter().any(|(_, d)| d.severity == Severity::Error);
    Ok(if unread {
        ExitCode::from(2)
    } else if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn summary(findings: &[(String, Diagnostic)], files: usize) -> String {
    let count = |severity| findings.iter().filter(|(_, d)| d.severity == severity).count();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "{}: {}, {}, {}",
        plural(files, "file"),
        plural(count(Severity::Error), "error"),
        plural(count(Severity::Warning), "warning"),
        plural(count(Severity::Info), "note")
    )
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
                report_errors(file, vec![not_text]);
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
            print!("{formatted}");
            continue;
        }
        if formatted == text {
            continue;
        }
        if args.flag("--check") {
            println!("{file}: not in gitlab-runner's layout (run `gitlab-runner-config fmt {file}`)");
            failed = true;
        } else if let Err(error) = write_atomically(Path::new(file), &formatted) {
            eprintln!("error: {file}: {error}");
            failed = true;
        } else {
            // The engine keeps data, not layout: a file with comments loses them.
            let note = if text.contains('#') { " (comments, if any, were not kept)" } else { "" };
            println!("formatted {file}{note}");
        }
    }
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

pub fn convert(arguments: &[String]) -> Result<ExitCode, Failure> {
    let args = Args::parse(arguments, &["--lenient"], &["--from", "--to"])?;
    let unknown = UnknownKeys::from_strict(!args.flag("--lenient"));
    let from = args.choice("--from", &["json", "toml"], None)?;
    let to = args.choice("--to", &["json", "toml", "python"], None)?;
    let file = match args.files.as_slice() {
        [] => "-",
        [file] => file.as_str(),
        _ => return Err(Failure::Usage("convert takes one FILE".into())),
    };
    let text = match read(file)? {
        Ok(text) => text,
        Err(not_text) => return Ok(report_errors(file, vec![not_text])),
    };
    let decoded = if from == "json" {
        let json: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| Failure::Other(format!("{file}: invalid JSON: {e}")))?;
        decode_config(&JsonValue(&json), unknown)
    } else {
        gitlab_runner_config::parse(&text, unknown)
    };
    let table = match decoded {
        Ok(table) => table,
        Err(errors) => return Ok(report_errors(file, errors)),
    };
    if to == "toml" {
        print!("{}", render(&table));
    } else if to == "python" {
        print!("{}", gitlab_runner_config::to_python(&table));
    } else {
        println!("{}", serde_json::to_string_pretty(&to_json(&table)).expect("JSON of plain values"));
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
    print!(
        "{} ({}): {}\n\n{}\n\nProblem:\n{}\nFixed:\n{}",
        code.name(),
        code.severity().as_str(),
        code.summary(),
        code.explanation(),
        indent(code.bad_example()),
        indent(code.good_example())
    );
    Ok(ExitCode::SUCCESS)
}

pub fn schema(arguments: &[String]) -> Result<ExitCode, Failure> {
    if !arguments.is_empty() {
        return Err(Failure::Usage("schema takes no arguments".into()));
    }
    print!("{}", gitlab_runner_config::json_schema());
    Ok(ExitCode::SUCCESS)
}
