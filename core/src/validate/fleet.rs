//! How the runners fit together: concurrency against per-runner limits, runner URLs, and names
//! and tokens that must tell runners apart.

use std::collections::HashMap;

use super::{integer, runners, string, Report};
use crate::code::Code;
use crate::document::Table;
use crate::path::KeyPath;
use crate::schema::handle::{Handle, CONCURRENT, LIMIT, RUNNER_NAME, RUNNER_TOKEN, RUNNER_URL};

pub(super) fn check(report: &mut Report, root: &Table) {
    let runners = runners(root);
    let concurrent_path = KeyPath::root().with_key(CONCURRENT.key);
    match integer(root, &CONCURRENT) {
        Some(concurrent) if concurrent < 1 => {
            let message = format!("is {concurrent}; at least 1 is needed for any job to run");
            report.add(Code::ConcurrentTooLow, &concurrent_path, message);
        }
        Some(concurrent) => {
            let limits: Vec<i64> = runners.iter().map(|(_, r)| integer(r, &LIMIT).unwrap_or(0)).collect();
            // Only meaningful when every runner has a limit (0 means unlimited).
            if !limits.is_empty() && limits.iter().all(|&l| l > 0) {
                let total = limits.iter().fold(0i64, |sum, &limit| sum.saturating_add(limit));
                if concurrent < total {
                    let message = format!(
                        "is {concurrent} but the runners' limits add up to {total}: at most {concurrent} jobs run at once"
                    );
                    report.add(Code::ConcurrentBelowLimits, &concurrent_path, message);
                }
            }
        }
        None if !runners.is_empty() && !report.options.fragment => {
            let message = "not set: gitlab-runner runs one job at a time";
            report.add(Code::ConcurrentUnset, &concurrent_path, message);
        }
        None => {}
    }
    for (path, runner) in &runners {
        if let Some(url) = string(runner, &RUNNER_URL) {
            if url.trim_end_matches('/').ends_with("/ci") {
                let message = "the /ci suffix is a legacy form; use the GitLab instance's URL";
                report.add(Code::LegacyCiUrl, &path.with_key(RUNNER_URL.key), message);
            }
        }
    }
    duplicates(report, &runners, &RUNNER_NAME, Code::DuplicateRunnerName);
    duplicates(report, &runners, &RUNNER_TOKEN, Code::DuplicateToken);
}

/// A runner whose `key` repeats an earlier runner's, named by that runner's path. The value
/// itself is not shown: a token is a secret, and a name is right there on the line.
fn duplicates(report: &mut Report, runners: &[(KeyPath, &Table)], field: &Handle, code: Code) {
    // The first runner with each value, by its place in `runners` (a map of the type the
    // schema's index uses: the wasm links no map code of its own for it).
    let mut first_with: HashMap<&str, usize> = HashMap::new();
    for (place, (path, runner)) in runners.iter().enumerate() {
        // A `$` placeholder is filled in when the file is deployed, by whatever tool writes it:
        // the linter cannot tell what the same placeholder becomes in two runners.
        let Some(value) = string(runner, field).filter(|v| !v.is_empty() && !v.starts_with('$')) else { continue };
        if let Some(first) = first_with.get(value).map(|&first| &runners[first].0) {
            let message = match code {
                Code::DuplicateToken => format!("the same token as {first}; each runner needs its own"),
                _ => format!("the same {} as {first}; runners are told apart by name in logs and commands", field.key),
            };
            report.add(code, &path.with_key(field.key), message);
        } else {
            first_with.insert(value, place);
        }
    }
}
