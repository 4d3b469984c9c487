//! Property: any document the schema allows renders to TOML that parses back to the same
//! document, and renders the same again. Documents are drawn at random (seeded, so a failure
//! repeats) over every table and kind, with the strings that break hand-written templates.
//! `make soak` runs many more than `cargo test` does (ROUND_TRIP_DOCUMENTS).

use gitlab_runner_config::document::{Datetime, Table, Value};
use gitlab_runner_config::schema::{Kind, MapOf, Struct, ROOT};
use gitlab_runner_config::{parse, render, UnknownKeys};

/// xorshift64*: small, seedable, good enough to pick fields and values.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

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

const DURATIONS: &[&str] = &["0", "15m", "1h30m", "1.5s", "300ms", "-2h", "10us"];

const DATETIMES: &[&str] = &["1979-05-27T07:32:00Z", "2024-01-02T03:04:05.123456-07:00", "0001-01-01T00:00:00Z"];

fn string(random: &mut Random) -> Value {
    Value::String((*random.pick(STRINGS)).to_owned())
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
        let key = (*random.pick(KEYS)).to_owned();
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
    let documents: usize = std::env::var("ROUND_TRIP_DOCUMENTS").ok().and_then(|n| n.parse().ok()).unwrap_or(300);
    let mut random = Random(0x9E37_79B9_7F4A_7C15);
    for n in 0..documents {
        let document = table(&mut random, ROOT, 0);
        let text = render(&document);
        let parsed = parse(&text, UnknownKeys::Reject).unwrap_or_else(|e| panic!("document {n}: {e:?}\n{text}"));
        assert_eq!(parsed, document, "document {n} changed through:\n{text}");
        assert_eq!(render(&parsed), text, "document {n} renders differently the second time");
    }
    println!("{documents} random documents rendered, parsed back unchanged and rendered the same");
}
