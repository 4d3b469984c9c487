//! The executor of each runner: known, not removed, and with the sections it reads.

use super::{runners, string, Report};
use crate::code::Code;
use crate::document::Table;
use crate::escape::quoted;
use crate::schema::handle::EXECUTOR;
use crate::schema::{ExecutorStatus, EXECUTORS, EXECUTOR_NAMES, EXECUTOR_SECTIONS};

pub(super) fn check(report: &mut Report, root: &Table) {
    for (path, runner) in runners(root) {
        let Some(name) = string(runner, &EXECUTOR) else { continue };
        let executor_path = path.with_key(EXECUTOR.key);
        let Some(executor) = EXECUTORS.iter().find(|e| e.value == name) else {
            let known = &EXECUTOR_NAMES;
            let message = match crate::suggest::closest(name, known.iter().copied()) {
                Some(meant) => format!("unknown executor {}; did you mean \"{meant}\"?", quoted(name)),
                None => format!("unknown executor {}; expected one of {}", quoted(name), known.join(", ")),
            };
            report.add(Code::UnknownExecutor, &executor_path, message);
            continue;
        };
        let target = report.options.runner_version;
        match (executor.until, executor.status) {
            _ if target < executor.since => {
                let since = executor.since;
                let message =
                    format!("the {name} executor came in gitlab-runner {since}; this config targets {target}");
                report.add(Code::ExecutorTooNew, &executor_path, message);
            }
            (Some(until), _) if target > until => {
                let message = format!("the {name} executor was {}", executor.note);
                report.add(Code::RemovedExecutor, &executor_path, message);
            }
            (Some(_), _) => {
                let message = format!("the {name} executor is {}", executor.note);
                report.add(Code::DeprecatedExecutor, &executor_path, message);
            }
            (None, ExecutorStatus::Deprecated) => {
                let message = format!("the {name} executor is {}", executor.note);
                report.add(Code::DeprecatedExecutor, &executor_path, message);
            }
            (None, _) => {}
        }
        // A snippet shows the part it is about; the sections it leaves out are not missing.
        let required = if report.options.fragment { &[][..] } else { &executor.sections[..executor.required_sections] };
        for section in required {
            if runner.get(section).is_none() {
                let message = format!("the {name} executor needs a [runners.{section}] section");
                report.add(Code::MissingExecutorSection, &path.with_key(section), message);
            }
        }
        for section in EXECUTOR_SECTIONS.iter().filter(|s| !executor.sections.contains(s)) {
            if runner.get(section).is_some() {
                let message = format!("[runners.{section}] is ignored by the {name} executor");
                report.add(Code::UnusedExecutorSection, &path.with_key(section), message);
            }
        }
    }
}
