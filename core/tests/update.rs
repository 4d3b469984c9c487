//! Lossless editing: `update(text, config)` changes only what changed in the typed config and
//! keeps every other byte, comments included. Corpus tests are ignored without ../shared.

use std::path::Path;

use gitlab_runner_config::document::{Table, Value};
use gitlab_runner_config::{render, update, Source, UnknownKeys};

mod shared;

use shared::corpus;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/edit").join(name)).unwrap()
}

fn read(text: &str) -> Table {
    let decoded = Source::parse(text).unwrap().decode(UnknownKeys::Keep);
    assert!(decoded.errors.is_empty(), "{:?}", decoded.errors);
    decoded.table
}

fn runners(table: &Table) -> Vec<Table> {
    match table.get("runners") {
        Some(Value::Tables(runners)) => runners.clone(),
        _ => Vec::new(),
    }
}

fn with_runner(table: &Table, index: usize, change: impl FnOnce(&mut Table)) -> Table {
    let mut table = table.clone();
    let mut all = runners(&table);
    change(&mut all[index]);
    table.set("runners", Value::Tables(all));
    table
}

fn sub(table: &Table, key: &str) -> Table {
    match table.get(key) {
        Some(Value::Table(t)) => t.clone(),
        other => panic!("{key}: {other:?}"),
    }
}

/// The lines of `after` that differ from `before`, as (removed, added), by a plain LCS.
fn diff(before: &str, after: &str) -> (Vec<String>, Vec<String>) {
    let a: Vec<&str> = before.lines().collect();
    let b: Vec<&str> = after.lines().collect();
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
        }
    }
    let (mut i, mut j, mut removed, mut added) = (0, 0, Vec::new(), Vec::new());
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            added.push(b[j].to_owned());
            j += 1;
        } else {
            removed.push(a[i].to_owned());
            i += 1;
        }
    }
    (removed, added)
}

fn comments(text: &str) -> Vec<&str> {
    text.lines().filter_map(|l| l.find('#').map(|i| l[i..].trim_end())).collect()
}

#[test]
fn an_unchanged_config_gives_back_the_text_byte_for_byte() {
    let text = fixture("commented.toml");
    assert_eq!(update(&text, &read(&text)).unwrap(), text);
}

#[test]
#[ignore = "reads ../shared"]
fn every_corpus_file_comes_back_unchanged() {
    let files = corpus("valid");
    for (name, text) in files {
        assert_eq!(update(&text, &read(&text)).unwrap(), text, "{name}");
    }
}

#[test]
fn setting_a_value_changes_that_line_only() {
    let text = fixture("commented.toml");
    let table = with_runner(&read(&text), 0, |r| {
        r.set("limit", Value::Integer(8));
    });
    let updated = update(&text, &table).unwrap();
    assert_eq!(
        diff(&text, &updated),
        (vec!["  limit = 4 # at most 4 jobs".into()], vec!["  limit = 8 # at most 4 jobs".into()])
    );
    assert_eq!(read(&updated), table);
}

#[test]
fn a_value_in_a_nested_table_keeps_its_comments_and_neighbours() {
    let text = fixture("commented.toml");
    let table = with_runner(&read(&text), 0, |r| {
        let mut docker = sub(r, "docker");
        docker.set("image", Value::String("alpine:3.21".into()));
        r.set("docker", Value::Table(docker));
    });
    let updated = update(&text, &table).unwrap();
    assert_eq!(
        diff(&text, &updated),
        (
            vec!["    image = 'alpine:3.20' # literal string, kept as written".into()],
            vec!["    image = \"alpine:3.21\" # literal string, kept as written".into()]
        )
    );
}

#[test]
fn a_removed_key_goes_with_its_own_comment_lines() {
    let text = fixture("commented.toml");
    let table = with_runner(&read(&text), 0, |r| {
        let mut docker = Table::new(sub(r, "docker").schema());
        for (field, value) in sub(r, "docker").fields() {
            if field.key != "shm_size" {
                docker.set(field.key, value.clone());
            }
        }
        r.set("docker", Value::Table(docker));
    });
    let updated = update(&text, &table).unwrap();
    assert_eq!(
        diff(&text, &updated),
        (vec!["    # Shared memory in bytes.".into(), "    shm_size = 0x100000".into()], vec![])
    );
}

#[test]
fn a_new_key_lands_after_its_canonical_predecessor_with_the_tables_indentation() {
    let text = fixture("commented.toml");
    let table = with_runner(&read(&text), 0, |r| {
        let mut docker = sub(r, "docker");
        docker.set("tls_verify", Value::Boolean(true));
        r.set("docker", Value::Table(docker));
        r.set("output_limit", Value::Integer(8192));
    });
    let updated = update(&text, &table).unwrap();
    let (removed, added) = diff(&text, &updated);
    assert_eq!(removed, Vec::<String>::new());
    assert_eq!(added, vec!["  output_limit = 8192", "    tls_verify = true"]);
    assert_eq!(read(&updated), table);
    assert!(updated.contains("  limit = 4 # at most 4 jobs\n  output_limit = 8192\n"), "{updated}");
}

