//! Positions in a file written on one long line cost O(log n) each: reporting on every element
//! of a huge one-line array grows linearly with its length, not quadratically.

use std::time::{Duration, Instant};

use gitlab_runner_config::decode::MOST_REPORTED;
use gitlab_runner_config::{lint, KeyPath, Options, Source};

/// `environment = [1, 1, ...]` (every element a wrong type, so each gets a position) and the
/// same array of strings (valid, every element located).
fn one_line_arrays(elements: usize, prefix: &str) -> (String, String) {
    let wrong = format!("{prefix}[[runners]]\nenvironment = [{}]\n", vec!["1"; elements].join(","));
    let valid = format!("{prefix}[[runners]]\nenvironment = [{}]\n", vec!["\"A=é\""; elements].join(","));
    (wrong, valid)
}

/// The fastest of three runs of linting and locating every element.
fn work(elements: usize, prefix: &str) -> Duration {
    let (wrong, valid) = one_line_arrays(elements, prefix);
    (0..3)
        .map(|_| {
            let started = Instant::now();
            let findings = lint(&wrong, &Options::default());
            // Only the first ones are reported, each with its range; the rest are counted.
            let reported = findings.iter().filter(|d| d.code == "wrong-type" && d.range.is_some()).count();
            assert_eq!(reported, MOST_REPORTED);
            let omitted =
                format!("{} more problems not shown (only the first {MOST_REPORTED} are)", elements - MOST_REPORTED);
            assert_eq!(
                findings.iter().filter(|d| d.code == "more-errors").map(|d| &d.message).collect::<Vec<_>>(),
                [&omitted]
            );
            let source = Source::parse(&valid).unwrap();
            let mut element = KeyPath::root().with_key("runners");
            element.push_index(0);
            element.push_key("environment");
            let mut located = 0;
            for i in 0..elements {
                element.push_index(i);
                located += usize::from(matches!(source.locate(&element), Some((_, true))));
                element.pop();
            }
            assert_eq!(located, elements);
            started.elapsed()
        })
        .min()
        .unwrap()
}

#[test]
fn positions_on_one_long_line_grow_linearly() {
    // A non-ASCII comment first, so the character counting path is the one measured.
    for prefix in ["", "# é\n"] {
        let small = work(50_000, prefix);
        let large = work(200_000, prefix);
        let ratio = large.as_secs_f64() / small.as_secs_f64();
        println!("50k elements: {small:?}, 200k elements: {large:?}, ratio {ratio:.1}");
        // Linear work gives about 4; the quadratic lookup gave 16.
        assert!(ratio < 8.0, "4x the elements took {ratio:.1}x the time ({small:?} then {large:?})");
    }
}
