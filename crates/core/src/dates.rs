//! Calendar arithmetic for "N days left" and the local date, without a date crate (core stays
//! dependency-light).

/// Days since 1970-01-01 for an ISO `YYYY-MM-DD` date; `None` when malformed.
pub fn days_from_iso(date: &str) -> Option<i64> {
    let mut parts = date.get(..10)?.split('-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let d: i64 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Howard Hinnant's days_from_civil: http://howardhinnant.github.io/date_algorithms.html
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The ISO `YYYY-MM-DD` date `days` after 1970-01-01 (the inverse of [`days_from_iso`]).
pub fn iso_from_days(days: i64) -> String {
    // Howard Hinnant's civil_from_days: http://howardhinnant.github.io/date_algorithms.html
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: &str, to: &str) -> Option<i64> {
    Some(days_from_iso(to)? - days_from_iso(from)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_and_known_gaps() {
        assert_eq!(days_from_iso("1970-01-01"), Some(0));
        assert_eq!(days_between("2026-11-22", "2027-03-31"), Some(129));
        assert_eq!(days_between("2027-04-01", "2027-03-31"), Some(-1));
        assert_eq!(days_between("2024-02-28", "2024-03-01"), Some(2));
    }

    #[test]
    fn days_go_back_to_the_same_date() {
        for date in [
            "1970-01-01",
            "2000-02-29",
            "2024-03-01",
            "2026-12-31",
            "2027-03-31",
            "1969-12-31",
        ] {
            let days = days_from_iso(date).expect(date);
            assert_eq!(iso_from_days(days), date);
        }
        // Years 0000 to 9999, the ones an ISO date of four digits can name.
        for days in -700_000..2_900_000 {
            if days % 997 == 0 {
                assert_eq!(days_from_iso(&iso_from_days(days)), Some(days), "{days}");
            }
        }
    }

    #[test]
    fn malformed_dates_are_none() {
        for bad in [
            "",
            "2026",
            "2026-13-01",
            "2026-00-10",
            "abcd-ef-gh",
            "2026-1-1",
        ] {
            assert_eq!(days_from_iso(bad), None, "{bad}");
        }
    }
}
