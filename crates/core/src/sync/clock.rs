//! Reading the times the portals display ("Nov 22, 2026 10:47 AM") as instants.
//!
//! The portals show times in the browser's time zone in US English by default; the service
//! worker passes that zone's offset (`Date.getTimezoneOffset()`, minutes to add to local time
//! to get UTC). RFC 3339 times (ISO 8601 with a zone) are read as written, by `crate::time`. Anything else is not a time.

use crate::time;

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Seconds since the Unix epoch of a displayed time, or `None` when it is not one we read.
pub fn parse_display_time(text: &str, tz_offset_minutes: i32) -> Option<i64> {
    let text = text.trim();
    if text.len() > 64 {
        return None;
    }
    if let Some(t) = time::rfc3339_to_unix(text) {
        return Some(t);
    }
    let local = parse_us_month_name(text).or_else(|| parse_us_numeric(text))?;
    Some(local + i64::from(tz_offset_minutes) * 60)
}

/// Seconds of a calendar time (read as UTC; the caller applies the zone), within the years a
/// portal can show; the calendar checks are `crate::time`'s.
fn civil_seconds(year: i64, month: i64, day: i64, (h, m, s): (i64, i64, i64)) -> Option<i64> {
    if !(1970..=9999).contains(&year) {
        return None;
    }
    time::civil_to_unix(year, month, day, h, m, s)
}

/// "10:47 AM", "10:47:05 pm", "22:47" → (hour 0–23, minute, second).
fn clock_time(text: &str) -> Option<(i64, i64, i64)> {
    let text = text.trim();
    let (time, meridiem) = match text.rsplit_once(' ') {
        Some((t, m)) if m.eq_ignore_ascii_case("am") || m.eq_ignore_ascii_case("pm") => {
            (t.trim(), Some(m.eq_ignore_ascii_case("pm")))
        }
        _ => (text, None),
    };
    let mut parts = time.split(':');
    let hour: i64 = parts.next()?.trim().parse().ok()?;
    let minute: i64 = parts.next()?.trim().parse().ok()?;
    let second: i64 = parts.next().map_or(Some(0), |s| s.trim().parse().ok())?;
    if parts.next().is_some() {
        return None;
    }
    let hour = match meridiem {
        Some(pm) if (1..=12).contains(&hour) => hour % 12 + if pm { 12 } else { 0 },
        Some(_) => return None,
        None => hour,
    };
    Some((hour, minute, second))
}

/// "Nov 22, 2026 10:47 AM" (local).
fn parse_us_month_name(text: &str) -> Option<i64> {
    let (month, rest) = text.split_once(' ')?;
    let month = MONTHS
        .iter()
        .position(|m| month.get(..3).is_some_and(|p| p.eq_ignore_ascii_case(m)))?;
    let (day, rest) = rest.split_once(',')?;
    let (year, time) = rest.trim().split_once(' ')?;
    civil_seconds(
        year.parse().ok()?,
        month as i64 + 1,
        day.trim().parse().ok()?,
        clock_time(time)?,
    )
}

/// "11/22/2026, 10:47:05 AM" (local).
fn parse_us_numeric(text: &str) -> Option<i64> {
    let (date, time) = text.split_once(',').or_else(|| text.split_once(' '))?;
    let mut parts = date.trim().split('/');
    let month: i64 = parts.next()?.parse().ok()?;
    let day: i64 = parts.next()?.parse().ok()?;
    let year: i64 = parts.next()?.parse().ok()?;
    if parts.next().is_some() {
        return None;
    }
    civil_seconds(year, month, day, clock_time(time)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOV_22_2026_1047_UTC: i64 = 1_795_344_420;

    #[test]
    fn us_english_display_times() {
        assert_eq!(
            parse_display_time("Nov 22, 2026 10:47 AM", 0),
            Some(NOV_22_2026_1047_UTC)
        );
        assert_eq!(
            parse_display_time("November 22, 2026 10:47 AM", 0),
            Some(NOV_22_2026_1047_UTC)
        );
        assert_eq!(
            parse_display_time("11/22/2026, 10:47:00 AM", 0),
            Some(NOV_22_2026_1047_UTC)
        );
        // Berlin in winter: UTC+1, getTimezoneOffset() = -60.
        assert_eq!(
            parse_display_time("Nov 22, 2026 11:47 AM", -60),
            Some(NOV_22_2026_1047_UTC)
        );
        assert_eq!(
            parse_display_time("Nov 22, 2026 12:05 AM", 0),
            Some(NOV_22_2026_1047_UTC - 10 * 3600 - 42 * 60)
        );
        assert_eq!(
            parse_display_time("Nov 22, 2026 12:05 PM", 0),
            Some(NOV_22_2026_1047_UTC + 78 * 60)
        );
    }

    #[test]
    fn iso_times_keep_their_zone() {
        assert_eq!(
            parse_display_time("2026-11-22T10:47:00Z", 300),
            Some(NOV_22_2026_1047_UTC)
        );
        assert_eq!(
            parse_display_time("2026-11-22T11:47:00.5+01:00", 0),
            Some(NOV_22_2026_1047_UTC)
        );
        assert_eq!(
            parse_display_time("2026-11-22T10:47:00", 0),
            None,
            "no zone, no instant"
        );
    }

    #[test]
    fn non_times_are_none() {
        for bad in [
            "",
            "yesterday",
            "Nov 31, 2026 10:47 AM",
            "Nov 22, 2026 13:47 PM",
            "Nov 22, 2026 10:61 AM",
            "Foo 22, 2026 10:47 AM",
            "22/22/2026, 10:47 AM",
            "2026-11-22T25:00:00Z",
            "<b>Nov 22</b>",
        ] {
            assert_eq!(parse_display_time(bad, 0), None, "{bad}");
        }
    }
}
