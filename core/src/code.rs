//! The stable codes of findings: one enum, each code with its severity, a one-line summary and
//! an explanation with a bad and a good example. The TypeScript union, the Python `Literal`,
//! `docs/diagnostics.md` and `explain CODE` are generated from this list.

use std::fmt;

use crate::diagnostic::Severity;

macro_rules! codes {
    ($($variant:ident $name:literal $severity:ident $underline:ident {
        summary: $summary:literal,
        explanation: $explanation:literal,
        bad: $bad:literal,
        good: $good:literal $(,)?
    })*) => {
        /// What a finding is about. Names are kebab-case and stable: safe to match on.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $($variant,)*
        }

        // One match per accessor, so that a build which never explains a code (the wasm
        // engine) links none of the explanations' text.
        impl Code {
            /// Every code, in the order of this list (grouped by concern).
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The kebab-case name (`unknown-key`).
            pub fn name(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }

            /// How serious a finding with this code is, unless the finding says otherwise (an
            /// unknown key is only a warning when unknown keys are kept on purpose).
            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }

            pub fn underline(self) -> Underline {
                match self { $(Code::$variant => Underline::$underline,)* }
            }

            /// One line: what the code means.
            pub fn summary(self) -> &'static str {
                match self { $(Code::$variant => $summary,)* }
            }

            /// Why it matters to gitlab-runner, in a few sentences.
            pub fn explanation(self) -> &'static str {
                match self { $(Code::$variant => $explanation,)* }
            }

            /// A config.toml excerpt with the problem.
            pub fn bad_example(self) -> &'static str {
                match self { $(Code::$variant => $bad,)* }
            }

            /// The same excerpt, fixed.
            pub fn good_example(self) -> &'static str {
                match self { $(Code::$variant => $good,)* }
            }
        }
    };
}

/// What a finding underlines in the text: the key, or the whole `key = value`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Underline {
    Key,
    Value,
}

impl Code {
    pub fn from_name(name: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|code| code.name() == name)
    }
}

