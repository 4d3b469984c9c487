//! Every code's examples say what they claim: the bad one is reported with the code, the good
//! one is not. Examples are snippets (linted with --fragment); a first line
//! `# lint --runner-version X` sets the targeted release.

use gitlab_runner_config::{lint, Code, Options};

/// Examples that stand for a whole file and cannot be linted as written.
const ILLUSTRATIONS: &[Code] = &[Code::MoreErrors, Code::TooManyLabels];

fn codes(example: &str) -> Vec<Code> {
    let mut options = Options { fragment: true, ..Options::default() };
    if let Some(version) = example.lines().next().and_then(|l| l.strip_prefix("# lint --runner-version ")) {
        options.runner_version = version.parse().expect("a version");
    }
    lint(example, &options).into_iter().map(|d| d.code).collect()
}

#[test]
fn bad_examples_are_reported_and_good_ones_are_not() {
    let mut wrong = Vec::new();
    for &code in Code::ALL.iter().filter(|c| !ILLUSTRATIONS.contains(c)) {
        // What --fragment leaves out (missing keys and sections): their examples are whole files.
        let lint_whole = matches!(code, Code::MissingKey | Code::MissingExecutorSection | Code::ConcurrentUnset);
        let found = |example: &str| {
            if lint_whole {
                lint(example, &Options::default()).into_iter().map(|d| d.code).collect()
            } else {
                codes(example)
            }
        };
        if !found(code.bad_example()).contains(&code) {
            wrong.push(format!("{code}: the bad example is not reported"));
        }
        if found(code.good_example()).contains(&code) {
            wrong.push(format!("{code}: the good example is reported"));
        }
    }
    assert_eq!(wrong, Vec::<String>::new());
}
