//! Hover cards: the key under the cursor in its table's context, with exactly this text.

use gitlab_runner_config::hover;

/// The hover at the `|` in `text`, and the text it covers.
fn at(text: &str) -> Option<(String, String, String)> {
    let offset = text.find('|').expect("a cursor");
    let text = text.replacen('|', "", 1);
    hover(&text, offset).map(|h| (h.title, h.markdown, text[h.from..h.to].to_owned()))
}

const RUNNER: &str = "[[runners]]\n  name = \"é\"\n  executor = \"docker\"\n";

#[test]
fn a_key_in_its_table() {
    let (title, markdown, covered) =
        at(&format!("{RUNNER}  [runners.docker]\n    pull_p|olicy = \"never\"\n")).unwrap();
    assert_eq!(title, "runners.docker.pull_policy");
    assert_eq!(covered, "pull_policy");
    assert_eq!(
        markdown,
        "Image pull policy or ordered list of policies (always, if-not-present, never); default always.\n\n\
         - Kind: string or array of strings\n\
         - Default: `\"always\"`\n\
         - Allowed: `\"always\"`, `\"never\"`, `\"if-not-present\"`\n"
    );
}

#[test]
fn header_segments_and_dotted_keys() {
    let (title, markdown, covered) = at(&format!("{RUNNER}  [runners.doc|ker]\n")).unwrap();
    assert_eq!((title.as_str(), covered.as_str()), ("runners.docker", "docker"));
    assert_eq!(markdown, "Settings of the Docker executor ([runners.docker]).\n\n- Kind: table\n");
    let (title, _, covered) = at(&format!("{RUNNER}  docker.pri|vileged = true\n")).unwrap();
    assert_eq!((title.as_str(), covered.as_str()), ("runners.docker.privileged", "privileged"));
    let (title, _, _) = at("[[runners.kubernetes.volumes.host_path]]\n  mount_p|ath = \"/x\"\n").unwrap();
    assert_eq!(title, "runners.kubernetes.volumes.host_path.mount_path");
}

#[test]
fn deprecated_keys_say_so() {
    let (_, markdown, _) = at("[[runners]]\n[runners.machine]\nOffPeakTime|zone = \"UTC\"\n").unwrap();
    assert_eq!(markdown, "Deprecated: timezone for OffPeakPeriods.\n\n- Kind: string\n- **Deprecated**\n");
}

#[test]
fn nothing_on_values_comments_and_unknown_keys() {
    assert_eq!(at(&format!("{RUNNER}  limit = 4|2\n")), None);
    assert_eq!(at("# concur|rent\n"), None);
    assert_eq!(at("nothing_h|ere = 1\n"), None);
    assert_eq!(at("  |  concurrent = 1\n"), None);
}

#[test]
fn keys_newer_than_the_oldest_release_say_since_when() {
    let (title, markdown, _) = at(&format!("{RUNNER}  [runners.feature_fl|ags]\n")).unwrap();
    assert_eq!(title, "runners.feature_flags");
    assert_eq!(
        markdown,
        "Map of feature flag names to true or false, overriding their defaults for this runner.\n\n\
         - Kind: table of values\n- Since: gitlab-runner 13.11\n"
    );
}
