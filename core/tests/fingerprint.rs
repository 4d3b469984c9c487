//! `render::fingerprint`, which tells a Python face whether a parsed config is still the one its
//! kept text describes: tables that render alike agree, any other change tells them apart.

use gitlab_runner_config::render::{fingerprint, render};
use gitlab_runner_config::{parse, UnknownKeys};

fn of(toml: &str) -> u64 {
    fingerprint(&parse(toml, UnknownKeys::Keep).unwrap_or_else(|e| panic!("{e:?}")))
}

const BASE: &str = "concurrent = 2\n\n[[runners]]\n  name = \"a\"\n  limit = 3\n  [runners.docker]\n    image = \"alpine\"\n    cpus = \"1.5\"\n";

#[test]
fn the_same_config_written_differently_agrees() {
    let respaced = "concurrent=2\n[[runners]]\nlimit = 3 # a comment\nname = 'a'\n[runners.docker]\ncpus = \"1.5\"\nimage = \"alpine\"\n";
    assert_eq!(of(BASE), of(respaced));
    // A config agrees with its own canonical rendering.
    assert_eq!(of(BASE), of(&render(&parse(BASE, UnknownKeys::Reject).unwrap())));
}

#[test]
fn each_change_tells_tables_apart() {
    let changed = [
        BASE.replace("concurrent = 2", "concurrent = 3"),
        BASE.replace("\"a\"", "\"b\""),
        BASE.replace("limit = 3", "request_concurrency = 3"),
        BASE.replace("  limit = 3\n", ""),
        BASE.replace("[runners.docker]", "[runners.docker]\n    volumes = []"),
        BASE.replace("cpus = \"1.5\"", "cpus = \"1.5\"\n    shm_size = 0"),
        format!("{BASE}\n[[runners]]\n"),
        format!("{BASE}    unknown = 1\n"),
        format!("{BASE}    unknown = 1.0\n"),
        format!("{BASE}    unknown = \"1\"\n"),
        format!("{BASE}    unknown = \"1\\u0000\"\n"),
        format!("{BASE}    unknown = [1]\n"),
        format!("{BASE}    unknown = {{ a = 1 }}\n"),
        "concurrent = 2\n".to_owned(),
        "concurrent = 2\nrunners = []\n".to_owned(),
    ];
    let mut all = vec![of(BASE)];
    for text in &changed {
        let fingerprint = of(text);
        assert!(!all.contains(&fingerprint), "{text}");
        all.push(fingerprint);
    }
}
