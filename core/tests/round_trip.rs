//! Property: any document the schema allows renders to TOML that parses back to the same
//! document, and renders the same again. Documents are drawn at random (seeded, so a failure
//! repeats) over every table and kind, with the strings that break hand-written templates in
//! every string value and map key (quotes, backslashes, every control character, `"""`, `'''`,
//! `[[runners]]`, `#`, `=`, dots, non-BMP characters, U+2028, a BOM, empty and 100 KB strings).
//!
//! Three parsers read each text: the engine's own (the `toml` crate, then the decoder), the
//! `toml` crate alone as a generic table, and, from a file of the texts, Python's tomllib and
//! JavaScript's smol-toml (`tests/robustness/`). Each must give back exactly the document: no
//! string can inject a key or a table. `make soak` runs many more than `cargo test` does
//! (ROUND_TRIP_DOCUMENTS).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use gitlab_runner_config::direct::render_input;
use gitlab_runner_config::document::{Datetime, Table, Value};
use gitlab_runner_config::json::{to_json, JsonValue};
use gitlab_runner_config::schema::{Kind, MapOf, Struct, ROOT};
use gitlab_runner_config::{decode_struct, parse, render, UnknownKeys};
use serde_json::{json, Value as Json};

mod random;

use random::Random;

const STRINGS: &[&str] = &[
    "",
    "alpine:3.20",
    "C:\\GitLab-Runner\\builds",
    "DOCKER_AUTH_CONFIG={\"auths\":{\"r.example.com\":{\"auth\":\"dXNlcjpwYXNz\"}}}",
    "-----BEGIN KEY-----\nAAAA\n-----END KEY-----\n",
    "quote \" backslash \\ tab \t",
    "caf\u{e9} \u{65e5}\u{672c} \u{1F680}",
    "\u{0}\u{1}\u{7}\u{8}\u{b}\u{c}\r\u{1b}\u{7f}\u{85}",
    "''' \"\"\" # not a comment",
    "${RUNNER_TOKEN}",
];

const KEYS: &[&str] = &["plain", "with.dot", "net.ipv4.ip_forward", "", "sp ace", "quo\"te", "ключ", "FF_TIMESTAMPS"];

/// Pieces of hostile strings: each is something a template or a careless escaper gets wrong.
const PIECES: &[&str] = &[
    "\"",
    "\\",
    "'",
    "\"\"\"",
    "'''",
    "\r",
    "\n",
    "\r\n",
    "[[runners]]",
    "\n[[runners]]\ntoken = \"x\"\n",
    "[runners.docker]",
    "#",
    "=",
    ".",
    " ",
    "\t",
    "\\u0041",
    "\\\"",
    "\u{2028}",
    "\u{2029}",
    "\u{feff}",
    "\u{85}",
    "\u{1F680}",
    "\u{10FFFF}",
    "\u{e9}",
    "x",
    "name",
    "} ",
    "{",
    "]",
    "\"]",
    "${X}",
    "\u{7f}",
    "__proto__",
];

/// One hostile string: empty, 100 KB (rarely), any control character, or pieces.
fn hostile(random: &mut Random) -> String {
    match random.below(2000) {
        0..=99 => String::new(),
        100 => "\"\\\n".repeat(random.below(2) + 1) + &"a".repeat(100 * 1024),
        101..=599 => {
            let control = char::from_u32(random.below(0x20) as u32).expect("a control character");
            format!("{}{control}{}", random.pick(PIECES), random.pick(PIECES))
        }
        _ => (0..random.below(5) + 1).map(|_| *random.pick(PIECES)).collect(),
    }
}

fn key(random: &mut Random) -> String {
    if random.chance(50) {
        (*random.pick(KEYS)).to_owned()
    } else {
        hostile(random)
    }
}

const DURATIONS: &[&str] = &["0", "15m", "1h30m", "1.5s", "300ms", "-2h", "10us"];

const DATETIMES: &[&str] = &["1979-05-27T07:32:00Z", "2024-01-02T03:04:05.123456-07:00", "0001-01-01T00:00:00Z"];

fn string(random: &mut Random) -> Value {
    if random.chance(50) {
        Value::String((*random.pick(STRINGS)).to_owned())
    } else {
        Value::String(hostile(random))
    }
}

