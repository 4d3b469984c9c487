//! What the fuzz targets (`fuzz/`) found, one test each, written small by hand.

use gitlab_runner_config::{lint, parse, update, Options, UnknownKeys};

/// fuzz target `parse`: garbage holds a syntax error every few bytes, and every one was
/// reported (1 MB gave 20,484 errors, a 1.4 MB Python exception). Capped like decode errors.
#[test]
fn a_flood_of_syntax_errors_is_counted_not_listed() {
    // Two errors a line (the value, then the rest of the line).
    let text = "a = b\n".repeat(50_000);
    let errors = parse(&text, UnknownKeys::Reject).unwrap_err();
    assert_eq!(errors.len(), 101);
    assert_eq!(errors[0].to_string(), "string values must be quoted, expected literal string (line 1, column 5)");
    assert_eq!(errors[100].to_string(), "99899 more problems not shown (only the first 100 are)");
    let findings = lint(&text, &Options::default());
    assert_eq!(findings.len(), 101);
    assert_eq!(findings[100].message, "99899 more problems not shown (only the first 100 are)");
}

/// fuzz target `update`: removing every runner left the header of a sub-table written after
/// an unknown table behind, and the text no longer parsed (`runners` became a table).
/// Fixed: a table's lines are every run of its headers, not only the first.
#[test]
fn removing_runners_removes_their_tables_after_an_unknown_one() {
    let before = "[[runners]]\n  name = \"a\"\n  [runnersX.a]\n    x = 1\n  [runners.docker]\n    image = \"i\"\n";
    let empty = parse("", UnknownKeys::Keep).unwrap();
    let after = update(before, &empty).unwrap();
    assert_eq!(parse(&after, UnknownKeys::Keep), Ok(empty), "update left:\n{after}");
}

/// fuzz target `round_trip` (a false alarm of the target, which compared too strictly): a
/// kept unknown dotted key written before a plain unknown key comes back after it, as its own
/// sub-table (TOML writes a table's plain keys first). Nothing is lost and a second round
/// changes nothing; the target now compares documents whatever the order of unknown keys.
#[test]
fn an_unknown_dotted_key_is_written_back_as_a_sub_table() {
    let text = "[[runners]]\n[runners.artifact]\n  u.upload = \"2h\"\n  unknownW = \"x\"\n";
    let table = parse(text, UnknownKeys::Keep).unwrap();
    let rendered = gitlab_runner_config::render(&table);
    let expected = "[[runners]]\n\n  [runners.artifact]\n    unknownW = \"x\"\n\n    [runners.artifact.u]\n      upload = \"2h\"\n";
    assert_eq!(rendered, expected);
    let again = parse(&rendered, UnknownKeys::Keep).unwrap();
    assert_eq!(gitlab_runner_config::render(&again), rendered);
}

/// fuzz target `json`: the npm package's JSON reader kept an object's key written twice, and a
/// lenient decode rendered it twice: invalid TOML. No JS value has such an object; the text is
/// refused.
#[test]
fn a_key_twice_in_the_js_boundary_json_is_refused() {
    use gitlab_runner_config::js_json::read;
    assert_eq!(read(r#"{"x": 1, "y": 2, "x": 3}"#), Err(r#"key "x" written twice at byte 24"#.to_owned()));
    assert!(read(r#"{"runners": [{"name": "a", "docker": {"sysctls": {"k": "1", "k": "2"}}}]}"#).is_err());
    assert!(read(r#"{"x": {"x": 1}, "y": [{"x": 1}, {"x": 2}]}"#).is_ok());
}

/// fuzz target `fix`: the unsafe fix renames an unknown key to the one known key close to it
/// whatever its value, so `executot = 20` became `executor = 20`, a type error: a file that
/// parsed leniently no longer parses. Fixed: an unsafe fix is offered only when the value fits.
#[test]
fn an_unsafe_fix_never_renames_a_key_to_one_its_value_does_not_fit() {
    let text = "[[runners]]\n  name = \"r\"\n  executot = 20\n";
    assert!(parse(text, UnknownKeys::Keep).is_ok());
    let fixed = gitlab_runner_config::fix(text, true, &Options::default());
    assert!(parse(&fixed, UnknownKeys::Keep).is_ok(), "the fix gave\n{fixed}");
}

/// fuzz target `fix`: two unknown keys close to the same known key are both renamed to it in one
/// round, and the fixed file held the key twice: not TOML. Now the second waits a round, and
/// is not offered again once the first is written.
#[test]
fn an_unsafe_fix_never_writes_a_key_twice() {
    let text = "[[runners]]\n  name = \"r\"\n  requestOconcurrency = 4\n  requesz_concurrency = 2\n";
    assert!(parse(text, UnknownKeys::Keep).is_ok());
    let fixed = gitlab_runner_config::fix(text, true, &Options::default());
    assert!(parse(&fixed, UnknownKeys::Keep).is_ok(), "the fix gave\n{fixed}");
}

/// fuzz target `update`, second run: removing every runner left an empty `[[runners]]` whose
/// body is only comments, and the text still held one runner. Fixed: a header that holds no key
/// still ends where its line does, so the file's closing comments start after it.
#[test]
fn removing_runners_removes_one_that_holds_only_comments() {
    let before = "concurrent = 4\n\n[[runners]]\n  name = \"a\"\n\n[[runners]]\n  # only a comment\n";
    let empty = parse("", UnknownKeys::Keep).unwrap();
    let after = update(before, &empty).unwrap();
    assert_eq!(parse(&after, UnknownKeys::Keep), Ok(empty), "update left:\n{after}");
    assert_eq!(after, "");
    // The file's closing comments, after a blank line, are the file's and stay.
    let after = update(&format!("{before}\n# the end\n"), &parse("", UnknownKeys::Keep).unwrap()).unwrap();
    assert_eq!(after, "# the end\n");
}

/// fuzz target `update`, third run: a table right after a byte order mark was not removed (its
/// implicit parent `[x]` looked like a dotted key). Fixed: the mark is skipped like indentation.
#[test]
fn removing_a_table_written_right_after_a_bom() {
    let before = "\u{feff}[x.y]\n  type = \"a\"\n";
    let empty = parse("", UnknownKeys::Keep).unwrap();
    let after = update(before, &empty).unwrap();
    assert_eq!(parse(&after, UnknownKeys::Keep), Ok(empty), "update left:\n{after}");
    assert_eq!(after, "\u{feff}");
}

/// fuzz target `update`, fourth run: new keys of a root written without keys went where the
/// root's first table goes, in order, so a key after a new table (`podVan.x` then `Key4`) was
/// written under that table's header and became its key. Fixed: a root's new keys come first.
#[test]
fn new_root_keys_are_not_written_under_a_new_table() {
    let before = "[[runners]]\n  # only a comment\n";
    let after = "image = \"alpine\"\npodVan.x = \"v\"\nKey4 = \"v\"\n";
    let new = parse(after, UnknownKeys::Keep).unwrap();
    let updated = update(before, &new).unwrap();
    assert_eq!(updated, "image = \"alpine\"\nKey4 = \"v\"\n\n[podVan]\n  x = \"v\"\n");
    // The same document (unknown keys in TOML's order: plain keys before tables).
    let reread = parse(&updated, UnknownKeys::Keep).unwrap();
    assert_eq!(gitlab_runner_config::render(&reread), gitlab_runner_config::render(&new));
}
