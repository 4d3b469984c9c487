//! Text gitlab-runner refuses or would read unpredictably: each is an error naming its key,
//! and a flood of them stays a short message.

use gitlab_runner_config::{lint, parse, Options, UnknownKeys};

fn errors(text: &str) -> Vec<String> {
    parse(text, UnknownKeys::Reject).unwrap_err().iter().map(ToString::to_string).collect()
}

#[test]
fn a_key_written_twice_in_different_letter_case() {
    assert_eq!(
        errors("[[runners]]\nname = \"a\"\nNAME = \"b\"\n"),
        [
            r#"runners[0].NAME: written twice in this table, as "name" and "NAME": gitlab-runner would keep either, depending on map order (line 3, column 1)"#
        ]
    );
    let findings = lint("[[runners]]\nname = \"a\"\nNAME = \"b\"\n", &Options::default());
    assert!(findings.iter().any(|d| d.code == "duplicate-key"), "{findings:?}");
}

#[test]
fn a_float_beyond_64_bits() {
    assert_eq!(
        errors("[[runners]]\n[[runners.autoscaler.policy]]\nscale_factor = 1e400\n"),
        ["runners[0].autoscaler.policy[0].scale_factor: expected float, got a float beyond the 64-bit range (line 3, column 16)"]
    );
}

#[test]
fn a_flood_of_errors_is_counted_not_listed() {
    let text = format!("[[runners]]\nenvironment = [{}]\n", vec!["1"; 100_000].join(","));
    let errors = errors(&text);
    assert_eq!(errors.len(), 101);
    assert_eq!(errors[100], "99900 more problems not shown (only the first 100 are)");
    assert!(errors.iter().map(String::len).sum::<usize>() < 10_000);
}

#[test]
fn a_flood_of_findings_is_counted_not_listed() {
    let policies = vec!["\"sometimes\""; 5_000].join(",");
    let text = format!("concurrent = 1\n[[runners]]\nurl = \"https://g.example/\"\ntoken = \"${{T}}\"\nexecutor = \"docker\"\n[runners.docker]\npull_policy = [{policies}]\n");
    let findings = lint(&text, &Options::default());
    assert_eq!(findings.len(), 101);
    assert_eq!(findings[0].message, "4900 more findings not shown (only the first 100 are)");
}

#[test]
fn a_key_of_too_many_dotted_parts_says_where() {
    // The toml crate reads 80 parts, stops at 81 and gives no position of its own.
    assert_eq!(errors(&format!("{} = 1\n", vec!["a"; 80].join("."))), ["a: unknown key in Config (line 1, column 1)"]);
    let deep = vec!["a"; 81].join(".");
    assert_eq!(
        errors(&format!("concurrent = 1\n{deep} = 1\n")),
        ["a key of more than 80 dotted parts is nested too deeply (line 2, column 1)"]
    );
    let spaced = vec!["'a'"; 100].join(" . ");
    assert_eq!(
        errors(&format!("concurrent = 1\n[runners]\nx = {{ {spaced} = 1 }}\n")),
        ["a key of more than 80 dotted parts is nested too deeply (line 3, column 7)"]
    );
    let header = vec!["b"; 200].join(".");
    assert_eq!(
        errors(&format!("[{header}]\n")),
        ["a key of more than 80 dotted parts is nested too deeply (line 1, column 2)"]
    );
}