#[test]
fn an_appended_runner_is_the_only_change() {
    let text = fixture("commented.toml");
    let mut table = read(&text);
    let mut all = runners(&table);
    let mut runner = Table::new(all[1].schema());
    runner.set("name", Value::String("third".into()));
    runner.set("url", Value::String("https://gitlab.example.com".into()));
    runner.set("executor", Value::String("shell".into()));
    all.push(runner);
    table.set("runners", Value::Tables(all));
    let updated = update(&text, &table).unwrap();
    let runner = "\n[[runners]]\n  name = \"third\"\n  url = \"https://gitlab.example.com\"\n  executor = \"shell\"\n";
    assert_eq!(updated, text.replace("\n# The end of the file.", &format!("{runner}\n# The end of the file.")));
    assert_eq!(read(&updated), table);
}

#[test]
fn a_removed_runner_goes_with_its_comments_and_tables() {
    let text = fixture("commented.toml");
    let mut table = read(&text);
    let mut all = runners(&table);
    all.remove(1);
    table.set("runners", Value::Tables(all));
    let updated = update(&text, &table).unwrap();
    let start = text.find("# A second runner").unwrap();
    let end = text.find("# The end").unwrap();
    assert_eq!(updated, format!("{}{}", &text[..start], &text[end..]));
    assert_eq!(read(&updated), table);
}

#[test]
fn a_new_table_is_written_in_the_canonical_layout_at_its_place() {
    let text = fixture("commented.toml");
    let snippet = read("[[runners]]\n  [runners.custom_build_dir]\n    enabled = true\n  [runners.cache]\n    MaxUploadedArchiveSize = 10\n");
    let table = with_runner(&read(&text), 1, |r| {
        let from = &runners(&snippet)[0];
        r.set("custom_build_dir", from.get("custom_build_dir").unwrap().clone());
        r.set("cache", from.get("cache").unwrap().clone());
    });
    let updated = update(&text, &table).unwrap();
    let block =
        "\n  [runners.custom_build_dir]\n    enabled = true\n\n  [runners.cache]\n    MaxUploadedArchiveSize = 10\n";
    assert_eq!(updated, text.replace("  executor = \"shell\"\n", &format!("  executor = \"shell\"\n{block}")));
    assert_eq!(read(&updated), table);
}

#[test]
fn a_new_key_in_a_table_written_only_through_a_deeper_header_gets_its_header() {
    let text = "[[runners]]\n  name = \"a\"\n  [runners.cache.s3]\n    ServerAddress = \"s3\"\n";
    let table = with_runner(&read(text), 0, |r| {
        let mut cache = sub(r, "cache");
        cache.set("Type", Value::String("s3".into()));
        r.set("cache", Value::Table(cache));
    });
    let updated = update(text, &table).unwrap();
    assert_eq!(updated, "[[runners]]\n  name = \"a\"\n\n  [runners.cache]\n    Type = \"s3\"\n\n  [runners.cache.s3]\n    ServerAddress = \"s3\"\n");
    assert_eq!(read(&updated), table);
}

#[test]
fn dotted_and_inline_tables_are_edited_where_they_are() {
    let text =
        "[[runners]]\n  name = \"a\"\n  docker.image = \"alpine\" # dotted\n  cache = { Type = \"s3\" } # inline\n";
    let table = with_runner(&read(text), 0, |r| {
        let mut docker = sub(r, "docker");
        docker.set("image", Value::String("debian".into()));
        docker.set("privileged", Value::Boolean(true));
        r.set("docker", Value::Table(docker));
        let mut cache = sub(r, "cache");
        cache.set("Shared", Value::Boolean(true));
        r.set("cache", Value::Table(cache));
    });
    let updated = update(text, &table).unwrap();
    assert_eq!(
        updated,
        "[[runners]]\n  name = \"a\"\n  docker.image = \"debian\" # dotted\n  docker.privileged = true\n  cache = { Type = \"s3\", Shared = true } # inline\n"
    );
    assert_eq!(read(&updated), table);
}

#[test]
fn every_comment_survives_edits_around_it() {
    let text = fixture("commented.toml");
    let table = with_runner(&read(&text), 0, |r| {
        r.set("limit", Value::Integer(2));
        r.set("name", Value::String("renamed".into()));
    });
    let updated = update(&text, &table).unwrap();
    assert_eq!(comments(&updated), comments(&text));
    assert_eq!(render(&read(&updated)), render(&table));
}

