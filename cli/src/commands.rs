//! The commands. Each reads its files, calls the core, and prints; the core does no I/O.

use gitlab_runner_config::expand::expand_env;
use gitlab_runner_config::json::{to_json, JsonValue};
use gitlab_runner_config::lines::LineIndex;
use gitlab_runner_config::parse::text_from_bytes;
use gitlab_runner_config::schema::Version;
use gitlab_runner_config::validate::findings;
use gitlab_runner_config::{
    decode, lint as lint_text, render, schema, Code, Diagnostic, Options, Severity, Source, UnknownKeys,
};

use crate::args::Args;
use crate::host::Host;
use crate::report::{self, report, Finding, Format};

pub enum Failure {
    /// `--help`: the usage, and success.
    Help,
    /// Wrong command line: the usage is printed too.
    Usage(String),
    Other(String),
}

/// Exit statuses: findings or a failed file, and a usage error or an unreadable file.
pub const FAILURE: u8 = 1;
pub const UNREADABLE: u8 = 2;

/// Errors that stop a command, printed one per line on stderr.
fn report_errors(host: &mut dyn Host, file: &str, errors: Vec<gitlab_runner_config::Error>) -> u8 {
    for error in errors {
        host.stderr(&format!("{}\n", report::line(file, &Diagnostic::from(error))));
    }
    FAILURE
}

/// A file's text (`-` for stdin). Bytes that are not UTF-8 are a finding about the file, with
/// their position, rather than a failure to read it.
fn read(host: &mut dyn Host, file: &str) -> Result<Result<String, Vec<gitlab_runner_config::Error>>, Failure> {
    let name = if file == "-" { "stdin" } else { file };
    let bytes = host.read(file).map_err(|e| Failure::Other(format!("{name}: {e}")))?;
    Ok(text_from_bytes(&bytes).map(str::to_owned))
}

pub fn lint(host: &mut dyn Host, arguments: &[String]) -> Result<u8, Failure> {
    let args = Args::parse(
        arguments,
        &["--lenient", "--fragment", "--fix", "--unsafe-fixes", "--diff"],
        &["--format", "--runner-version", "--min-severity", "--fail-on"],
    )?;
    let fixing = args.flag("--fix") || args.flag("--diff");
    if args.flag("--unsafe-fixes") && !fixing {
        return Err(Failure::Usage("--unsafe-fixes goes with --fix or --diff".into()));
    }
    if fixing && args.files.iter().any(|f| f == "-") {
        return Err(Failure::Usage("--fix and --diff work on files, not stdin".into()));
    }
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
    let mut would_change = false;
    for file in &args.files {
        // What was linted, for placing the findings' fixes in lines and columns.
        let (found, linted) = match read(host, file) {
            Ok(Ok(text)) if fixing => {
                let fixed = gitlab_runner_config::fix(&text, args.flag("--unsafe-fixes"), &checks);
                if fixed == text {
                    continue;
                } else if args.flag("--diff") {
                    host.stdout(&unified_diff(file, &text, &fixed));
                    would_change = true;
                    continue;
                } else if let Err(error) = host.write(file, &fixed) {
                    host.stderr(&format!("error: {file}: {error}\n"));
                    unread = true;
                    continue;
                }
                host.stderr(&format!("fixed {file}\n"));
                (lint_text(&fixed, &checks), fixed)
            }
            Ok(Ok(text)) => (lint_text(&text, &checks), text),
            Ok(Err(not_text)) => (not_text.into_iter().map(Diagnostic::from).collect(), String::new()),
            Err(Failure::Other(message)) => {
                host.stderr(&format!("error: {message}\n"));
                unread = true;
                continue;
            }
            Err(other) => return Err(other),
        };
        let lines = LineIndex::new(&linted);
        findings.extend(found.into_iter().map(|diagnostic| Finding::new(file, diagnostic, &lines)));
    }
    if args.flag("--diff") {
        // What --fix would do, and nothing else: the findings are for a run without --diff.
        return Ok(if unread {
            UNREADABLE
        } else if would_change {
            FAILURE
        } else {
            0
        });
    }
    host.stdout(&report(format, &findings, args.files.len(), shown));
    let failed = fail_on != "never" && findings.iter().any(|f| f.diagnostic.severity <= severity(&fail_on));
    Ok(if unread {
        UNREADABLE
    } else if failed {
        FAILURE
    } else {
        0
    })
}

