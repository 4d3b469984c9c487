//! Completion on text being typed: keys of the table in force, allowed values, headers.

use gitlab_runner_config::complete;
use gitlab_runner_config::complete::ItemKind;

/// The labels offered at the `|` in `text`, and the text the completion replaces.
fn offered(text: &str) -> (Vec<String>, String) {
    let offset = text.find('|').expect("a cursor");
    let text = text.replacen('|', "", 1);
    let completions = complete(&text, offset);
    let labels = completions.items.iter().map(|i| i.label.clone()).collect();
    (labels, text[completions.from..completions.to].to_owned())
}

const RUNNER: &str = "concurrent = 2\n\n[[runners]]\n  name = \"r\"\n  executor = \"docker\"\n";

#[test]
fn keys_of_the_table_in_force() {
    let text = format!("{RUNNER}  [runners.docker]\n    image = \"alpine\"\n    pul|\n");
    let (labels, replaced) = offered(&text);
    assert!(labels.contains(&"pull_policy".to_owned()), "{labels:?}");
    assert!(!labels.contains(&"image".to_owned()), "written already: {labels:?}");
    assert!(!labels.contains(&"services".to_owned()), "a table, offered as a header: {labels:?}");
    assert_eq!(replaced, "pul");
    let offset = text.find('|').unwrap();
    let item =
        complete(&text.replacen('|', "", 1), offset).items.into_iter().find(|i| i.label == "pull_policy").unwrap();
    assert_eq!(item.kind, ItemKind::Key);
    assert_eq!(item.detail, "string or array of strings, default \"always\"");
    assert_eq!(item.apply, "pull_policy = \"always\"");
    assert_eq!(item.since, None);
    let offset = text.find('|').unwrap();
    let items = complete(&text.replacen('|', "", 1), offset).items;
    let cgroup = items.iter().find(|i| i.label == "cgroup_parent").unwrap();
    assert_eq!(cgroup.since.map(|v| v.to_string()).as_deref(), Some("16.10"));
    assert!(!item.documentation.is_empty());
}

#[test]
fn renaming_a_key_keeps_its_value() {
    let text = format!("{RUNNER}  [runners.docker]\n    pul| = \"never\"\n");
    let offset = text.find('|').unwrap();
    let completions = complete(&text.replacen('|', "", 1), offset);
    let item = completions.items.iter().find(|i| i.label == "pull_policy").unwrap();
    assert_eq!(item.apply, "pull_policy");
    assert_eq!(&text.replacen('|', "", 1)[completions.from..completions.to], "pul");
}

#[test]
fn allowed_values_after_equals() {
    let text = format!("{RUNNER}  [runners.docker]\n    pull_policy = |\n");
    assert_eq!(
        offered(&text),
        (vec!["\"always\"".into(), "\"never\"".into(), "\"if-not-present\"".into()], String::new())
    );
    let text = format!("{RUNNER}  [runners.docker]\n    pull_policy = [\"never\", \"if|\"]\n");
    assert_eq!(offered(&text).1, "\"if\"");
    let (labels, replaced) = offered("[[runners]]\nexecutor = \"do|\n");
    assert_eq!(replaced, "\"do");
    assert_eq!(
        labels,
        [
            "shell",
            "custom",
            "instance",
            "docker",
            "docker-windows",
            "docker-autoscaler",
            "docker+machine",
            "kubernetes",
            "ssh",
            "parallels",
            "virtualbox"
        ]
        .map(|e| format!("\"{e}\""))
    );
    assert_eq!(offered("[[runners]]\n  [runners.docker]\n  privileged = |").0, ["true", "false"]);
}

#[test]
fn values_on_the_lines_of_a_multi_line_array() {
    let text = format!("{RUNNER}  [runners.docker]\n    pull_policy = [\n      \"never\",\n      \"if|\n");
    let (labels, replaced) = offered(&text);
    assert_eq!(labels, ["\"always\"", "\"never\"", "\"if-not-present\""]);
    assert_eq!(replaced, "\"if");
    // Closed again: keys.
    let text = format!("{RUNNER}  [runners.docker]\n    pull_policy = [\n      \"never\",\n    ]\n    pri|\n");
    assert!(offered(&text).0.contains(&"privileged".to_owned()));
}

#[test]
fn headers_inside_brackets() {
    let (labels, replaced) = offered("concurrent = 1\n[|");
    assert_eq!(replaced, "[");
    assert_eq!(labels, ["[[runners]]", "[session_server]", "[labels]", "[machine]", "[experimental]"]);
    let (labels, replaced) = offered(&format!("{RUNNER}  [runners.docker]\n  [runners.ca|]\n"));
    assert_eq!(replaced, "[runners.ca]");
    assert_eq!(labels[0], "[runners.docker.services_devices]");
    assert!(labels.contains(&"[[runners.docker.services]]".to_owned()), "{labels:?}");
    assert!(!labels.contains(&"[runners.docker]".to_owned()), "written already: {labels:?}");
    let (labels, _) = offered(&format!("{RUNNER}  [runners.docker]\n[[runners]]\n  [|"));
    assert!(labels.contains(&"[runners.docker]".to_owned()), "another runner's: {labels:?}");
    assert!(
        labels.contains(&"[runners.cache]".to_owned()) && labels.ends_with(&["[experimental]".to_owned()]),
        "{labels:?}"
    );
}

#[test]
fn nested_arrays_of_tables_and_maps() {
    let text = "[[runners]]\n[[runners.kubernetes.volumes.host_path]]\nname = \"x\"\n|";
    let (labels, _) = offered(text);
    assert!(labels.contains(&"mount_path".to_owned()) && !labels.contains(&"name".to_owned()), "{labels:?}");
    let (labels, _) = offered("[[runners]]\n[runners.feature_flags]\nFF_USE_FASTZIP = true\nFF_NETWORK|");
    assert!(labels.contains(&"FF_NETWORK_PER_BUILD".to_owned()) && !labels.contains(&"FF_USE_FASTZIP".to_owned()));
    let (labels, _) = offered("[[runners]]\n[runners.feature_flags]\nFF_USE_FASTZIP = |");
    assert_eq!(labels, ["true", "false"]);
}

#[test]
fn nothing_in_comments_and_unknown_tables() {
    assert_eq!(offered("# pul|").0, Vec::<String>::new());
    assert_eq!(offered("[nowhere]\npul|").0, Vec::<String>::new());
    assert!(offered("con|").0.contains(&"concurrent".to_owned()));
}