#[test]
#[ignore = "reads ../shared"]
fn in_every_corpus_file_setting_a_value_is_one_line_and_a_new_runner_the_only_addition() {
    let files = corpus("valid");
    for (name, text) in files {
        let table = read(&text);
        if !runners(&table).is_empty() {
            let limited = with_runner(&table, 0, |r| {
                r.set("limit", Value::Integer(1234));
            });
            let updated = update(&text, &limited).unwrap();
            let (removed, added) = diff(&text, &updated);
            assert!(
                removed.len() <= 1 && added.len() == 1 && added[0].trim().starts_with("limit = 1234"),
                "{name}: {removed:?} {added:?}"
            );
            assert_eq!(read(&updated), limited, "{name}");
        }
        let mut appended = table.clone();
        let mut all = runners(&table);
        let runner =
            read("[[runners]]\n  name = \"added\"\n  url = \"https://gitlab.example.com\"\n  executor = \"shell\"\n");
        all.push(runners(&runner)[0].clone());
        appended.set("runners", Value::Tables(all));
        let updated = update(&text, &appended).unwrap();
        let (removed, added) = diff(&text, &updated);
        assert_eq!(removed, Vec::<String>::new(), "{name}");
        let added: Vec<&str> = added.iter().map(String::as_str).filter(|l| !l.is_empty()).collect();
        assert_eq!(
            added,
            ["[[runners]]", "  name = \"added\"", "  url = \"https://gitlab.example.com\"", "  executor = \"shell\""],
            "{name}"
        );
        assert_eq!(read(&updated), appended, "{name}");
    }
}

/// A file written with CRLF line ends (as Windows editors write it) keeps them: the lines
/// `update` writes end in CRLF, what it removes takes its CRLF along, and the result is the LF
/// file's, line end for line end.
#[test]
fn a_crlf_file_keeps_its_line_ends() {
    let lf = fixture("commented.toml");
    let crlf = lf.replace('\n', "\r\n");
    let snippet = read("[[runners]]\n  [runners.custom_build_dir]\n    enabled = true\n");
    let mut table = with_runner(&read(&lf), 0, |r| {
        r.set("limit", Value::Integer(8));
        r.set("output_limit", Value::Integer(8192));
        r.set("custom_build_dir", runners(&snippet)[0].get("custom_build_dir").unwrap().clone());
        let mut docker = Table::new(sub(r, "docker").schema());
        for (field, value) in sub(r, "docker").fields().filter(|(f, _)| f.key != "shm_size") {
            docker.set(field.key, value.clone());
        }
        r.set("docker", Value::Table(docker));
    });
    let mut all = runners(&table);
    all[1] = runners(&read("[[runners]]\n  name = \"third\"\n  executor = \"shell\"\n"))[0].clone();
    table.set("runners", Value::Tables(all));
    let expected = update(&lf, &table).unwrap();
    assert!(expected.contains("  limit = 8 # at most 4 jobs\n  output_limit = 8192\n"), "{expected}");
    assert!(expected.contains("  [runners.custom_build_dir]\n    enabled = true\n"), "{expected}");
    assert!(!expected.contains("shm_size"), "{expected}");
    let updated = update(&crlf, &table).unwrap();
    assert_eq!(updated, expected.replace('\n', "\r\n"));
    assert_eq!(read(&updated), table);

    // Removing everything leaves the comments opening and closing the file, in CRLF.
    let empty = read("");
    let cleared = update(&crlf, &empty).unwrap();
    assert_eq!(cleared, update(&lf, &empty).unwrap().replace('\n', "\r\n"));
    assert_eq!(read(&cleared), empty);
}

fn with_volumes(table: &Table, volumes: &[&str]) -> Table {
    with_runner(table, 0, |r| {
        let mut docker = sub(r, "docker");
        docker.set("volumes", Value::Array(volumes.iter().map(|v| Value::String((*v).into())).collect()));
        r.set("docker", Value::Table(docker));
    })
}