/// A unified diff of a fix, three lines of context. Fixes rename keys in place, so the lines
/// correspond one to one.
fn unified_diff(file: &str, before: &str, after: &str) -> String {
    let (old, new): (Vec<&str>, Vec<&str>) = (before.lines().collect(), after.lines().collect());
    let mut out = format!("--- {file}\n+++ {file}\n");
    let changed: Vec<usize> = (0..old.len().max(new.len())).filter(|&i| old.get(i) != new.get(i)).collect();
    let mut i = 0;
    while i < changed.len() {
        // A hunk: changed lines less than seven apart share their context.
        let mut j = i;
        while j + 1 < changed.len() && changed[j + 1] - changed[j] <= 6 {
            j += 1;
        }
        let start = changed[i].saturating_sub(3);
        let end = (changed[j] + 4).min(old.len().max(new.len()));
        let count = |lines: &[&str]| end.min(lines.len()).saturating_sub(start);
        out.push_str(&format!("@@ -{},{} +{},{} @@\n", start + 1, count(&old), start + 1, count(&new)));
        for k in start..end {
            if old.get(k) == new.get(k) {
                out.push_str(&format!(" {}\n", old[k]));
            } else {
                old.get(k).into_iter().for_each(|line| out.push_str(&format!("-{line}\n")));
                new.get(k).into_iter().for_each(|line| out.push_str(&format!("+{line}\n")));
            }
        }
        i = j + 1;
    }
    out
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

pub fn fmt(host: &mut dyn Host, arguments: &[String]) -> Result<u8, Failure> {
    let args = Args::parse(arguments, &["--check", "--canonical", "--force"], &[])?;
    if args.files.is_empty() {
        return Err(Failure::Usage("fmt needs at least one FILE".into()));
    }
    // Every file is tried; one that cannot be read or formatted does not stop the others.
    let mut failed = false;
    for file in &args.files {
        let text = match read(host, file) {
            Ok(Ok(text)) => text,
            Ok(Err(not_text)) => {
                report_errors(host, file, not_text);
                failed = true;
                continue;
            }
            Err(Failure::Other(message)) => {
                host.stderr(&format!("error: {message}\n"));
                failed = true;
                continue;
            }
            Err(other) => return Err(other),
        };
        let formatted = match formatted(host, file, &text, &args) {
            Some(formatted) => formatted,
            None => {
                failed = true;
                continue;
            }
        };
        if file == "-" && !args.flag("--check") {
            host.stdout(&formatted);
            continue;
        }
        if formatted == text {
            continue;
        }
        if args.flag("--check") {
            host.stdout(&format!("{file}: not formatted (run `gitlab-runner-config fmt {file}`)\n"));
            failed = true;
        } else if let Err(error) = host.write(file, &formatted) {
            host.stderr(&format!("error: {file}: {error}\n"));
            failed = true;
        } else {
            host.stdout(&format!("formatted {file}\n"));
        }
    }
    Ok(if failed { FAILURE } else { 0 })
}

/// The file formatted, or `None` after saying why not: a file gitlab-runner would refuse or
/// misread (unknown keys, wrong types) is left alone unless `--force`.
fn formatted(host: &mut dyn Host, file: &str, text: &str, args: &Args) -> Option<String> {
    let errors = match Source::parse(text) {
        Ok(source) => source.decode(UnknownKeys::Reject).errors,
        Err(errors) => errors,
    };
    let syntax = errors.iter().any(|e| e.kind == gitlab_runner_config::ErrorKind::Syntax);
    if !errors.is_empty() && (syntax || !args.flag("--force")) {
        report_errors(host, file, errors);
        let why = if syntax { "it is not valid TOML" } else { "it has errors (--force formats it anyway)" };
        host.stderr(&format!("{file}: not formatted: {why}\n"));
        return None;
    }
    let result = if args.flag("--canonical") {
        gitlab_runner_config::format_canonical(text)
    } else {
        gitlab_runner_config::format(text)
    };
    result.map_err(|errors| report_errors(host, file, errors)).ok()
}

pub fn convert(host: &mut dyn Host, arguments: &[String]) -> Result<u8, Failure> {
    let args = Args::parse(
        arguments,
        &["--lenient", "--no-check", "--fragment", "--expand-env"],
        &["--from", "--to", "-o", "--runner-version"],
    )?;
    let checks = checks(&args)?;
    let from = args.choice("--from", &["json", "toml"], None)?;
    let to = args.choice("--to", &["json", "toml", "python"], Some("toml"))?;
    let file = match args.files.as_slice() {
        [] => "-",
        [file] => file.as_str(),
        _ => return Err(Failure::Usage("convert takes one FILE".into())),
    };
    let text = match read(host, file)? {
        Ok(text) => text,
        Err(not_text) => return Ok(report_errors(host, file, not_text)),
    };
    let decoded = if from == "json" {
        let json = match gitlab_runner_config::json::from_text(&text) {
            Ok(json) => json,
            Err(errors) => return Ok(report_errors(host, file, errors)),
        };
        decode(schema::ROOT, &JsonValue(&json), checks.unknown)
    } else {
        match Source::parse(&text) {
            Ok(source) => source.decode(checks.unknown),
            Err(errors) => return Ok(report_errors(host, file, errors)),
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
        host.stderr(&format!("{}\n", report::line(file, d)));
    }
    if findings.iter().any(|d| d.severity == Severity::Error) {
        return Ok(FAILURE);
    }
    // The checks read what was written (placeholders are fine there); the secrets filled in
    // afterwards are neither checked nor ever said.
    let table = if args.flag("--expand-env") {
        match expand_env(&decoded.table, &mut |name| host.env(name)) {
            Ok(table) => table,
            Err(errors) => return Ok(report_errors(host, file, errors)),
        }
    } else {
        decoded.table
    };
    let output = match to.as_str() {
        "toml" => render(&table),
        "python" => gitlab_runner_config::to_python(&table),
        _ => format!("{}\n", serde_json::to_string_pretty(&to_json(&table)).expect("JSON of plain values")),
    };
    match args.value("-o") {
        Some(path) => host.write(path, &output).map_err(|e| Failure::Other(format!("{path}: {e}")))?,
        None => host.stdout(&output),
    }
    Ok(0)
}

/// What a diagnostic code means, with a bad and a fixed example.
pub fn explain(host: &mut dyn Host, arguments: &[String]) -> Result<u8, Failure> {
    let args = Args::parse(arguments, &[], &[])?;
    let [name] = args.files.as_slice() else {
        return Err(Failure::Usage("explain takes one CODE (such as unknown-key)".into()));
    };
    let Some(code) = Code::from_name(name) else {
        let names: Vec<&str> = Code::ALL.iter().map(|c| c.name()).collect();
        return Err(Failure::Other(format!("unknown code {name:?}; the codes are {}", names.join(", "))));
    };
    let indent = |text: &str| text.lines().map(|l| format!("    {l}\n")).collect::<String>();
    host.stdout(&format!(
        "{} ({}): {}\n\n{}\n\nProblem:\n{}\nFixed:\n{}",
        code.name(),
        code.severity().as_str(),
        code.summary(),
        code.explanation(),
        indent(code.bad_example()),
        indent(code.good_example())
    ));
    Ok(0)
}

pub fn schema(host: &mut dyn Host, arguments: &[String]) -> Result<u8, Failure> {
    if !arguments.is_empty() {
        return Err(Failure::Usage("schema takes no arguments".into()));
    }
    host.stdout(&gitlab_runner_config::json_schema());
    Ok(0)
}
