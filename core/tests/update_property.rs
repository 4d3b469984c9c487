//! Property: for random documents with random comments and blank lines, and random edits of
//! their typed config, `update` gives text that reads back as the edited config, keeps every
//! comment in order, and drops comments only with a key or table that was removed. Seeded, so
//! a failure repeats; UPDATE_DOCUMENTS runs more.

use gitlab_runner_config::document::{Table, Value};
use gitlab_runner_config::{render, update, Source, UnknownKeys};

mod random;

use random::Random;

fn read(text: &str) -> Table {
    let decoded = Source::parse(text).unwrap_or_else(|e| panic!("{e:?}\n{text}")).decode(UnknownKeys::Keep);
    assert!(decoded.errors.is_empty(), "{:?}\n{text}", decoded.errors);
    decoded.table
}

/// A config in the canonical layout, drawn from a few tables and keys of each kind.
fn document(random: &mut Random) -> String {
    let mut text = String::new();
    if random.chance(70) {
        text.push_str(&format!("concurrent = {}\n", random.below(10)));
    }
    if random.chance(50) {
        text.push_str("log_level = \"info\"\n");
    }
    for i in 0..random.below(4) {
        text.push_str(&format!(
            "[[runners]]\nname = \"r{i}\"\nurl = \"https://gitlab.example.com\"\nexecutor = \"docker\"\n"
        ));
        if random.chance(50) {
            text.push_str(&format!("limit = {}\n", random.below(5)));
        }
        if random.chance(70) {
            text.push_str("[runners.docker]\nimage = \"alpine\"\n");
            if random.chance(50) {
                text.push_str("volumes = [\"/cache\", \"/certs\"]\n");
            }
        }
        if random.chance(50) {
            text.push_str("[runners.cache]\nType = \"s3\"\n");
            if random.chance(50) {
                text.push_str("[runners.cache.s3]\nServerAddress = \"s3.example.com\"\n");
            }
        }
    }
    render(&read(&text))
}

/// The one-line `volumes` arrays of the canonical layout written over several lines, in one of
/// the styles people use (a trailing comma or not, the bracket closing on the last element's line
/// or its own, the first element on the bracket's line or not).
fn spread_arrays(random: &mut Random, text: &str) -> String {
    let mut out = String::new();
    for line in text.split_inclusive('\n') {
        let Some(rest) = line.trim_start().strip_prefix("volumes = [").filter(|_| random.chance(70)) else {
            out.push_str(line);
            continue;
        };
        let indent = &line[..line.len() - line.trim_start().len()];
        let elements: Vec<&str> = rest.trim_end().trim_end_matches(']').split(", ").collect();
        let (first_inline, trailing, close_inline) = (random.chance(30), random.chance(50), random.chance(30));
        out.push_str(&format!("{indent}volumes = ["));
        for (i, element) in elements.iter().enumerate() {
            if i > 0 || !first_inline {
                out.push_str(&format!("\n{indent}  "));
            }
            out.push_str(element);
            if i + 1 < elements.len() || trailing {
                out.push(',');
            }
        }
        if close_inline {
            out.push_str("]\n");
        } else {
            out.push_str(&format!("\n{indent}]\n"));
        }
    }
    out
}

/// The text with comment lines, trailing comments and blank lines sprinkled in, each comment
/// unique (`#c7`).
fn commented(random: &mut Random, text: &str) -> String {
    let mut out = String::new();
    let mut n = 0;
    for line in text.lines() {
        if random.chance(20) {
            out.push('\n');
        }
        if random.chance(30) {
            let indent = &line[..line.len() - line.trim_start().len()];
            out.push_str(&format!("{indent}#c{n}\n"));
            n += 1;
        }
        out.push_str(line);
        if !line.is_empty() && random.chance(30) {
            out.push_str(&format!(" #c{n}"));
            n += 1;
        }
        out.push('\n');
    }
    if random.chance(30) {
        out.push_str(&format!("\n#c{n}\n"));
    }
    out
}

fn comments(text: &str) -> Vec<String> {
    text.lines().filter_map(|l| l.find('#').map(|i| l[i..].to_owned())).collect()
}

fn runners(table: &Table) -> Vec<Table> {
    match table.get("runners") {
        Some(Value::Tables(runners)) => runners.clone(),
        _ => Vec::new(),
    }
}

