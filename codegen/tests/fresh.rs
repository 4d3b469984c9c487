#[test]
fn generated_files_match_the_schema() {
    let stale = gitlab_runner_config_codegen::stale();
    assert!(stale.is_empty(), "stale generated files: {stale:?}; run `make codegen` and commit the result");
}
