//! The two timestamp readers against values computed independently (Python's
//! `calendar.timegm`), and every malformed shape we could think of.

use super::*;
use proptest::prelude::*;

#[test]
fn reads_arm_timestamps() {
    assert_eq!(rfc3339_to_unix("2019-01-01T13:15:30Z"), Some(1_546_348_530));
    assert_eq!(rfc3339_to_unix("2019-01-01t13:15:30z"), Some(1_546_348_530));
    // ARM usually writes seven fraction digits; they are truncated.
    assert_eq!(
        rfc3339_to_unix("2019-01-01T13:15:30.9999999Z"),
        Some(1_546_348_530)
    );
    assert_eq!(rfc3339_to_unix("1970-01-01T00:00:00Z"), Some(0));
    assert_eq!(rfc3339_to_unix("1969-12-31T23:59:59Z"), Some(-1));
    assert_eq!(rfc3339_to_unix("2024-02-29T23:59:59Z"), Some(1_709_251_199));
    assert_eq!(
        rfc3339_to_unix("9999-12-31T23:59:59Z"),
        Some(253_402_300_799)
    );
    assert_eq!(
        rfc3339_to_unix("0001-01-01T00:00:00Z"),
        Some(-62_135_596_800)
    );
}

#[test]
fn applies_offsets() {
    assert_eq!(
        rfc3339_to_unix("2023-05-10T12:34:56.1234567+02:30"),
        Some(1_683_713_096)
    );
    assert_eq!(
        rfc3339_to_unix("2019-01-01T14:15:30+01:00"),
        rfc3339_to_unix("2019-01-01T13:15:30Z")
    );
    assert_eq!(
        rfc3339_to_unix("2019-01-01T12:15:30-01:00"),
        rfc3339_to_unix("2019-01-01T13:15:30-00:00")
    );
}

#[test]
fn leap_second_counts_as_next_minute() {
    assert_eq!(
        rfc3339_to_unix("2016-12-31T23:59:60Z"),
        rfc3339_to_unix("2017-01-01T00:00:00Z")
    );
}

#[test]
fn refuses_what_is_not_rfc_3339() {
    for bad in [
        "",
        "2019-01-01",
        "2019-01-01T13:15:30",       // no offset
        "2019-01-01 13:15:30Z",      // space instead of T
        "2019-01-01T13:15Z",         // no seconds
        "2019-01-01T13:15:30.Z",     // empty fraction
        "2019-01-01T13:15:30+0100",  // offset without colon
        "2019-01-01T13:15:30+24:00", // offset hour out of range
        "2019-01-01T13:15:30+01:60",
        "2019-01-01T13:15:30ZZ",
        "2019-01-01T13:15:30Z ",
        " 2019-01-01T13:15:30Z",
        "2019-13-01T13:15:30Z",
        "2019-00-01T13:15:30Z",
        "2019-02-29T13:15:30Z", // not a leap year
        "1900-02-29T13:15:30Z", // century, not a leap year
        "2019-04-31T13:15:30Z",
        "2019-01-00T13:15:30Z",
        "2019-01-01T24:00:00Z",
        "2019-01-01T13:60:30Z",
        "2019-01-01T13:15:61Z",
        "+019-01-01T13:15:30Z",
        "2019-+1-01T13:15:30Z", // `dates::days_from_iso` alone would take this
        "2019-01-01T1:15:30Z",
        "２０１９-01-01T13:15:30Z",
        "2019-01-01T13:15:30\u{0}Z",
        "/Date(1546348530000)/",
        "1546348530",
    ] {
        assert_eq!(rfc3339_to_unix(bad), None, "{bad:?}");
    }
    assert_eq!(
        rfc3339_to_unix("2000-02-29T00:00:00Z"),
        Some(951_782_400),
        "2000 is a leap year"
    );
}

#[test]
fn reads_imf_fixdate() {
    assert_eq!(
        http_date_to_unix("Wed, 21 Oct 2015 07:28:00 GMT"),
        Some(1_445_412_480)
    );
    assert_eq!(
        http_date_to_unix("Sun, 06 Nov 1994 08:49:37 GMT"),
        Some(784_111_777)
    );
    // The day name is checked to be one, not to match the date.
    assert_eq!(
        http_date_to_unix("Mon, 21 Oct 2015 07:28:00 GMT"),
        Some(1_445_412_480)
    );
}

#[test]
fn refuses_other_http_dates() {
    for bad in [
        "",
        "Sunday, 06-Nov-94 08:49:37 GMT", // RFC 850
        "Sun Nov  6 08:49:37 1994",       // asctime
        "Wed, 21 Oct 2015 07:28:00 UTC",
        "Wed, 21 oct 2015 07:28:00 GMT",
        "wed, 21 Oct 2015 07:28:00 GMT",
        "Xyz, 21 Oct 2015 07:28:00 GMT",
        "Wed, 1 Oct 2015 07:28:00 GMT",
        "Wed, 31 Sep 2015 07:28:00 GMT",
        "Wed, 21 Oct 2015 25:28:00 GMT",
        "Wed, 21 Oct 2015 07:28:00 GMT ",
        "Wed,_21 Oct 2015 07:28:00 GMT",
        "Wed, 21 Oct 2015 07-28-00 GMT",
        "120",
    ] {
        assert_eq!(http_date_to_unix(bad), None, "{bad:?}");
    }
}

proptest! {
    #[test]
    fn never_panics(s in ".{0,40}") {
        let _ = rfc3339_to_unix(&s);
        let _ = http_date_to_unix(&s);
    }

    #[test]
    fn both_forms_agree_on_any_valid_time(
        secs in -62_135_596_800i64..253_402_300_799,
    ) {
        let days = secs.div_euclid(86_400);
        let tod = secs.rem_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        let (h, mi, s) = (tod / 3600, tod % 3600 / 60, tod % 60);
        let rfc = format!("{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z");
        prop_assert_eq!(rfc3339_to_unix(&rfc), Some(secs), "{}", rfc);
        let month = std::str::from_utf8(MONTHS[m as usize - 1]).unwrap_or_default();
        let imf = format!("Thu, {d:02} {month} {y:04} {h:02}:{mi:02}:{s:02} GMT");
        prop_assert_eq!(http_date_to_unix(&imf), Some(secs), "{}", imf);
    }
}

/// The inverse of the day count, by counting: slow, obviously right, test-only.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let mut year = 1970;
    let mut left = days;
    let year_len = |y: i64| if days_in_month(y, 2) == 29 { 366 } else { 365 };
    while left < 0 {
        year -= 1;
        left += year_len(year);
    }
    while left >= year_len(year) {
        left -= year_len(year);
        year += 1;
    }
    let mut month = 1;
    while left >= days_in_month(year, month) {
        left -= days_in_month(year, month);
        month += 1;
    }
    (year, month, left + 1)
}