/// One random edit; true when it removed something (whose comments may go with it).
fn edit(random: &mut Random, table: &mut Table) -> bool {
    let mut all = runners(table);
    let template = read("[[runners]]\nname = \"new\"\nurl = \"https://gitlab.example.com\"\nexecutor = \"shell\"\n");
    match random.below(9) {
        0 => {
            table.set("concurrent", Value::Integer(random.below(100) as i64));
            false
        }
        1 => {
            table.set("check_interval", Value::Integer(3));
            false
        }
        2 if !all.is_empty() => {
            let i = random.below(all.len());
            all[i].set("limit", Value::Integer(random.below(100) as i64));
            table.set("runners", Value::Tables(all));
            false
        }
        3 if !all.is_empty() => {
            let i = random.below(all.len());
            let mut kept = Table::new(all[i].schema());
            for (field, value) in all[i].fields().filter(|(f, _)| !matches!(f.key, "docker" | "limit")) {
                kept.set(field.key, value.clone());
            }
            all[i] = kept;
            table.set("runners", Value::Tables(all));
            true
        }
        4 if !all.is_empty() => {
            all.remove(random.below(all.len()));
            if all.is_empty() {
                // No runners left: the key goes, as it does from the text.
                let mut without = Table::new(table.schema());
                for (field, value) in table.fields().filter(|(f, _)| f.key != "runners") {
                    without.set(field.key, value.clone());
                }
                *table = without;
            } else {
                table.set("runners", Value::Tables(all));
            }
            true
        }
        5 if !all.is_empty() => {
            let i = random.below(all.len());
            let cache = runners(&read(
                "[[runners]]\n[runners.cache]\nShared = true\n[runners.cache.gcs]\nBucketName = \"b\"\n",
            ))[0]
                .get("cache")
                .unwrap()
                .clone();
            all[i].set("cache", cache);
            table.set("runners", Value::Tables(all));
            true
        }
        7 if all.iter().any(|r| r.get("docker").is_some()) => {
            let i = all.iter().position(|r| r.get("docker").is_some()).unwrap_or(0);
            let Some(Value::Table(mut docker)) = all[i].get("docker").cloned() else { return false };
            let before = match docker.get("volumes") {
                Some(Value::Array(volumes)) => volumes.clone(),
                _ => Vec::new(),
            };
            let pool = ["/cache", "/certs", "/data", "/tmp", "/srv"];
            let volumes: Vec<Value> =
                (0..random.below(5)).map(|_| Value::String((*random.pick(&pool)).to_owned())).collect();
            // Elements that all stay in order keep their comments; otherwise some may go.
            let mut rest = volumes.iter();
            let kept = before.iter().all(|b| rest.any(|v| v == b));
            docker.set("volumes", Value::Array(volumes));
            all[i].set("docker", Value::Table(docker));
            table.set("runners", Value::Tables(all));
            !kept
        }
        _ => {
            all.push(runners(&template)[0].clone());
            table.set("runners", Value::Tables(all));
            false
        }
    }
}

/// `kept` appears in `all` in the same order.
fn is_subsequence(kept: &[String], all: &[String]) -> bool {
    let mut rest = all.iter();
    kept.iter().all(|k| rest.any(|a| a == k))
}

#[test]
fn random_edits_of_commented_documents_keep_the_rest() {
    let documents: u64 = std::env::var("UPDATE_DOCUMENTS").ok().and_then(|n| n.parse().ok()).unwrap_or(400);
    for seed in 1..=documents {
        let mut random = Random(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let canonical = document(&mut random);
        let spread = spread_arrays(&mut random, &canonical);
        let text = commented(&mut random, &spread);
        let original = read(&text);
        assert_eq!(update(&text, &original).unwrap(), text, "seed {seed}: unchanged");
        let mut table = original.clone();
        let mut removed = false;
        for _ in 0..1 + random.below(3) {
            removed |= edit(&mut random, &mut table);
        }
        let updated = update(&text, &table).unwrap();
        assert_eq!(render(&read(&updated)), render(&table), "seed {seed}:\n{text}\n---\n{updated}");
        let (before, after) = (comments(&text), comments(&updated));
        if removed {
            assert!(is_subsequence(&after, &before), "seed {seed}: comments moved\n{text}\n---\n{updated}");
        } else {
            assert_eq!(after, before, "seed {seed}: comments lost\n{text}\n---\n{updated}");
        }
        assert_eq!(update(&updated, &table).unwrap(), updated, "seed {seed}: not stable");
    }
}
