//! UTC date formatting for the few places that print a time (Entra error descriptions, ARM
//! error messages, generated `lastModifiedUtc` values).
//!
//! Why our own: a dozen lines of calendar arithmetic (days → civil date, proleptic Gregorian)
//! instead of a date crate for the whole server.

/// `(year, month, day, hour, minute, second)` of a Unix time, UTC.
pub fn civil(unix: i64) -> (i64, u32, u32, u32, u32, u32) {
    let days = unix.div_euclid(86_400);
    let secs = unix.rem_euclid(86_400);
    // Shift the epoch to 0000-03-01 so leap days fall at the end of a 400-year era.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    // All values below are bounded by the arithmetic above, so the casts cannot truncate.
    let small = |v: i64| u32::try_from(v).unwrap_or(0);
    (
        year,
        small(month),
        small(day),
        small(secs / 3_600),
        small(secs % 3_600 / 60),
        small(secs % 60),
    )
}

/// RFC 3339 UTC, seconds precision: `2026-07-14T10:47:00Z`.
pub fn rfc3339(unix: i64) -> String {
    let (y, mo, d, h, mi, s) = civil(unix);
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
}

/// The form Entra prints in error descriptions: `2026-07-14 10:47:00Z`.
pub fn entra_timestamp(unix: i64) -> String {
    let (y, mo, d, h, mi, s) = civil(unix);
    format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}Z")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_dates() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339(1_784_026_020), "2026-07-14T10:47:00Z");
        assert_eq!(rfc3339(-1), "1969-12-31T23:59:59Z");
        assert_eq!(entra_timestamp(1_784_026_020), "2026-07-14 10:47:00Z");
    }
}
