//! The `gitlab-runner-config` console script of the wheel: the same command code as the
//! native binary, run over the process's own files and streams.

use gitlab_runner_config_cli::{run, NativeHost};
use pyo3::prelude::*;

/// Runs one command line (without the program's name); returns the exit status.
#[pyfunction]
pub fn cli_main(py: Python<'_>, arguments: Vec<String>) -> u8 {
    // Python's own buffered output goes first, so nothing printed before is reordered.
    let _ = py.import("sys").and_then(|sys| {
        sys.getattr("stdout")?.call_method0("flush")?;
        sys.getattr("stderr")?.call_method0("flush")
    });
    py.detach(|| run(&mut NativeHost, &arguments))
}

pub fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(cli_main, module)?)
}
