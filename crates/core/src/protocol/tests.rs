//! Message decoding and encoding: the wire shapes the shells send and read.

use super::*;

fn decode(json: &str) -> Result<Request, serde_json::Error> {
    serde_json::from_str(json)
}

#[test]
fn decodes_known_requests() {
    assert_eq!(
        decode(r#"{"type":"page-changed","url":"u"}"#).ok(),
        Some(Request::PageChanged { url: "u".into() })
    );
    assert_eq!(
        decode(r#"{"type":"overlay-ready","key":"0f8e2c4a-6b1d-4e3f-9a5c-7d2b1e0f3a4c"}"#).ok(),
        Some(Request::OverlayReady {
            key: "0f8e2c4a-6b1d-4e3f-9a5c-7d2b1e0f3a4c".into()
        })
    );
}

#[test]
fn every_request_reads_back_as_written() {
    for request in [
        Request::PageChanged { url: "u".into() },
        Request::OverlayReady {
            key: "0f8e2c4a-6b1d-4e3f-9a5c-7d2b1e0f3a4c".into(),
        },
        Request::FrameReady,
        Request::ProbeReport {
            found: vec!["a:2".into()],
            missing: Vec::new(),
        },
        Request::PageFacts {
            url: "u".into(),
            facts: PageFacts::default(),
        },
    ] {
        let json = serde_json::to_string(&request).unwrap_or_default();
        assert_eq!(decode(&json).ok().as_ref(), Some(&request), "{json}");
    }
}

#[test]
fn rejects_unknown_types_and_fields() {
    for bad in [
        r#"{"type":"page-changed","url":"u","extra":1}"#,
        r#"{"type":"delete-everything"}"#,
        r#"{"url":"u"}"#,
        r#"{"type":"page-changed"}"#,
        r#"{"type":"page-changed","url":5}"#,
        r#"{"type":"page-changed","url":"u","found":[]}"#,
        r#"{"type":"page-changed","url":"u","url":"v"}"#,
        r#"{"type":"overlay-ready","url":null}"#,
        // The overlay presents its tab's panel key, and nothing else.
        r#"{"type":"overlay-ready"}"#,
        r#"{"type":"overlay-ready","key":7}"#,
        r#"{"type":"overlay-ready","key":"0f8e2c4a-6b1d-4e3f-9a5c-7d2b1e0f3a4c","url":"u"}"#,
        r#"{"type":"overlay-ready","key":"0f8e2c4a-6b1d-4e3f-9a5c-7d2b1e0f3a4c","choice":"open"}"#,
        r#"{"type":"panel-choice","choice":"open","key":"0f8e2c4a-6b1d-4e3f-9a5c-7d2b1e0f3a4c"}"#,
        r#"{"type":"probe-report","found":[]}"#,
        r#"{"type":"probe-report","found":[{"id":"a","tier":0}],"missing":[]}"#,
        r#"[]"#,
    ] {
        assert!(decode(bad).is_err(), "{bad}");
    }
}

#[test]
fn a_found_entry_is_an_id_and_a_tier_index() {
    assert_eq!(found_entry("incident-tasks:3"), Some(("incident-tasks", 3)));
    assert_eq!(found_entry("a:0"), Some(("a", 0)));
    for bad in [
        "incident-tasks",
        "incident-tasks:",
        "incident-tasks:8",
        "incident-tasks:12",
        "incident-tasks:-1",
        "incident-tasks:x",
        "incident-tasks:1:2",
        ":1",
        "Tasks:1",
        "<img src=x>:1",
    ] {
        assert_eq!(found_entry(bad), None, "{bad}");
    }
}

#[test]
fn health_says_by_which_tier_an_anchor_was_found() {
    let health = Health {
        top: Some(ProbeResult {
            found: vec!["incident-tasks:3".into()],
            missing: vec!["similar-incidents".into()],
        }),
        blade: Some(ProbeResult {
            found: vec!["fusion:0".into()],
            missing: Vec::new(),
        }),
    };
    assert_eq!(health.found_by("incident-tasks"), Some(3));
    assert_eq!(health.found_by("fusion"), Some(0));
    assert!(health.is_found("fusion") && !health.is_found("similar-incidents"));
    assert!(health.is_missing("similar-incidents"));
    assert_eq!(health.found_by("similar-incidents"), None);
    // The prefix of another id is not that id.
    assert_eq!(health.found_by("incident"), None);
    let json = serde_json::to_string(&health).unwrap_or_default();
    assert_eq!(serde_json::from_str::<Health>(&json).ok(), Some(health));
}

#[test]
fn actions_serialize_with_the_shape_the_worker_shell_reads() {
    let json = serde_json::to_value(Action::ReplyTab {
        tab_id: 3,
        key: "k".into(),
    })
    .expect("serializes");
    assert_eq!(
        json,
        serde_json::json!({"action":"reply-tab","tabId":3,"key":"k"})
    );
}

#[test]
fn page_facts_decode_strictly() {
    let ok = r#"{"type":"page-facts","url":"https://portal.azure.com/","facts":{"values":{"alerts":"3"},"rows":[{"key":"118","values":{"alerts":"3"}}],"settled":true}}"#;
    assert!(decode(ok).is_ok());
    let extra = r#"{"type":"page-facts","url":"https://portal.azure.com/","facts":{"values":{},"html":"<b>"}}"#;
    assert!(decode(extra).is_err());
    let no_url = r#"{"type":"page-facts","facts":{"values":{}}}"#;
    assert!(
        decode(no_url).is_err(),
        "the page the readings are from is required"
    );
}

#[test]
fn the_local_date_follows_the_time_zone() {
    // 2026-12-06T23:30:00Z
    let late_utc = 1_796_599_800_000;
    let at = |tz_offset_minutes| Clock {
        now_ms: Some(late_utc),
        tz_offset_minutes,
    };
    assert_eq!(at(0).local_date().as_deref(), Some("2026-12-06"));
    // UTC+1 (Berlin in winter): getTimezoneOffset() is -60, and it is already the 7th.
    assert_eq!(at(-60).local_date().as_deref(), Some("2026-12-07"));
    // UTC-8 (Seattle): still the 6th.
    assert_eq!(at(480).local_date().as_deref(), Some("2026-12-06"));
    assert_eq!(Clock::default().local_date(), None);
    assert_eq!(
        Clock::on("2027-03-31").local_date().as_deref(),
        Some("2027-03-31")
    );
}
