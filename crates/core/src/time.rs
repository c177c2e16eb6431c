//! Timestamps in ARM responses and HTTP headers, read into unix seconds without a date crate.
//!
//! Why at the bottom of the core: ARM records, the sync clock, settings files and onboarding
//! reports all read these forms. Why by hand: the core stays dependency-light for the wasm build
//! (no chrono/time), and we need only two fixed textual forms: RFC 3339 (`createdTimeUtc`, `lastModifiedTimeUtc`; ARM writes
//! `2019-01-01T13:15:30Z`, often with seven fraction digits) and the IMF-fixdate form of an HTTP
//! `Retry-After` (`Sun, 06 Nov 1994 08:49:37 GMT`, RFC 9110 §5.6.7). Both readers are strict about
//! the layout (fixed positions, ASCII digits, real calendar days) and total: any string gives a
//! value or `None`, never a panic. The day count itself is `dates::days_from_iso`.

use crate::dates;

/// Unix seconds of an RFC 3339 `date-time` (RFC 3339 §5.6): `YYYY-MM-DDTHH:MM:SS`, an optional
/// fraction (truncated; sub-second precision is not needed), then `Z` or `±HH:MM`. `T` and `Z`
/// may be lower case (§5.6 note). A leap second (`:60`) is accepted and counts as the next
/// minute's first second, as unix time does. `None` for anything else, including a missing offset.
pub fn rfc3339_to_unix(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't') {
        return None;
    }
    if b[13] != b':' || b[16] != b':' {
        return None;
    }
    let year = digits(b, 0, 4)?;
    let month = digits(b, 5, 2)?;
    let day = digits(b, 8, 2)?;
    let (hour, minute, second) = (digits(b, 11, 2)?, digits(b, 14, 2)?, digits(b, 17, 2)?);
    let mut rest = &b[19..];
    if let Some(fraction) = rest.strip_prefix(b".") {
        let n = fraction.iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            return None;
        }
        rest = &fraction[n..];
    }
    let offset = match rest {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
            let (h, m) = (digits(rest, 1, 2)?, digits(rest, 4, 2)?);
            if h > 23 || m > 59 {
                return None;
            }
            let east = h * 3600 + m * 60;
            if *sign == b'+' {
                east
            } else {
                -east
            }
        }
        _ => return None,
    };
    Some(civil_to_unix(year, month, day, hour, minute, second)? - offset)
}

const MONTHS: [&[u8]; 12] = [
    b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov", b"Dec",
];
const DAY_NAMES: [&[u8]; 7] = [b"Mon", b"Tue", b"Wed", b"Thu", b"Fri", b"Sat", b"Sun"];

/// Unix seconds of an HTTP-date in IMF-fixdate form, e.g. `Wed, 21 Oct 2015 07:28:00 GMT`
/// (exactly 29 characters, case-sensitive names as RFC 9110 §5.6.7 writes them). The day name
/// must be a real one but is not compared with the date: the date is what a wait is computed
/// from. The obsolete RFC 850 and asctime forms are not read (`None`); ARM sends delta-seconds.
pub fn http_date_to_unix(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    if b.len() != 29 || &b[3..5] != b", " || &b[25..] != b" GMT" {
        return None;
    }
    if !DAY_NAMES.contains(&&b[..3]) || b[7] != b' ' || b[11] != b' ' || b[16] != b' ' {
        return None;
    }
    if b[19] != b':' || b[22] != b':' {
        return None;
    }
    let day = digits(b, 5, 2)?;
    let month = MONTHS.iter().position(|m| *m == &b[8..11])? as i64 + 1;
    let year = digits(b, 12, 4)?;
    let (hour, minute, second) = (digits(b, 17, 2)?, digits(b, 20, 2)?, digits(b, 23, 2)?);
    civil_to_unix(year, month, day, hour, minute, second)
}

/// The number written by `len` ASCII digits at `at` (no sign, no spaces).
fn digits(b: &[u8], at: usize, len: usize) -> Option<i64> {
    let field = b.get(at..at + len)?;
    field.iter().try_fold(0i64, |n, c| {
        c.is_ascii_digit().then(|| n * 10 + i64::from(c - b'0'))
    })
}

/// Unix seconds of a UTC calendar time, `None` when a field is out of range (February 30th,
/// hour 24, …). Second 60 is allowed: both RFC 3339 and RFC 5322 dates may name a leap second.
pub(crate) fn civil_to_unix(
    year: i64,
    month: i64,
    day: i64,
    hour: i64,
    minute: i64,
    second: i64,
) -> Option<i64> {
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let days = dates::days_from_iso(&format!("{year:04}-{month:02}-{day:02}"))?;
    Some(days * 86_400 + hour * 3600 + minute * 60 + second)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests;