fn integer(random: &mut Random) -> Value {
    Value::Integer(*random.pick(&[0, 1, -1, 42, i64::MAX, i64::MIN, 1 << 53]))
}

fn float(random: &mut Random) -> Value {
    // NaN is left out only because NaN != NaN would fail the comparison, not the round trip.
    Value::Float(*random.pick(&[0.0, -0.0, 0.5, 1e-7, 1e20, 123.456, f64::INFINITY, f64::NEG_INFINITY]))
}

fn list(random: &mut Random, item: fn(&mut Random) -> Value) -> Value {
    Value::Array((0..random.below(4)).map(|_| item(random)).collect())
}

fn any(random: &mut Random, depth: usize) -> Value {
    match random.below(if depth > 2 { 4 } else { 6 }) {
        0 => string(random),
        1 => integer(random),
        2 => float(random),
        3 => Value::Boolean(random.chance(50)),
        4 => Value::Array((0..random.below(3)).map(|_| any(random, depth + 1)).collect()),
        _ => map(random, |r| any(r, depth + 1)),
    }
}

fn map(random: &mut Random, value: impl Fn(&mut Random) -> Value) -> Value {
    let mut entries: Vec<(String, Value)> = Vec::new();
    for _ in 0..random.below(4) {
        let key = key(random);
        if !entries.iter().any(|(k, _)| *k == key) {
            entries.push((key, value(random)));
        }
    }
    // TOML writes a table's plain keys before its sub-tables, so in a free-form map holding
    // tables that is the order that survives; the user's order is kept otherwise.
    entries.sort_by_key(|(_, v)| is_table(v));
    Value::Map(entries)
}

fn is_table(value: &Value) -> bool {
    match value {
        Value::Map(_) => true,
        Value::Array(items) => !items.is_empty() && items.iter().all(|v| matches!(v, Value::Map(_))),
        _ => false,
    }
}

fn value(random: &mut Random, kind: Kind, depth: usize) -> Value {
    match kind {
        Kind::String => string(random),
        Kind::Integer => integer(random),
        Kind::Float => float(random),
        Kind::Boolean => Value::Boolean(random.chance(50)),
        Kind::Duration => Value::String((*random.pick(DURATIONS)).to_owned()),
        Kind::Datetime => Value::Datetime(random.pick(DATETIMES).parse::<Datetime>().expect("a datetime")),
        Kind::StringOrStrings if random.chance(50) => string(random),
        Kind::StringOrStrings | Kind::Strings => list(random, string),
        Kind::Integers => list(random, integer),
        Kind::Floats => list(random, float),
        Kind::Map(MapOf::String) => map(random, string),
        Kind::Map(MapOf::Boolean) => map(random, |r| Value::Boolean(r.chance(50))),
        Kind::Map(MapOf::Integer) => map(random, integer),
        Kind::Map(MapOf::Strings) => map(random, |r| list(r, string)),
        Kind::Map(MapOf::Any) => map(random, |r| any(r, 0)),
        Kind::Table(child) => Value::Table(table(random, child, depth + 1)),
        Kind::Tables(child) => Value::Tables((0..random.below(3)).map(|_| table(random, child, depth + 1)).collect()),
    }
}

fn table(random: &mut Random, schema: &'static Struct, depth: usize) -> Table {
    let mut table = Table::new(schema);
    // Fewer keys deeper down keeps documents small while every table is reached over a run.
    let percent = if depth == 0 { 60 } else { 25 / depth as u64 + 5 };
    for (position, field) in schema.fields.iter().enumerate() {
        if random.chance(percent) {
            table.insert(position, value(random, field.kind, depth));
        }
    }
    table
}

