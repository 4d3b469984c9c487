//! Floats and text, both ways, with Rust's grammar and Rust's spelling.
//!
//! Natively these are `str::parse` and `{:?}`/`{}`. With the feature `host-float-parsing` (the
//! wasm build) the engine links neither Rust's float parser nor its float formatter, whose
//! tables and code are about 20 KB of the gzipped `.wasm`. Reading: the grammar is checked
//! here, numbers of at most 19 significant digits and a small exponent (every number a config
//! holds in practice) are computed exactly here, the rest are read by the host (JavaScript's
//! `parseFloat`, correctly rounded). Writing: the host gives the shortest digits that read
//! back as the same number (JavaScript's `String(x)`, the same digits Rust finds), and they
//! are laid out here as Rust lays them out. The wasm crate defines the two host functions.

use std::fmt;

/// `x` as Rust's `{:?}` writes it (`1.0`, `0.5`, `1e16`, `1.5e-7`): TOML and JSON literals.
pub struct Literal(pub f64);

/// `x` as Rust's `{}` writes it (`1`, `0.5`, `10000000000000000`): numbers in messages.
pub struct Plain(pub f64);

impl fmt::Display for Literal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        #[cfg(not(feature = "host-float-parsing"))]
        return fmt::Debug::fmt(&self.0, f);
        #[cfg(feature = "host-float-parsing")]
        return f.write_str(&spell(self.0, false, host_digits));
    }
}

impl fmt::Display for Plain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        #[cfg(not(feature = "host-float-parsing"))]
        return fmt::Display::fmt(&self.0, f);
        #[cfg(feature = "host-float-parsing")]
        return f.write_str(&spell(self.0, true, host_digits));
    }
}

#[cfg(feature = "host-float-parsing")]
fn host_digits(x: f64) -> String {
    // SAFETY: the wasm crate defines the function with exactly this signature.
    unsafe { gitlab_runner_config_f64_text(x) }
}

/// `x` in Rust's layout, from the shortest digits that read back as `x` (`digits` gives them
/// as JavaScript's `String(x)` does: `123.45`, `1e+21`, `1.5e-7`); `plain` as `{}`, else `{:?}`.
#[cfg_attr(not(feature = "host-float-parsing"), allow(dead_code))]
fn spell(x: f64, plain: bool, digits: impl Fn(f64) -> String) -> String {
    if x.is_nan() {
        return "NaN".to_owned();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x.is_infinite() {
        return format!("{sign}inf");
    }
    if x == 0.0 {
        return format!("{sign}0{}", if plain { "" } else { ".0" });
    }
    // The digits without leading zeros, and where the decimal point goes among them.
    let text = digits(x.abs());
    let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
    let exponent: i64 = exponent.trim_start_matches('+').parse().unwrap_or(0);
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all = format!("{whole}{fraction}");
    let significant = all.trim_start_matches('0').trim_end_matches('0');
    let leading_zeros = (all.len() - all.trim_start_matches('0').len()) as i64;
    let point = whole.len() as i64 - leading_zeros + exponent;
    let count = significant.len() as i64;
    let mut out = String::from(sign);
    let abs = x.abs();
    if !plain && !(1e-4..1e16).contains(&abs) {
        out.push_str(&significant[..1]);
        if count > 1 {
            out.push('.');
            out.push_str(&significant[1..]);
        }
        out.push_str(&format!("e{}", point - 1));
    } else if point <= 0 {
        out.push_str("0.");
        out.push_str(&"0".repeat((-point) as usize));
        out.push_str(significant);
    } else if point >= count {
        out.push_str(significant);
        out.push_str(&"0".repeat((point - count) as usize));
        if !plain {
            out.push_str(".0");
        }
    } else {
        out.push_str(&significant[..point as usize]);
        out.push('.');
        out.push_str(&significant[point as usize..]);
    }
    out
}

/// The number `text` says, or `None` when it is not a float in Rust's syntax.
pub fn parse(text: &str) -> Option<f64> {
    #[cfg(not(feature = "host-float-parsing"))]
    return text.parse().ok();
    #[cfg(feature = "host-float-parsing")]
    return read(text, |decimal| {
        // SAFETY: the wasm crate defines the function with exactly this signature.
        unsafe { gitlab_runner_config_parse_f64(decimal) }
    });
}

#[cfg(feature = "host-float-parsing")]
extern "Rust" {
    /// The host's reading of a decimal number in Rust's syntax (no `inf`, no `nan`).
    fn gitlab_runner_config_parse_f64(decimal: &str) -> f64;
    /// The host's shortest text for a finite, positive `x` (JavaScript's `String(x)`).
    fn gitlab_runner_config_f64_text(x: f64) -> String;
}

/// Powers of ten that `f64` holds exactly.
const EXACT_POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];

