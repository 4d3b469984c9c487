//! The Python source of a config: the exact script for a small config.

use gitlab_runner_config::{parse, to_python, UnknownKeys};

#[test]
fn a_small_config_as_a_script() {
    let table = parse(
        "concurrent = 2\n[[runners]]\nname = \"r\"\nurl = \"https://x/\"\ntoken = \"${T}\"\nexecutor = \"kubernetes\"\n\
         [runners.kubernetes]\nnode_selector = { \"kubernetes.io/os\" = \"linux\" }\ncpu_limit = \"1\"\n\
         [runners.feature_flags]\nFF_USE_FASTZIP = true\n",
        UnknownKeys::Reject,
    )
    .unwrap();
    assert_eq!(
        to_python(&table),
        "from wetwire_gitlab.runner_config import Config, Executor, KubernetesConfig, Runner\n\
         \n\
         config = Config(\n    concurrent=2,\n    runners=[\n        Runner(\n            name=\"r\",\n\
         \x20           url=\"https://x/\",\n            token=\"${T}\",\n            executor=Executor.KUBERNETES,\n\
         \x20           feature_flags={\"FF_USE_FASTZIP\": True},\n\
         \x20           kubernetes=KubernetesConfig(\n                cpu_limit=\"1\",\n\
         \x20               node_selector={\"kubernetes.io/os\": \"linux\"},\n            ),\n        ),\n    ],\n)\n\
         \n\
         print(config.to_toml(), end=\"\")\n"
    );
}