#[test]
fn any_document_round_trips_through_its_text() {
    let documents: usize = std::env::var("ROUND_TRIP_DOCUMENTS").ok().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let mut random = Random(0x9E37_79B9_7F4A_7C15);
    let mut export = Export::new().expect("target/robustness/ is writable");
    let mut read_by_others = [0; 2];
    for n in 0..documents {
        if n > 0 && n % EXPORT_CHUNK == 0 {
            export.check_with_other_parsers(&mut read_by_others);
            export = Export::new().expect("target/robustness/ is writable");
        }
        let document = table(&mut random, ROOT, 0);
        let text = render(&document);
        let parsed = parse(&text, UnknownKeys::Reject).unwrap_or_else(|e| panic!("document {n}: {e:?}\n{text}"));
        assert_eq!(parsed, document, "document {n} changed through:\n{text}");
        assert_eq!(render(&parsed), text, "document {n} renders differently the second time");
        let expected = tagged_table(&document);
        let generic: toml::Table = text.parse().unwrap_or_else(|e| panic!("document {n}: the toml crate: {e}\n{text}"));
        assert_eq!(
            sorted(from_toml_table(&generic)),
            sorted(expected.clone()),
            "document {n}: the toml crate reads\n{text}"
        );
        export.add(&text, expected);
    }
    export.check_with_other_parsers(&mut read_by_others);
    println!("{documents} random documents rendered, read back unchanged by the engine and by the toml crate, and rendered the same");
    println!("{} of them read back exactly by tomllib, {} by smol-toml", read_by_others[0], read_by_others[1]);
}

/// Rendering straight from an input (the Python face's `to_toml`) writes what decoding and
/// rendering write, for every document; and gives up exactly where decoding fails (the JSON of
/// a document with a non-finite float holds a null).
#[test]
fn rendering_straight_from_an_input_matches_decoding_then_rendering() {
    let mut random = Random(0x2545_F491_4F6C_DD1D);
    let mut rendered = 0;
    for n in 0..3_000 {
        let json = to_json(&table(&mut random, ROOT, 0));
        let input = JsonValue(&json);
        let expected = decode_struct(ROOT, &input, UnknownKeys::Reject).ok().map(|table| render(&table));
        assert_eq!(render_input(ROOT, &input), expected, "document {n}: {json}");
        rendered += usize::from(expected.is_some());
    }
    assert!(rendered > 2_000, "only {rendered} documents decoded");
}

/// The texts go to the other readers in files of this many (a soak run writes no huge file).
const EXPORT_CHUNK: usize = 20_000;

/// The tagged tree of `tests/robustness/README.md`: what any TOML parser must read the text as.
fn tagged(value: &Value) -> Json {
    match value {
        Value::String(s) => json!(["s", s]),
        Value::Integer(i) => json!(["i", i.to_string()]),
        Value::Float(x) => json!(["f", format!("{x:?}")]),
        Value::Boolean(b) => json!(["b", b]),
        Value::Datetime(d) => json!(["d", utc_millis(d)]),
        Value::Array(items) => json!(["a", items.iter().map(tagged).collect::<Vec<_>>()]),
        Value::Tables(tables) => json!(["a", tables.iter().map(tagged_table).collect::<Vec<_>>()]),
        Value::Table(table) => tagged_table(table),
        Value::Map(entries) => json!(["t", entries.iter().map(|(k, v)| json!([k, tagged(v)])).collect::<Vec<_>>()]),
    }
}

fn tagged_table(table: &Table) -> Json {
    let known = table.fields().map(|(field, value)| json!([field.key, tagged(value)]));
    let unknown = table.unknown().iter().map(|(key, value)| json!([key, tagged(value)]));
    json!(["t", known.chain(unknown).collect::<Vec<_>>()])
}

fn from_toml(value: &toml::Value) -> Json {
    match value {
        toml::Value::String(s) => json!(["s", s]),
        toml::Value::Integer(i) => json!(["i", i.to_string()]),
        toml::Value::Float(x) => json!(["f", format!("{x:?}")]),
        toml::Value::Boolean(b) => json!(["b", b]),
        toml::Value::Datetime(d) => json!(["d", utc_millis(d)]),
        toml::Value::Array(items) => json!(["a", items.iter().map(from_toml).collect::<Vec<_>>()]),
        toml::Value::Table(table) => from_toml_table(table),
    }
}

fn from_toml_table(table: &toml::Table) -> Json {
    json!(["t", table.iter().map(|(k, v)| json!([k, from_toml(v)])).collect::<Vec<_>>()])
}

