//! Every status class, every `Retry-After` form, and the words and JSON the UI gets.

use super::*;
use proptest::prelude::*;

/// `Wed, 21 Oct 2015 07:28:00 GMT`.
const OCT_21_2015: i64 = 1_445_412_480;

#[test]
fn success_statuses_are_ok() {
    for status in [200, 201, 204, 299] {
        assert_eq!(outcome(status, None, 0), Ok(()), "{status}");
    }
}

#[test]
fn auth_and_missing_resources() {
    assert_eq!(outcome(401, None, 0), Err(ArmError::Unauthorized));
    assert_eq!(
        outcome(403, None, 0),
        Err(ArmError::Forbidden { resource: None })
    );
    assert_eq!(
        outcome(404, Some("5"), 0),
        Err(ArmError::NotFound { resource: None })
    );
}

#[test]
fn server_and_unexpected_statuses() {
    assert_eq!(outcome(500, None, 0), Err(ArmError::Server { status: 500 }));
    assert_eq!(outcome(503, None, 0), Err(ArmError::Server { status: 503 }));
    for status in [0, 100, 304, 400, 409, 418, 600, u16::MAX] {
        assert_eq!(
            outcome(status, None, 0),
            Err(ArmError::Unexpected { status }),
            "{status}"
        );
    }
}

fn throttled(retry_after: Option<&str>, now: i64) -> Option<u64> {
    match outcome(429, retry_after, now) {
        Err(ArmError::Throttled { retry_after_secs }) => Some(retry_after_secs),
        _ => None,
    }
}

#[test]
fn retry_after_delta_seconds() {
    assert_eq!(throttled(Some("17"), 0), Some(17));
    assert_eq!(throttled(Some(" 17\t"), 0), Some(17));
    assert_eq!(throttled(Some("0"), 0), Some(MIN_RETRY_SECS));
    assert_eq!(throttled(Some("86400"), 0), Some(MAX_RETRY_SECS));
    assert_eq!(
        throttled(Some("99999999999999999999999999"), 0),
        Some(MAX_RETRY_SECS)
    );
}

#[test]
fn retry_after_http_date() {
    let date = Some("Wed, 21 Oct 2015 07:28:00 GMT");
    assert_eq!(throttled(date, OCT_21_2015 - 45), Some(45));
    assert_eq!(throttled(date, OCT_21_2015), Some(MIN_RETRY_SECS));
    assert_eq!(throttled(date, OCT_21_2015 + 3600), Some(MIN_RETRY_SECS));
    assert_eq!(throttled(date, OCT_21_2015 - 86_400), Some(MAX_RETRY_SECS));
    assert_eq!(throttled(date, i64::MIN), Some(MAX_RETRY_SECS));
    assert_eq!(throttled(date, i64::MAX), Some(MIN_RETRY_SECS));
}

#[test]
fn retry_after_garbage_or_absent_gets_the_default() {
    for garbage in [
        "",
        "soon",
        "-5",
        "+5",
        "1.5",
        "5s",
        "Sunday, 06-Nov-94 08:49:37 GMT",
        "Wed, 31 Feb 2015 07:28:00 GMT",
        "\u{0}",
    ] {
        assert_eq!(
            throttled(Some(garbage), 0),
            Some(DEFAULT_RETRY_SECS),
            "{garbage:?}"
        );
    }
    assert_eq!(throttled(None, 0), Some(DEFAULT_RETRY_SECS));
}

#[test]
fn retryable_states() {
    let retryable = |status, header| outcome(status, header, 0).err().map(|e| e.is_retryable());
    assert_eq!(retryable(429, None), Some(true));
    assert_eq!(retryable(500, None), Some(true));
    assert_eq!(retryable(503, None), Some(true));
    assert_eq!(retryable(501, None), Some(false));
    assert_eq!(retryable(401, None), Some(false));
    assert_eq!(retryable(403, None), Some(false));
    assert_eq!(retryable(404, None), Some(false));
    assert_eq!(retryable(418, None), Some(false));
    assert!(ArmError::Timeout.is_retryable());
    assert!(!ArmError::malformed("x").is_retryable());
}

#[test]
fn sentences_for_the_ui() {
    let text = |status, header: Option<&str>| {
        outcome(status, header, 0)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default()
    };
    assert_eq!(
        text(429, Some("30")),
        "Azure is throttling requests; retrying in 30 s."
    );
    assert!(text(401, None).contains("sign in again"));
    assert!(text(403, None).contains("lacks permission on this resource"));
    assert!(text(404, None).contains("could not find"));
    assert!(text(503, None).contains("HTTP 503"));
    assert!(text(418, None).contains("unexpected HTTP status 418"));
    assert!(ArmError::Timeout.to_string().contains("in time"));
    assert_eq!(
        ArmError::malformed("the body has no `properties`").to_string(),
        "Azure sent a response we could not read: the body has no `properties`."
    );
}

#[test]
fn the_caller_names_the_resource() {
    let forbidden = outcome(403, None, 0).map_err(|e| e.on("workspace contoso-sentinel"));
    assert_eq!(
        forbidden,
        Err(ArmError::Forbidden {
            resource: Some("workspace contoso-sentinel".into())
        })
    );
    assert!(forbidden
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default()
        .starts_with("Your account lacks permission on workspace contoso-sentinel;"));
    let missing = ArmError::NotFound { resource: None }.on("incident 3177");
    assert!(missing
        .to_string()
        .contains("could not find incident 3177;"));
    assert_eq!(ArmError::Timeout.on("x"), ArmError::Timeout);
}

#[test]
fn travels_as_externally_tagged_kebab_case_json() {
    let cases = [
        (ArmError::Unauthorized, r#""unauthorized""#),
        (
            ArmError::Forbidden {
                resource: Some("ws".into()),
            },
            r#"{"forbidden":{"resource":"ws"}}"#,
        ),
        (
            ArmError::NotFound { resource: None },
            r#"{"not-found":{"resource":null}}"#,
        ),
        (
            ArmError::Throttled {
                retry_after_secs: 30,
            },
            r#"{"throttled":{"retryAfterSecs":30}}"#,
        ),
        (
            ArmError::Server { status: 503 },
            r#"{"server":{"status":503}}"#,
        ),
        (
            ArmError::Unexpected { status: 418 },
            r#"{"unexpected":{"status":418}}"#,
        ),
        (ArmError::Timeout, r#""timeout""#),
        (
            ArmError::malformed("<b>x</b>"),
            r#"{"malformed":{"reason":"<b>x</b>"}}"#,
        ),
    ];
    for (error, json) in cases {
        assert_eq!(serde_json::to_string(&error).ok().as_deref(), Some(json));
        assert_eq!(serde_json::from_str::<ArmError>(json).ok(), Some(error));
    }
}

proptest! {
    #[test]
    fn any_header_gives_a_bounded_wait(header in ".{0,40}", now in any::<i64>()) {
        let secs = retry_after_secs(Some(&header), now);
        prop_assert!((MIN_RETRY_SECS..=MAX_RETRY_SECS).contains(&secs));
    }

    #[test]
    fn every_status_has_a_sentence(status in any::<u16>()) {
        if let Err(e) = outcome(status, None, 0) {
            prop_assert!(e.to_string().ends_with('.'));
        } else {
            prop_assert!((200..=299).contains(&status));
        }
    }
}
