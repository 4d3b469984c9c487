//! Findings written for people and for CI: text lines (`FILE:LINE:COL: severity[code]: ...`),
//! JSON, a GitLab Code Quality report, SARIF 2.1.0 and GitHub workflow commands. Source lines
//! are never echoed: they may hold a secret; messages never do.

use gitlab_runner_config::error::Range;
use gitlab_runner_config::lines::LineIndex;
use gitlab_runner_config::{Code, Diagnostic, Severity};
use serde_json::{json, Value};

/// One finding and the file it is about (`-` for stdin).
pub struct Finding {
    pub file: String,
    pub diagnostic: Diagnostic,
    /// The fix's edits placed in lines and columns (the diagnostic's hold byte offsets).
    pub fix_edits: Vec<(Range, String)>,
}

impl Finding {
    /// A finding of `text`, written in `file`.
    pub fn new(file: &str, diagnostic: Diagnostic, lines: &LineIndex<'_>) -> Finding {
        let fix_edits = diagnostic.fix.iter().flat_map(|fix| &fix.edits);
        let fix_edits = fix_edits.map(|e| (lines.range(e.start..e.end), e.text.clone())).collect();
        Finding { file: file.to_owned(), diagnostic, fix_edits }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Gitlab,
    Sarif,
    Github,
}

impl Format {
    pub const NAMES: &'static [&'static str] = &["text", "json", "gitlab", "sarif", "github"];

    pub fn from_name(name: &str) -> Format {
        match name {
            "json" => Format::Json,
            "gitlab" => Format::Gitlab,
            "sarif" => Format::Sarif,
            "github" => Format::Github,
            _ => Format::Text,
        }
    }
}

/// The report of `findings` (those at `shown` severity or above) over `files` files.
pub fn report(format: Format, findings: &[Finding], files: usize, shown: Severity) -> String {
    let visible: Vec<&Finding> = findings.iter().filter(|f| f.diagnostic.severity <= shown).collect();
    match format {
        Format::Text => text(&visible, findings, files, shown),
        Format::Json => pretty(&Value::Array(visible.iter().map(|f| plain(f)).collect())),
        Format::Gitlab => pretty(&Value::Array(visible.iter().map(|f| code_quality(f)).collect())),
        Format::Sarif => pretty(&sarif(&visible)),
        Format::Github => visible.iter().map(|f| workflow_command(f)).collect(),
    }
}

fn pretty(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("JSON of plain values");
    text.push('\n');
    text
}

/// `FILE:LINE:COLUMN: severity[code]: path: message`, the shape compilers and CI problem
/// matchers use.
pub fn line(file: &str, d: &Diagnostic) -> String {
    let separator = if d.range.is_some() { ":" } else { ": " };
    format!("{file}{separator}{d}")
}

fn text(visible: &[&Finding], all: &[Finding], files: usize, shown: Severity) -> String {
    let mut out = String::new();
    for finding in visible {
        out.push_str(&line(&finding.file, &finding.diagnostic));
        out.push('\n');
    }
    let count = |severity| all.iter().filter(|f| f.diagnostic.severity == severity).count();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let notes = count(Severity::Info);
    let hidden = if notes > 0 && shown < Severity::Info { " (not shown: --min-severity info shows them)" } else { "" };
    out.push_str(&format!(
        "{}: {}, {}, {}{hidden}\n",
        plural(files, "file"),
        plural(count(Severity::Error), "error"),
        plural(count(Severity::Warning), "warning"),
        plural(notes, "note"),
    ));
    out
}

fn plain(finding: &Finding) -> Value {
    let d = &finding.diagnostic;
    let place = |pick: fn(&gitlab_runner_config::error::Range) -> usize| d.range.as_ref().map(pick);
    json!({
        "file": finding.file,
        "line": place(|r| r.start.line),
        "column": place(|r| r.start.column),
        "end_line": place(|r| r.end.line),
        "end_column": place(|r| r.end.column),
        "severity": d.severity.as_str(),
        "code": d.code.name(),
        "path": d.path.to_string(),
        "message": d.message,
        "suggestion": d.suggestion,
        "fix": d.fix.as_ref().map(|fix| json!({
            "safe": fix.safe,
            "edits": finding.fix_edits.iter().map(|(range, text)| json!({
                "line": range.start.line,
                "column": range.start.column,
                "end_line": range.end.line,
                "end_column": range.end.column,
                "text": text,
            })).collect::<Vec<_>>(),
        })),
    })
}

/// One entry of a GitLab Code Quality report: a merge request shows it on its line.
fn code_quality(finding: &Finding) -> Value {
    let d = &finding.diagnostic;
    let severity = match d.severity {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Info => "info",
    };
    let path = d.path.to_string();
    json!({
        "description": if path.is_empty() { d.message.clone() } else { format!("{path}: {}", d.message) },
        "check_name": d.code.name(),
        // Stable while the finding stays: file, code, key path and message, not the line.
        "fingerprint": fingerprint(&[&finding.file, d.code.name(), &path, &d.message]),
        "severity": severity,
        "location": {
            "path": finding.file,
            "lines": { "begin": d.position().map_or(1, |p| p.line) },
        },
    })
}