/// Tables with their keys in order, so two readings compare whatever order each kept.
fn sorted(tree: Json) -> Json {
    let Json::Array(pair) = tree else { return tree };
    let [tag, value] = <[Json; 2]>::try_from(pair).expect("a tagged pair");
    match (tag.as_str(), value) {
        (Some("t"), Json::Array(entries)) => {
            let mut entries: Vec<(Json, Json)> = entries
                .into_iter()
                .map(|entry| {
                    let [key, value] =
                        <[Json; 2]>::try_from(entry.as_array().expect("a pair").clone()).expect("a pair");
                    (key, sorted(value))
                })
                .collect();
            entries.sort_by(|a, b| a.0.as_str().cmp(&b.0.as_str()));
            json!(["t", entries.into_iter().map(|(k, v)| json!([k, v])).collect::<Vec<_>>()])
        }
        (Some("a"), Json::Array(items)) => json!(["a", items.into_iter().map(sorted).collect::<Vec<_>>()]),
        (_, value) => json!([tag, value]),
    }
}

/// The instant in UTC to the millisecond, as the other readers spell it (a JS `Date` holds no
/// more). Only offset datetimes are drawn: a config's datetimes are instants.
fn utc_millis(datetime: &Datetime) -> String {
    let (date, time) = (datetime.date.expect("a date"), datetime.time.expect("a time"));
    let offset_minutes = match datetime.offset.expect("an offset") {
        toml::value::Offset::Z => 0,
        toml::value::Offset::Custom { minutes } => i64::from(minutes),
    };
    let days = days_from_civil(i64::from(date.year), i64::from(date.month), i64::from(date.day));
    let seconds =
        days * 86_400 + i64::from(time.hour) * 3600 + i64::from(time.minute) * 60 + i64::from(time.second.unwrap_or(0))
            - offset_minutes * 60;
    let (days, second_of_day) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
    let (year, month, day) = civil_from_days(days);
    let millis = time.nanosecond.unwrap_or(0) / 1_000_000;
    let (h, m, s) = (second_of_day / 3600, second_of_day / 60 % 60, second_of_day % 60);
    format!("{year:04}-{month:02}-{day:02}T{h:02}:{m:02}:{s:02}.{millis:03}Z")
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 { shifted_month + 3 } else { shifted_month - 9 };
    (year_of_era + era * 400 + i64::from(month <= 2), month, day)
}

/// The rendered texts and what they must say, for Python's tomllib and JavaScript's smol-toml.
struct Export {
    path: PathBuf,
    file: std::io::BufWriter<std::fs::File>,
    texts: usize,
}

impl Export {
    /// One file per process: two runs of the suite at once must not write into each other's.
    fn new() -> std::io::Result<Export> {
        let directory = repository().join("target").join("robustness");
        std::fs::create_dir_all(&directory)?;
        let path = directory.join(format!("rust-{}.jsonl", std::process::id()));
        Ok(Export { file: std::io::BufWriter::new(std::fs::File::create(&path)?), path, texts: 0 })
    }

    fn add(&mut self, text: &str, expected: Json) {
        serde_json::to_writer(&mut self.file, &json!({"text": text, "expected": expected})).expect("written");
        self.file.write_all(b"\n").expect("written");
        self.texts += 1;
    }

    /// Each reader runs, or the test says plainly that it was skipped and why. `read` counts
    /// the texts each has read.
    fn check_with_other_parsers(mut self, read: &mut [usize; 2]) {
        self.file.flush().expect("written");
        let root = repository();
        let venv = root.join(".venv/bin/python");
        let python = if venv.exists() { venv } else { PathBuf::from("python3") };
        let has_tomllib =
            Command::new(&python).args(["-c", "import tomllib"]).output().is_ok_and(|o| o.status.success());
        let has_smol_toml = root.join("node_modules/smol-toml").exists();
        let readers = [
            ("tomllib", has_tomllib, python, "tests/robustness/tomllib_reader.py"),
            ("smol-toml", has_smol_toml, PathBuf::from("node"), "tests/robustness/smol_toml_reader.mjs"),
        ];
        for (reader, (name, present, program, script)) in readers.into_iter().enumerate() {
            if !present {
                println!(
                    "SKIPPED: {name} is not installed here (make test installs it): {} texts not read by it",
                    self.texts
                );
                continue;
            }
            let output = Command::new(&program).arg(root.join(script)).arg(&self.path).current_dir(&root).output();
            let output = output.unwrap_or_else(|e| panic!("{name}: cannot run {}: {e}", program.display()));
            let said = String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr);
            assert!(output.status.success(), "{name} read a text differently:\n{said}");
            read[reader] += self.texts;
        }
        let _ = std::fs::remove_file(&self.path);
    }
}

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("the workspace").to_path_buf()
}
