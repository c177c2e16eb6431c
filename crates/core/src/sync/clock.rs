//! Reading the times the portals display ("Nov 22, 2026 10:47 AM") as instants.
//!
//! The portals show times in the browser's time zone in US English by default; the service
//! worker passes that zone's offset (`Date.getTimezoneOffset()`, minutes to add to local time
//! to get UTC). ISO 8601 forms with a zone are read as written. Anything else is not a time.

use crate::dates;

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Seconds since the Unix epoch of a displayed time, or `None` when it is not one we read.
pub fn parse_display_time(text: &str, tz_offset_minutes: i32) -> Option<i64> {
    let text = text.trim();
    if text.len() > 64 {
        return None;
    }
    if let Some(t) = parse_iso(text) {
        return Some(t);
    }
    let local = parse_us_month_name(text).or_else(|| parse_us_numeric(text))?;
    Some(local + i64::from(tz_offset_minutes) * 60)
}

fn civil(year: i64, month: i64, day: i64) -> Option<i64> {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let last_day = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if !(1..=last_day).contains(&day) || !(1970..=9999).contains(&year) {
        return None;
    }
    dates::days_from_iso(&format!("{year:04}-{month:02}-{day:02}"))
}

fn seconds(days: i64, hour: i64, minute: i64, second: i64) -> Option<i64> {
    ((0..24).contains(&hour) && (0..60).contains(&minute) && (0..61).contains(&second))
        .then_some(days * 86_400 + hour * 3_600 + minute * 60 + second)
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
    let days = civil(
        year.parse().ok()?,
        month as i64 + 1,
        day.trim().parse().ok()?,
    )?;
    let (h, m, s) = clock_time(time)?;
    seconds(days, h, m, s)
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
    let (h, m, s) = clock_time(time)?;
    seconds(civil(year, month, day)?, h, m, s)
}

/// "2026-11-22T10:47:00Z", "2026-11-22T10:47:00.123+01:00" (a zone is required).
pub fn parse_iso(text: &str) -> Option<i64> {
    let (date, time) = text.split_once('T')?;
    let mut ymd = date.splitn(3, '-').map(str::parse::<i64>);
    let (Some(Ok(y)), Some(Ok(mo)), Some(Ok(d))) = (ymd.next(), ymd.next(), ymd.next()) else {
        return None;
    };
    let days = civil(y, mo, d).filter(|_| date.len() == 10)?;
    let (clock, offset_minutes) = if let Some(c) = time.strip_suffix('Z') {
        (c, 0)
    } else {
        let at = time.rfind(['+', '-'])?;
        let (c, zone) = time.split_at(at);
        let sign = if zone.starts_with('-') { -1 } else { 1 };
        let (zh, zm) = zone[1..].split_once(':')?;
        let zh: i64 = zh.parse().ok()?;
        let zm: i64 = zm.parse().ok()?;
        if zh > 23 || zm > 59 {
            return None;
        }
        (c, sign * (zh * 60 + zm))
    };
    let clock = clock.split('.').next()?;
    let (h, m, s) = clock_time(clock)?;
    Some(seconds(days, h, m, s)? - offset_minutes * 60)
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
            parse_iso("2026-11-22T11:47:00.5+01:00"),
            Some(NOV_22_2026_1047_UTC)
        );
        assert_eq!(
            parse_iso("2026-11-22T10:47:00"),
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