/// FNV-1a over the parts, as 32 hex digits (two 64-bit halves with different offsets): stable
/// across runs, platforms and toolchains, unlike std's hasher.
fn fingerprint(parts: &[&str]) -> String {
    let hash = |offset: u64| {
        let mut hash = offset;
        for part in parts {
            for byte in part.bytes().chain(std::iter::once(0)) {
                hash ^= u64::from(byte);
                hash = hash.wrapping_mul(0x0100_0000_01b3);
            }
        }
        hash
    };
    format!("{:016x}{:016x}", hash(0xcbf2_9ce4_8422_2325), hash(0x6c62_272e_07bb_0142))
}

fn sarif(findings: &[&Finding]) -> Value {
    let mut codes: Vec<Code> = findings.iter().map(|f| f.diagnostic.code).collect();
    codes.sort();
    codes.dedup();
    let rules: Vec<Value> = codes
        .iter()
        .map(|code| {
            json!({
                "id": code.name(),
                "shortDescription": { "text": code.summary() },
                "fullDescription": { "text": code.explanation() },
                "defaultConfiguration": { "level": sarif_level(code.severity()) },
            })
        })
        .collect();
    let results: Vec<Value> = findings
        .iter()
        .map(|finding| {
            let d = &finding.diagnostic;
            let mut location = json!({ "artifactLocation": { "uri": artifact_uri(&finding.file) } });
            if let Some(range) = d.range {
                location["region"] = json!({
                    "startLine": range.start.line,
                    "startColumn": range.start.column,
                    "endLine": range.end.line,
                    "endColumn": range.end.column,
                });
            }
            let path = d.path.to_string();
            let mut result = json!({
                "ruleId": d.code.name(),
                "ruleIndex": codes.iter().position(|c| *c == d.code).unwrap_or(0),
                "level": sarif_level(d.severity),
                "message": { "text": if path.is_empty() { d.message.clone() } else { format!("{path}: {}", d.message) } },
                "locations": [{ "physicalLocation": location }],
            });
            if !path.is_empty() {
                result["locations"][0]["logicalLocations"] = json!([{ "fullyQualifiedName": path }]);
            }
            if let Some(fix) = &d.fix {
                result["fixes"] = sarif_fix(finding, fix.safe);
            }
            result
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "gitlab-runner-config",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            // Our columns count characters, not UTF-16 code units (SARIF's default).
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

/// A fix as SARIF replacements of the file's regions; an unsafe one says so in its description.
fn sarif_fix(finding: &Finding, safe: bool) -> Value {
    let replacements: Vec<Value> = finding
        .fix_edits
        .iter()
        .map(|(range, text)| {
            json!({
                "deletedRegion": {
                    "startLine": range.start.line,
                    "startColumn": range.start.column,
                    "endLine": range.end.line,
                    "endColumn": range.end.column,
                },
                "insertedContent": { "text": text },
            })
        })
        .collect();
    let description = if safe { "safe fix (lint --fix)" } else { "unsafe fix (lint --fix --unsafe-fixes)" };
    json!([{
        "description": { "text": description },
        "artifactChanges": [{
            "artifactLocation": { "uri": artifact_uri(&finding.file) },
            "replacements": replacements,
        }],
    }])
}

fn sarif_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative URI reference for a file name: each byte outside the unreserved set and `/`
/// percent-encoded (`-`, standard input, is named `stdin`).
fn artifact_uri(file: &str) -> String {
    if file == "-" {
        return "stdin".into();
    }
    file.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// `::error file=...,line=...::message`, which GitHub Actions shows on the line of the change.
fn workflow_command(finding: &Finding) -> String {
    let d = &finding.diagnostic;
    let command = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    let mut properties = vec![format!("file={}", property(&finding.file))];
    if let Some(range) = d.range {
        properties.push(format!("line={}", range.start.line));
        properties.push(format!("col={}", range.start.column));
        properties.push(format!("endLine={}", range.end.line));
        properties.push(format!("endColumn={}", range.end.column));
    }
    properties.push(format!("title={}", property(d.code.name())));
    let path = d.path.to_string();
    let message = if path.is_empty() { d.message.clone() } else { format!("{path}: {}", d.message) };
    format!("::{command} {}::{}\n", properties.join(","), data(&message))
}

/// Escapes for a workflow command's message.
fn data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes for a workflow command's property value.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_stable_and_tell_findings_apart() {
        assert_eq!(fingerprint(&["a.toml", "unknown-key"]), fingerprint(&["a.toml", "unknown-key"]));
        assert_ne!(fingerprint(&["a.toml", "unknown-key"]), fingerprint(&["a.tomlunknown-key", ""]));
        assert_eq!(fingerprint(&[]).len(), 32);
    }

    #[test]
    fn workflow_commands_escape_what_would_end_them() {
        assert_eq!(property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
        assert_eq!(artifact_uri("dir/my config.toml"), "dir/my%20config.toml");
    }
}