/// Rust's float grammar checked, the easy numbers computed, the rest left to `host`.
#[cfg_attr(not(feature = "host-float-parsing"), allow(dead_code))]
fn read(text: &str, host: impl Fn(&str) -> f64) -> Option<f64> {
    let (negative, unsigned) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let signed = |x: f64| if negative { -x } else { x };
    for (word, value) in [("inf", f64::INFINITY), ("infinity", f64::INFINITY), ("nan", f64::NAN)] {
        if unsigned.eq_ignore_ascii_case(word) {
            return Some(signed(value));
        }
    }
    let bytes = unsigned.as_bytes();
    let mut at = 0;
    // Significant digits as an integer while they fit, and the power of ten they are scaled by.
    let (mut mantissa, mut digits, mut scale) = (0u64, 0usize, 0i64);
    let mut read_digits = |at: &mut usize, fraction: bool| {
        let start = *at;
        while let Some(&b) = bytes.get(*at).filter(|b| b.is_ascii_digit()) {
            if mantissa != 0 || b != b'0' {
                digits += 1;
                if digits <= 19 {
                    mantissa = mantissa * 10 + u64::from(b - b'0');
                } else if !fraction {
                    scale += 1;
                }
            }
            if fraction && digits <= 19 {
                scale -= 1;
            }
            *at += 1;
        }
        *at - start
    };
    let mut count = read_digits(&mut at, false);
    if bytes.get(at) == Some(&b'.') {
        at += 1;
        count += read_digits(&mut at, true);
    }
    if count == 0 {
        return None;
    }
    if matches!(bytes.get(at), Some(b'e' | b'E')) {
        at += 1;
        let negative_exponent = bytes.get(at) == Some(&b'-');
        if matches!(bytes.get(at), Some(b'-' | b'+')) {
            at += 1;
        }
        let start = at;
        let mut exponent: i64 = 0;
        while let Some(&b) = bytes.get(at).filter(|b| b.is_ascii_digit()) {
            // Saturated far beyond any f64 exponent: the host reads such numbers.
            exponent = (exponent * 10 + i64::from(b - b'0')).min(1 << 32);
            at += 1;
        }
        if at == start {
            return None;
        }
        scale += if negative_exponent { -exponent } else { exponent };
    }
    if at != bytes.len() {
        return None;
    }
    if mantissa == 0 {
        return Some(signed(0.0));
    }
    // Clinger's fast path: an integer below 2^53 and a power of ten f64 holds exactly, so one
    // multiplication or division rounds once, exactly as the correctly rounded result.
    if digits <= 19 && mantissa < 1 << 53 && scale.unsigned_abs() < EXACT_POWERS.len() as u64 {
        let power = EXACT_POWERS[scale.unsigned_abs() as usize];
        let value = mantissa as f64;
        return Some(signed(if scale < 0 { value / power } else { value * power }));
    }
    Some(host(text))
}

#[cfg(test)]
mod tests {
    use super::{read, spell};