/// An array written over several lines keeps its layout and the comments of the elements that
/// stay: a changed element is replaced where it is (its comment stays), a new one gets its own
/// line in the array's indentation, a removed one goes with its comments.
#[test]
fn a_multi_line_array_keeps_its_lines_and_comments_through_changes() {
    let text = "[[runners]]\n  name = \"a\"\n  [runners.docker]\n    volumes = [\n      # the cache\n      \"/cache\", # shared\n      \"/certs/client\", # TLS\n      \"/data\", # scratch\n    ] # mounts\n    privileged = false\n";
    let changed = with_volumes(&read(text), &["/cache", "/certs", "/data"]);
    let updated = update(text, &changed).unwrap();
    assert_eq!(updated, text.replace("\"/certs/client\", # TLS", "\"/certs\", # TLS"));
    assert_eq!(read(&updated), changed);

    let added = with_volumes(&read(text), &["/cache", "/certs/client", "/data", "/more"]);
    let updated = update(text, &added).unwrap();
    assert_eq!(updated, text.replace("# scratch\n", "# scratch\n      \"/more\",\n"));
    assert_eq!(read(&updated), added);

    let removed = with_volumes(&read(text), &["/certs/client", "/data"]);
    let updated = update(text, &removed).unwrap();
    assert_eq!(updated, text.replace("      # the cache\n      \"/cache\", # shared\n", ""));
    assert_eq!(read(&updated), removed);

    // All three at once: every comment of an element that stays is still there.
    let all = with_volumes(&read(text), &["/cache", "/certs", "/more"]);
    let updated = update(text, &all).unwrap();
    assert_eq!(
        updated,
        "[[runners]]\n  name = \"a\"\n  [runners.docker]\n    volumes = [\n      # the cache\n      \"/cache\", # shared\n      \"/certs\", # TLS\n      \"/more\", # scratch\n    ] # mounts\n    privileged = false\n"
    );
    assert_eq!(read(&updated), all);
    let removed = with_volumes(&read(text), &["/cache", "/certs"]);
    let updated = update(text, &removed).unwrap();
    assert_eq!(updated, text.replace("\"/certs/client\", # TLS\n      \"/data\", # scratch\n", "\"/certs\", # TLS\n"));
    assert_eq!(read(&updated), removed);
}

/// The same in an array closed on its last element's line, without a trailing comma, whose
/// first element shares the opening bracket's line.
#[test]
fn a_multi_line_array_written_tightly_gets_elements_in_its_own_style() {
    let text =
        "[[runners]]\n  name = \"a\"\n  [runners.docker]\n    volumes = [\"/a\",\n      # b's comment\n      \"/b\"]\n";
    let appended = with_volumes(&read(text), &["/a", "/b", "/c"]);
    let updated = update(text, &appended).unwrap();
    assert_eq!(updated, text.replace("\"/b\"]", "\"/b\", \"/c\"]"));
    assert_eq!(read(&updated), appended);

    let first = with_volumes(&read(text), &["/z", "/a", "/b"]);
    let updated = update(text, &first).unwrap();
    assert_eq!(updated, text.replace("[\"/a\",", "[\"/z\", \"/a\","));
    assert_eq!(read(&updated), first);

    let without_first = with_volumes(&read(text), &["/b"]);
    let updated = update(text, &without_first).unwrap();
    assert_eq!(updated, text.replace("[\"/a\",", "["));
    assert_eq!(read(&updated), without_first);

    let without_last = with_volumes(&read(text), &["/a"]);
    let updated = update(text, &without_last).unwrap();
    assert_eq!(updated, text.replace("      # b's comment\n      \"/b\"]", "      ]"));
    assert_eq!(read(&updated), without_last);
}

/// A table made only of dotted sub-tables (`a.b.c = 1`) has no key line of its own: a new key
/// goes after its lines, as a dotted key, not to the top of the file.
#[test]
fn a_new_key_of_a_table_of_dotted_tables_goes_after_its_lines() {
    let text = "[[runners]]\n  name = \"a\"\n  docker.sysctls.a = \"1\" # kept\n\n[[runners]]\n  name = \"b\"\n";
    let table = with_runner(&read(text), 0, |r| {
        let mut docker = sub(r, "docker");
        docker.set("image", Value::String("x".into()));
        r.set("docker", Value::Table(docker));
    });
    let updated = update(text, &table).unwrap();
    assert_eq!(updated, text.replace("# kept\n", "# kept\n  docker.image = \"x\"\n"));
    assert_eq!(read(&updated), table);
}

#[test]
#[ignore = "reads ../shared"]
fn in_every_corpus_file_in_crlf_an_edit_writes_crlf() {
    let runner =
        read("[[runners]]\n  name = \"added\"\n  url = \"https://gitlab.example.com\"\n  executor = \"shell\"\n");
    // Read from each text: a multi-line string of a CRLF file holds its CRLF.
    let edited = |text: &str| {
        let mut table = read(text);
        let mut all = runners(&table);
        if let Some(first) = all.first_mut() {
            first.set("limit", Value::Integer(1234));
        }
        all.push(runners(&runner)[0].clone());
        table.set("runners", Value::Tables(all));
        update(text, &table).unwrap()
    };
    for (name, text) in corpus("valid") {
        assert_eq!(edited(&text.replace('\n', "\r\n")), edited(&text).replace('\n', "\r\n"), "{name}");
    }
}
