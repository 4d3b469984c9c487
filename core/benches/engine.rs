//! The engine's own speed, natively, printed as a Markdown section of BENCHMARKS.md (`make
//! bench` runs it with `cargo bench`): parse + render of the benchmark fleet against the `toml`
//! crate's parse and `to_string` of a `toml::Table` (no schema, no checks, its own layout).
//! A plain timing loop (median of several runs after a warm-up): one number per row is all
//! the table needs, which does not earn a benchmark framework's build time.

use std::hint::black_box;
use std::time::Instant;

use gitlab_runner_config::{parse, render, UnknownKeys};

/// The fleet of bench/fleet.py as config.toml text: docker runners with two services, an S3
/// cache and five environment entries, every tenth runner a Kubernetes one.
fn fleet(runners: usize) -> String {
    let mut text = String::from("concurrent = 100\n");
    for i in 0..runners {
        let kubernetes = i % 10 == 9;
        let (name, executor) = if kubernetes { ("kubernetes", "kubernetes") } else { ("docker", "docker") };
        text.push_str(&format!(
            "\n[[runners]]\n  name = \"{name}-{i}\"\n  url = \"https://gitlab.example.com/\"\n  \
             token = \"${{RUNNER_TOKEN}}\"\n  executor = \"{executor}\"\n  limit = 4\n  \
             environment = [\"RUNNER_INDEX={i}\", \"DOCKER_TLS_CERTDIR=/certs\", \"DOCKER_DRIVER=overlay2\", \
             \"FF_USE_FASTZIP=true\", \"GIT_DEPTH=20\"]\n"
        ));
        if !kubernetes {
            text.push_str(
                "\n  [runners.docker]\n    image = \"alpine:3.20\"\n    privileged = true\n    \
                 volumes = [\"/certs/client\", \"/cache\"]\n    pull_policy = [\"always\", \"if-not-present\"]\n\n    \
                 [[runners.docker.services]]\n      name = \"docker:27-dind\"\n      alias = \"docker\"\n\n    \
                 [[runners.docker.services]]\n      name = \"postgres:16\"\n",
            );
        }
        text.push_str(
            "\n  [runners.cache]\n    Type = \"s3\"\n    Path = \"runners\"\n    Shared = true\n\n    \
             [runners.cache.s3]\n      ServerAddress = \"s3.amazonaws.com\"\n      BucketName = \"runner-cache\"\n      \
             BucketLocation = \"eu-west-1\"\n      AccessKey = \"${AWS_ACCESS_KEY}\"\n      SecretKey = \"${AWS_SECRET_KEY}\"\n",
        );
        if kubernetes {
            text.push_str(
                "\n  [runners.kubernetes]\n    namespace = \"ci\"\n    image = \"alpine:3.20\"\n    cpu_limit = \"2\"\n    \
                 memory_limit = \"4Gi\"\n    host = \"https://kubernetes.example.com\"\n",
            );
        }
    }
    text
}

/// Median seconds of `repeat` runs after two warm-up runs.
fn median(repeat: usize, mut run: impl FnMut()) -> f64 {
    run();
    run();
    let mut times: Vec<f64> = (0..repeat)
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[repeat / 2]
}

fn ms(seconds: f64) -> String {
    format!("{:.2} ms", seconds * 1e3)
}

fn main() {
    let text = fleet(1000);
    let table = parse(&text, UnknownKeys::Reject).expect("the fleet is a valid config");
    assert!(render(&table) == text, "the fleet is written in gitlab-runner's layout");
    let plain: toml::Table = text.parse().expect("valid TOML");

    let ours_parse = median(15, || drop(black_box(parse(black_box(&text), UnknownKeys::Reject))));
    let ours_render = median(15, || drop(black_box(render(black_box(&table)))));
    let theirs_parse = median(15, || drop(black_box(black_box(&text).parse::<toml::Table>())));
    let theirs_render = median(15, || drop(black_box(toml::to_string(black_box(&plain)))));
    let ratio = |ours: f64, theirs: f64| format!("{:.2}x the `toml` crate's time", ours / theirs);

    println!("\n## Rust (the engine, natively)\n");
    println!("| what | median | ratio | note |\n|---|---:|---:|---|");
    let kib = text.len() / 1024;
    println!(
        "| `parse(text)`, 1000 runners, {kib} KiB | {} | {} | typed, checked against the schema |",
        ms(ours_parse),
        ratio(ours_parse, theirs_parse)
    );
    println!("| `text.parse::<toml::Table>()` | {} |  | `toml` crate: no schema, no checks |", ms(theirs_parse));
    println!(
        "| `render(&table)` | {} | {} | gitlab-runner's layout, escaped |",
        ms(ours_render),
        ratio(ours_render, theirs_render)
    );
    println!("| `toml::to_string(&table)` | {} |  | `toml` crate's own layout |", ms(theirs_render));
    let (ours, theirs) = (ours_parse + ours_render, theirs_parse + theirs_render);
    println!("| parse + render | {} | {} |  |", ms(ours), ratio(ours, theirs));
    println!("| `toml` parse + `to_string` | {} |  |  |", ms(theirs));

    println!("\n### Scaling (Rust parse + render, per runner)\n");
    println!("| runners | parse + render | per runner |\n|---:|---:|---:|");
    for runners in [10, 100, 1000, 10_000] {
        let text = fleet(runners);
        let repeat = if runners >= 10_000 { 5 } else { 15 };
        let seconds =
            median(repeat, || drop(black_box(render(&parse(black_box(&text), UnknownKeys::Reject).unwrap()))));
        println!("| {runners} | {} | {:.2} µs |", ms(seconds), seconds * 1e6 / runners as f64);
    }
}