    /// JavaScript's `String(x)` for a positive finite `x`, from Rust's shortest digits: the
    /// decimal form between 1e-7 and 1e21, else `d.ddde+n` / `d.ddde-n`.
    fn javascript(x: f64) -> String {
        let exponential = format!("{x:e}");
        let (mantissa, exponent) = exponential.split_once('e').unwrap();
        let exponent: i32 = exponent.parse().unwrap();
        if (1e-7..1e21).contains(&x) {
            format!("{x}")
        } else {
            format!("{mantissa}e{}{exponent}", if exponent >= 0 { "+" } else { "" })
        }
    }

    fn spells_as_rust(x: f64) {
        assert_eq!(spell(x, false, javascript), format!("{x:?}"), "{{:?}} of {x:e}");
        assert_eq!(spell(x, true, javascript), format!("{x}"), "{{}} of {x:e}");
    }

    #[test]
    fn spells_floats_as_rust_does() {
        for x in [
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.5,
            0.1 + 0.2,
            1e-4,
            9.99e-5,
            1e-5,
            1.5e-7,
            1e-7,
            1e15,
            1e16,
            1.5e16,
            123456.789,
            1e21,
            1.25e21,
            1e22,
            5e-324,
            1.7976931348623157e308,
            100.0,
            2.5,
            1234567890123456.0,
            0.001,
            1e-300,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            3.0e-5,
            7e-7,
            12e20,
        ] {
            spells_as_rust(x);
        }
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..100_000 {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            let x = f64::from_bits(state);
            if x.is_finite() {
                spells_as_rust(x);
            }
        }
    }

    fn rust(text: &str) -> f64 {
        text.parse().unwrap()
    }

    /// `read` says what `str::parse` says, bit for bit, and refuses what it refuses.
    fn agrees(text: &str) {
        let expected = text.parse::<f64>().ok();
        let got = read(text, rust);
        match (expected, got) {
            (Some(e), Some(g)) => {
                assert!(e.to_bits() == g.to_bits() || (e.is_nan() && g.is_nan()), "{text}: {e} vs {g}")
            }
            (None, None) => {}
            _ => panic!("{text:?}: str::parse says {expected:?}, read says {got:?}"),
        }
    }

    #[test]
    fn agrees_with_rust_on_edge_cases() {
        for text in [
            "0",
            "-0",
            "+0",
            "0.0",
            "-0.0",
            "1",
            "1.",
            ".5",
            "-.5",
            "+1.5",
            "1e5",
            "1E5",
            "1e+5",
            "1e-5",
            "1.5e300",
            "1e400",
            "-1e400",
            "1e-400",
            "2.2250738585072014e-308",
            "4.9e-324",
            "9007199254740993",
            "9007199254740992",
            "0.1",
            "0.2",
            "0.30000000000000004",
            "123456789012345678901234567890",
            "1.7976931348623157e308",
            "inf",
            "-inf",
            "+inf",
            "Infinity",
            "-INFINITY",
            "nan",
            "NaN",
            "-nan",
            "+nan",
            "",
            ".",
            "-",
            "+",
            "e5",
            "1e",
            "1e+",
            "1e-",
            "1.e5",
            ".e5",
            "1..2",
            "1.2.3",
            "1e5.5",
            "1_000",
            " 1",
            "1 ",
            "0x10",
            "infinit",
            "nanx",
            "00012",
            "0.000000000000000000000000000001",
            "1e22",
            "1e23",
            "123456789e-22",
            "3.14159265358979323846",
            "1e00000000000000000000000000001",
            "1e-00000000000000000000000000001",
            "0e999999999999999999999",
            "--1",
            "+-1",
            "1e--5",
            "12345678901234567890e-5",
            "100000000000000000000000",
        ] {
            agrees(text);
        }
    }

    #[test]
    fn agrees_with_rust_on_random_texts() {
        // A fixed linear congruential sequence: the same texts every run.
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: u64| {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) % n
        };
        for _ in 0..200_000 {
            let length = 1 + next(24);
            let text: String =
                (0..length).map(|_| b"0123456789012345678901234567899.e-+E"[next(36) as usize] as char).collect();
            agrees(&text);
        }
    }
}
