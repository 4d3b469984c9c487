//! Every file derived from the schema, generated in one place. `write` refreshes them;
//! `check` (run by the test suite) fails when one is stale and names the command that fixes it.

mod codes;
mod compat;
mod npm;
mod python;
mod typescript;

use std::path::{Path, PathBuf};

/// A generated file: its path from the repository root and its full text.
pub struct Output {
    pub path: &'static str,
    pub text: String,
}

pub fn outputs() -> Vec<Output> {
    vec![
        Output { path: "bindings-py/python/wetwire_gitlab/runner_config/_tables.py", text: python::module() },
        Output {
            path: "bindings-py/python/wetwire_gitlab/runner_config/_executor_tables.py",
            text: python::lazy_module(),
        },
        Output { path: "core/generated/gitlab-runner-config.schema.json", text: gitlab_runner_config::json_schema() },
        Output { path: "bindings-wasm/npm/index.d.ts", text: typescript::declarations() },
        Output { path: "bindings-wasm/npm/package.json", text: npm::package_json() },
        Output { path: "bindings-wasm/npm/version.js", text: npm::version_module() },
        Output { path: "docs/diagnostics.md", text: codes::reference() },
        Output { path: "bindings-py/python/wetwire_gitlab/runner_config/_codes.py", text: codes::python_module() },
    ]
}

pub fn repository_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("codegen/ sits in the repository root").to_path_buf()
}

/// The generated files whose text on disk differs from what the schema gives.
pub fn stale() -> Vec<&'static str> {
    let root = repository_root();
    outputs()
        .into_iter()
        .filter(|o| std::fs::read_to_string(root.join(o.path)).map_or(true, |text| text != o.text))
        .map(|o| o.path)
        .collect()
}

pub fn write() -> std::io::Result<Vec<&'static str>> {
    let root = repository_root();
    let stale = stale();
    for output in outputs().into_iter().filter(|o| stale.contains(&o.path)) {
        std::fs::write(root.join(output.path), output.text)?;
    }
    Ok(stale)
}