/// A code is its name: `d.code == "unknown-key"`.
impl PartialEq<&str> for Code {
    fn eq(&self, name: &&str) -> bool {
        self.name() == *name
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

codes! {
    Syntax "syntax" Error Value {
        summary: "The text is not TOML (or not UTF-8).",
        explanation: "gitlab-runner refuses to start with a config.toml it cannot parse. The position points at the first character the TOML parser could not read.",
        bad: "concurrent = = 4\n",
        good: "concurrent = 4\n",
    }
    WrongType "wrong-type" Error Value {
        summary: "A value of the wrong type for its key.",
        explanation: "gitlab-runner decodes each key into a typed Go field; a string where a number or a boolean belongs makes it refuse the whole file.",
        bad: "[[runners]]\n  limit = \"4\"\n",
        good: "[[runners]]\n  limit = 4\n",
    }
    InvalidValue "invalid-value" Error Value {
        summary: "A value of the right type that gitlab-runner does not accept.",
        explanation: "Some keys take one of a fixed set of values (log_level, pull_policy, the cache Type ...) or a value in a fixed syntax (Go durations such as \"1h30m\", RFC 3339 datetimes). Anything else is refused or silently treated as unset.",
        bad: "[[runners]]\n  [runners.docker]\n    pull_policy = \"sometimes\"\n",
        good: "[[runners]]\n  [runners.docker]\n    pull_policy = \"if-not-present\"\n",
    }
    UnknownKey "unknown-key" Error Key {
        summary: "A key gitlab-runner does not know in this table.",
        explanation: "gitlab-runner ignores keys it does not know, so a misspelt key silently does nothing: the setting you meant is never applied. The message names the key you probably meant, or the table the key belongs in.",
        bad: "[[runners]]\n  buids_dir = \"/builds\"\n",
        good: "[[runners]]\n  builds_dir = \"/builds\"\n",
    }
    DuplicateKey "duplicate-key" Error Key {
        summary: "One key written twice in a table, in different letter case.",
        explanation: "gitlab-runner matches keys ignoring letter case, so `image` and `IMAGE` set the same setting; which value wins depends on the order Go walks a map in, which changes from run to run.",
        bad: "[[runners]]\n  [runners.docker]\n    image = \"alpine\"\n    IMAGE = \"ubuntu\"\n",
        good: "[[runners]]\n  [runners.docker]\n    image = \"alpine\"\n",
    }
    MoreErrors "more-errors" Error Key {
        summary: "Stands for the findings left out after the first 100.",
        explanation: "One call reports at most 100 errors and 100 other findings, so that a file with a million bad values still gets a short answer. Fix the ones shown and check again.",
        bad: "[[runners]]\n  environment = [1, 2, 3] # ... and thousands more\n",
        good: "[[runners]]\n  environment = [\"A=1\"]\n",
    }
    KeyCase "key-case" Warning Key {
        summary: "A key written in another letter case than gitlab-runner spells it.",
        explanation: "gitlab-runner accepts it (its decoder ignores letter case), but other tools, documentation searches and reviewers do not; `lint --fix` writes it as gitlab-runner spells it.",
        bad: "[[runners]]\n  [runners.docker]\n    Privileged = true\n",
        good: "[[runners]]\n  [runners.docker]\n    privileged = true\n",
    }
    MissingKey "missing-key" Error Key {
        summary: "A key a working config needs is not set.",
        explanation: "A runner cannot work without url, token and executor; some tables need a key of their own (a Kubernetes volume's name and mount_path). Lint a documentation snippet with --fragment to leave these out on purpose.",
        bad: "[[runners]]\n  executor = \"shell\"\n",
        good: "[[runners]]\n  url = \"https://gitlab.example.com/\"\n  token = \"${RUNNER_TOKEN}\"\n  executor = \"shell\"\n",
    }
    DeprecatedKey "deprecated-key" Warning Key {
        summary: "A key gitlab-runner still reads but is dropping.",
        explanation: "The key works in the targeted release but is deprecated or already replaced; move to its replacement before it stops working.",
        bad: "# lint --runner-version 16.11\n[[runners]]\n  pre_clone_script = \"echo setup\"\n",
        good: "# lint --runner-version 16.11\n[[runners]]\n  pre_get_sources_script = \"echo setup\"\n",
    }
    RemovedKey "removed-key" Error Key {
        summary: "A key the targeted gitlab-runner release no longer reads.",
        explanation: "gitlab-runner removed the key; it now ignores it, so the setting does nothing. The message names the key that replaced it.",
        bad: "[[runners]]\n  pre_clone_script = \"echo setup\"\n",
        good: "[[runners]]\n  pre_get_sources_script = \"echo setup\"\n",
    }
    KeyTooNew "key-too-new" Error Key {
        summary: "A key the targeted gitlab-runner release does not know yet.",
        explanation: "The key came in a later release than the one the config targets (--runner-version); that release ignores it. Upgrade the runner or leave the key out.",
        bad: "# lint --runner-version 15.4\n[[runners]]\n  [runners.autoscaler]\n    max_use_count = 1\n",
        good: "# lint --runner-version 15.5\n[[runners]]\n  [runners.autoscaler]\n    max_use_count = 1\n",
    }
    KindTooNew "kind-too-new" Error Value {
        summary: "A value written in a form the targeted release does not read yet.",
        explanation: "Some keys changed kind: pull_policy took an array of policies only from 13.8 (Docker) and 13.11 (Kubernetes); [[runners.docker.services]] tables replaced a list of image names in 12.7.",
        bad: "# lint --runner-version 13.7\n[[runners]]\n  [runners.docker]\n    pull_policy = [\"always\", \"if-not-present\"]\n",
        good: "# lint --runner-version 13.7\n[[runners]]\n  [runners.docker]\n    pull_policy = \"always\"\n",
    }
    UnknownExecutor "unknown-executor" Error Value {
        summary: "An executor name gitlab-runner does not have.",
        explanation: "A runner with an unknown executor cannot take any job.",
        bad: "[[runners]]\n  executor = \"dockr\"\n",
        good: "[[runners]]\n  executor = \"docker\"\n",
    }
    RemovedExecutor "removed-executor" Error Value {
        summary: "An executor the targeted gitlab-runner release no longer has.",
        explanation: "docker-ssh and docker-ssh+machine were removed in 16.0; a runner configured with them takes no job. The message names the replacement.",
        bad: "[[runners]]\n  executor = \"docker-ssh\"\n",
        good: "[[runners]]\n  executor = \"docker\"\n",
    }
    DeprecatedExecutor "deprecated-executor" Warning Value {
        summary: "An executor gitlab-runner is dropping.",
        explanation: "The executor still works but is deprecated (docker+machine since GitLab 17.5) or goes away in a later release; plan the move to its replacement.",
        bad: "[[runners]]\n  executor = \"docker+machine\"\n",
        good: "[[runners]]\n  executor = \"docker-autoscaler\"\n",
    }
    ExecutorTooNew "executor-too-new" Error Value {
        summary: "An executor the targeted gitlab-runner release does not have yet.",
        explanation: "The executor came in a later release than the one the config targets (--runner-version).",
        bad: "# lint --runner-version 15.10\n[[runners]]\n  executor = \"docker-autoscaler\"\n",
        good: "# lint --runner-version 15.11\n[[runners]]\n  executor = \"docker-autoscaler\"\n",
    }
    MissingExecutorSection "missing-executor-section" Error Key {
        summary: "The executor needs a section the runner does not have.",
        explanation: "The docker executor reads [runners.docker] (at least its image), docker-autoscaler also [runners.autoscaler], kubernetes [runners.kubernetes] and so on; without it the runner cannot start jobs. A snippet linted with --fragment may leave sections out.",
        bad: "[[runners]]\n  executor = \"docker\"\n",
        good: "[[runners]]\n  executor = \"docker\"\n  [runners.docker]\n    image = \"alpine:3\"\n",
    }
    UnusedExecutorSection "unused-executor-section" Warning Key {
        summary: "A section the runner's executor never reads.",
        explanation: "Settings in another executor's section do nothing, often because the executor was changed and the old section left behind.",
        bad: "[[runners]]\n  executor = \"shell\"\n  [runners.docker]\n    image = \"alpine:3\"\n",
        good: "[[runners]]\n  executor = \"shell\"\n",
    }
    CacheBackendMissing "cache-backend-missing" Warning Key {
        summary: "A cache Type without the section that says where.",
        explanation: "With Type = \"s3\" gitlab-runner reads [runners.cache.s3] for the bucket; without it no cache is uploaded.",
        bad: "[[runners]]\n  [runners.cache]\n    Type = \"s3\"\n",
        good: "[[runners]]\n  [runners.cache]\n    Type = \"s3\"\n    [runners.cache.s3]\n      BucketName = \"runner-cache\"\n",
    }
    CacheBackendUnused "cache-backend-unused" Warning Key {
        summary: "A cache backend section its Type does not select.",
        explanation: "gitlab-runner reads only the backend named by Type; the other sections are ignored. Empty sections, as gitlab-runner register writes them, are not reported.",
        bad: "[[runners]]\n  [runners.cache]\n    Type = \"gcs\"\n    [runners.cache.s3]\n      BucketName = \"runner-cache\"\n",
        good: "[[runners]]\n  [runners.cache]\n    Type = \"s3\"\n    [runners.cache.s3]\n      BucketName = \"runner-cache\"\n",
    }
    ConcurrentTooLow "concurrent-too-low" Error Value {
        summary: "concurrent below 1: no job can run.",
        explanation: "concurrent caps the jobs of all runners together; at 0 or below nothing runs.",
        bad: "concurrent = 0\n",
        good: "concurrent = 4\n",
    }
    ConcurrentBelowLimits "concurrent-below-limits" Warning Value {
        summary: "concurrent is lower than the runners' limits add up to.",
        explanation: "Each runner's limit can never be reached when the global concurrent is lower than their sum; usually concurrent was not raised when a runner was added.",
        bad: "concurrent = 2\n[[runners]]\n  limit = 4\n",
        good: "concurrent = 4\n[[runners]]\n  limit = 4\n",
    }
    ConcurrentUnset "concurrent-unset" Info Key {
        summary: "concurrent is not set, so one job runs at a time.",
        explanation: "gitlab-runner's default is 1 job at a time across all runners, which is rarely what a fleet wants.",
        bad: "[[runners]]\n  executor = \"docker\"\n",
        good: "concurrent = 4\n[[runners]]\n  executor = \"docker\"\n",
    }
    LegacyCiUrl "legacy-ci-url" Warning Value {
        summary: "A runner URL ending in /ci, a legacy form.",
        explanation: "GitLab accepts the instance URL itself; the /ci suffix is a leftover of old registrations.",
        bad: "[[runners]]\n  url = \"https://gitlab.example.com/ci\"\n",
        good: "[[runners]]\n  url = \"https://gitlab.example.com/\"\n",
    }
    InvalidUrl "invalid-url" Error Value {
        summary: "A URL without an http(s) scheme or a host.",
        explanation: "gitlab-runner talks to GitLab at the runner's url (and clones from clone_url) over HTTP; a host name without its scheme, another scheme or a URL without a host leaves the runner unable to reach GitLab.",
        bad: "[[runners]]\n  url = \"gitlab.example.com\"\n",
        good: "[[runners]]\n  url = \"https://gitlab.example.com/\"\n",
    }
    DuplicateRunnerName "duplicate-runner-name" Warning Value {
        summary: "Two runners with the same name.",
        explanation: "gitlab-runner accepts it, but its logs, metrics and the `gitlab-runner verify` and `unregister --name` commands tell runners apart by name: the second one is hard to find and easy to remove by mistake.",
        bad: "[[runners]]\n  name = \"builder\"\n[[runners]]\n  name = \"builder\"\n",
        good: "[[runners]]\n  name = \"builder-1\"\n[[runners]]\n  name = \"builder-2\"\n",
    }
    DuplicateToken "duplicate-token" Error Key {
        summary: "Two runners with the same token.",
        explanation: "A token identifies one runner to GitLab. Two entries with one token ask for jobs as the same runner, so each job's settings depend on which entry picked it up, and a token reset breaks both. The message never shows the token; `${VARIABLE}` placeholders are not compared.",
        bad: "[[runners]]\n  token = \"glrt-0123456789abcdef\"\n[[runners]]\n  token = \"glrt-0123456789abcdef\"\n",
        good: "[[runners]]\n  token = \"glrt-0123456789abcdef\"\n[[runners]]\n  token = \"glrt-fedcba9876543210\"\n",
    }
    OutOfRange "out-of-range" Error Value {
        summary: "A number gitlab-runner refuses or ignores for its key.",
        explanation: "Counts, sizes and timeouts cannot be negative (gitlab-runner then falls back to a default or misbehaves), request_concurrency needs at least 1, ports and Kubernetes affinity weights have fixed ranges, durations cannot be negative and scale factors must be finite. A number beyond the key's Go type (weight is an int32) makes gitlab-runner refuse the whole file.",
        bad: "[[runners]]\n  limit = -1\n",
        good: "[[runners]]\n  limit = 0\n",
    }
    InvalidQuantity "invalid-quantity" Error Value {
        summary: "A Kubernetes resource amount not in Kubernetes quantity syntax.",
        explanation: "CPU, memory and ephemeral storage requests and limits are handed to Kubernetes, which reads quantities such as \"500m\", \"1.5\", \"4Gi\" or \"2e3\". Anything else (\"4GB\", \"two\") makes every job on the runner fail when its pod is created.",
        bad: "[[runners]]\n  [runners.kubernetes]\n    memory_limit = \"4GB\"\n",
        good: "[[runners]]\n  [runners.kubernetes]\n    memory_limit = \"4Gi\"\n",
    }
    InvalidSize "invalid-size" Error Value {
        summary: "A Docker memory size not in Docker's units syntax.",
        explanation: "gitlab-runner reads memory, memory_swap, memory_reservation and their service_ variants as Docker sizes: a number with an optional unit b, k, m, g, t or p (\"512m\", \"2g\"). Another value stops the runner when a job starts.",
        bad: "[[runners]]\n  [runners.docker]\n    memory = \"two gigabytes\"\n",
        good: "[[runners]]\n  [runners.docker]\n    memory = \"2g\"\n",
    }
    InvalidEnvironment "invalid-environment" Error Value {
        summary: "An environment entry that is not NAME=value.",
        explanation: "Each entry of a runner's or a service's environment list is one variable, written NAME=value; gitlab-runner skips an entry without '=' or without a name, so the variable never reaches the job.",
        bad: "[[runners]]\n  environment = [\"GIT_DEPTH 10\"]\n",
        good: "[[runners]]\n  environment = [\"GIT_DEPTH=10\"]\n",
    }
    InvalidDockerAuth "invalid-docker-auth" Error Value {
        summary: "A DOCKER_AUTH_CONFIG value that is not Docker credentials JSON.",
        explanation: "DOCKER_AUTH_CONFIG holds a Docker config.json: a JSON object with an \"auths\" object (or credHelpers, or credsStore). Broken JSON or another shape means images are pulled without credentials. The position points at the JSON inside the TOML string; its text is never shown.",
        bad: "[[runners]]\n  environment = [\"DOCKER_AUTH_CONFIG={auths: {}}\"]\n",
        good: "[[runners]]\n  environment = ['DOCKER_AUTH_CONFIG={\"auths\": {}}']\n",
    }
    InvalidLabel "invalid-label" Error Key {
        summary: "A runner label key or value GitLab refuses.",
        explanation: "Label keys are 3 to 65 letters, digits, '_', '.' or '-', starting with a letter, digit or '_'; values 1 to 256 of the same characters.",
        bad: "[[runners]]\n  [runners.labels]\n    \"-team\" = \"a b\"\n",
        good: "[[runners]]\n  [runners.labels]\n    team = \"platform\"\n",
    }
    TooManyLabels "too-many-labels" Error Key {
        summary: "More than 32 labels on a runner, with the global ones.",
        explanation: "GitLab accepts at most 32 labels per runner, counting the global [labels] it inherits.",
        bad: "[labels]\n  # ... 33 labels\n",
        good: "[labels]\n  # ... at most 32 labels\n",
    }
    UnknownFeatureFlag "unknown-feature-flag" Warning Key {
        summary: "A feature flag gitlab-runner does not know.",
        explanation: "Unknown feature flags are ignored, usually a misspelling of a real one.",
        bad: "[[runners]]\n  [runners.feature_flags]\n    FF_TIMESTAMSP = true\n",
        good: "[[runners]]\n  [runners.feature_flags]\n    FF_TIMESTAMPS = true\n",
    }
    DeprecatedFeatureFlag "deprecated-feature-flag" Warning Key {
        summary: "A feature flag gitlab-runner is dropping.",
        explanation: "Deprecated feature flags stop having any effect once gitlab-runner removes them; their behaviour usually became the default.",
        bad: "[[runners]]\n  [runners.feature_flags]\n    FF_TEST_FEATURE = true\n",
        good: "[[runners]]\n  [runners.feature_flags]\n",
    }
    InlineSecret "inline-secret" Info Value {
        summary: "A secret written in the file itself.",
        explanation: "Tokens and keys in config.toml end up in backups, images and review diffs. Where the file is generated, keep a ${VARIABLE} placeholder and substitute it when the file is written (gitlab-runner register writes tokens inline, so this is only a note).",
        bad: "[[runners]]\n  token = \"glrt-0123456789abcdef\"\n",
        good: "[[runners]]\n  token = \"${RUNNER_TOKEN}\"\n",
    }
}

#[cfg(test)]
mod tests {
    use super::Code;

    #[test]
    fn names_are_unique_kebab_case_and_found_again() {
        for code in Code::ALL {
            assert!(code.name().bytes().all(|b| b.is_ascii_lowercase() || b == b'-'), "{code}");
            assert_eq!(Code::from_name(code.name()), Some(*code));
        }
        assert_eq!(Code::from_name("frobnicate"), None);
    }
}
