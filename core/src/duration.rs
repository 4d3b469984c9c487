//! Go's `time.Duration` text: what gitlab-runner's `time.ParseDuration` accepts.

use crate::escape::quoted;

/// Checks `text` the way Go's `time.ParseDuration` does: an optional sign, then one or more
/// decimal numbers each followed by a unit (ns, us, µs, μs, ms, s, m, h); or a bare "0".
pub fn check(text: &str) -> Result<(), String> {
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    if unsigned == "0" {
        return Ok(());
    }
    if unsigned.is_empty() {
        return Err("empty duration".into());
    }
    if unsigned.contains(char::is_whitespace) {
        return Err("spaces are not allowed".into());
    }
    let mut rest = unsigned;
    // Go keeps a duration in an int64 of nanoseconds; longer ones fail to parse there.
    let mut nanos: f64 = 0.0;
    while !rest.is_empty() {
        let number_len = rest.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(rest.len());
        let number = &rest[..number_len];
        if number.is_empty() || number == "." || number.matches('.').count() > 1 {
            return Err(format!("expected a number at {}", quoted(rest)));
        }
        rest = &rest[number_len..];
        let unit_len = rest.find(|c: char| c.is_ascii_digit() || c == '.').unwrap_or(rest.len());
        let unit = &rest[..unit_len];
        if unit.is_empty() {
            return Err(format!("missing unit after {} (use ns, us, ms, s, m or h)", quoted(number)));
        }
        let scale = match unit {
            "ns" => 1.0,
            "us" | "µs" | "μs" => 1e3,
            "ms" => 1e6,
            "s" => 1e9,
            "m" => 60e9,
            "h" => 3600e9,
            _ => return Err(format!("unknown unit {} (use ns, us, ms, s, m or h)", quoted(unit))),
        };
        nanos += crate::float::parse(number).unwrap_or(0.0) * scale;
        rest = &rest[unit_len..];
    }
    if nanos > i64::MAX as f64 {
        return Err("longer than Go's limit of about 2540000h".into());
    }
    Ok(())
}

/// Formats whole nanoseconds as Go's `Duration.String()` does ("1h30m0s", "1.5s", "250ms").
pub fn format_nanos(nanos: i128) -> String {
    let sign = if nanos < 0 { "-" } else { "" };
    let n = nanos.unsigned_abs();
    if n == 0 {
        return "0s".into();
    }
    if n < 1_000_000_000 {
        let (unit, scale) = if n < 1_000 {
            ("ns", 1)
        } else if n < 1_000_000 {
            ("µs", 1_000)
        } else {
            ("ms", 1_000_000)
        };
        return format!("{sign}{}{unit}", fraction(n, scale));
    }
    let seconds = fraction(n % 60_000_000_000, 1_000_000_000);
    let minutes = (n / 60_000_000_000) % 60;
    let hours = n / 3_600_000_000_000;
    if hours > 0 {
        format!("{sign}{hours}h{minutes}m{seconds}s")
    } else if minutes > 0 {
        format!("{sign}{minutes}m{seconds}s")
    } else {
        format!("{sign}{seconds}s")
    }
}

/// `n / scale` in decimal, without trailing zeros in the fraction.
fn fraction(n: u128, scale: u128) -> String {
    let whole = n / scale;
    let rest = n % scale;
    if rest == 0 {
        return whole.to_string();
    }
    let width = scale.ilog10() as usize;
    let digits = format!("{rest:0width$}");
    format!("{whole}.{}", digits.trim_end_matches('0'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_go_durations() {
        for ok in ["0", "15m", "1h30m", "1h30m0s", "-1.5h", "300ms", "2us", "2µs", "1.5s", "+10s"] {
            assert_eq!(check(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn rejects_what_go_rejects() {
        assert_eq!(check("").unwrap_err(), "empty duration");
        assert_eq!(check("15").unwrap_err(), r#"missing unit after "15" (use ns, us, ms, s, m or h)"#);
        assert_eq!(check("1d").unwrap_err(), r#"unknown unit "d" (use ns, us, ms, s, m or h)"#);
        assert_eq!(check("m").unwrap_err(), r#"expected a number at "m""#);
        assert_eq!(check("1.2.3s").unwrap_err(), r#"expected a number at "1.2.3s""#);
        assert_eq!(check("1h 30m").unwrap_err(), "spaces are not allowed");
        assert_eq!(check("99999999999999h").unwrap_err(), "longer than Go's limit of about 2540000h");
        assert_eq!(check("2540000h"), Ok(()));
    }

    #[test]
    fn formats_like_go() {
        assert_eq!(format_nanos(0), "0s");
        assert_eq!(format_nanos(5_400_000_000_000), "1h30m0s");
        assert_eq!(format_nanos(900_000_000_000), "15m0s");
        assert_eq!(format_nanos(1_500_000_000), "1.5s");
        assert_eq!(format_nanos(250_000_000), "250ms");
        assert_eq!(format_nanos(-10_000_000_000), "-10s");
        assert_eq!(format_nanos(1_500), "1.5µs");
    }
}
