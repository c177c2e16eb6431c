//! Typed values across the JS boundary (the worker's `from_js` and `to_js`), in a real browser:
//! the core's `deny_unknown_fields`, integer and `null` rules hold for JS objects as they do for
//! JSON in the core's native tests, and what is written reads back the same.
#![cfg(target_arch = "wasm32")]
// clippy's allow-expect-in-tests does not see #[wasm_bindgen_test] functions as tests.
#![allow(clippy::expect_used)]

use std::collections::BTreeMap;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use wayfinder_core::model::PageFacts;
use wayfinder_core::plan::{plan_for_url, OverlayPlan};
use wayfinder_core::protocol::{Request, Sender};
use wayfinder_core::settings::Settings;
use wayfinder_ui::worker::from_js::decode;
use wayfinder_ui::worker::to_js::encode;

wasm_bindgen_test_configure!(run_in_browser);

/// The JS object of a JSON text (what a shell hands over).
fn js(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("test JSON")
}

#[wasm_bindgen_test]
fn requests_decode_from_objects() {
    assert_eq!(
        decode::<Request>(&js(r#"{"type":"page-changed","url":"u"}"#)),
        Ok(Request::PageChanged { url: "u".into() })
    );
    let facts = r#"{"type":"page-facts","url":"https://portal.azure.com/","facts":{"values":{"alerts":"3"},"rows":[{"key":"118","values":{}}],"settled":true}}"#;
    let Ok(Request::PageFacts { facts, .. }) = decode::<Request>(&js(facts)) else {
        panic!("page-facts did not decode");
    };
    assert_eq!(
        facts.values,
        BTreeMap::from([("alerts".to_string(), "3".to_string())])
    );
    assert!(facts.settled);
}

#[wasm_bindgen_test]
fn unknown_fields_are_refused_at_every_level() {
    for bad in [
        r#"{"type":"page-changed","url":"u","extra":true}"#,
        r#"{"type":"page-facts","facts":{"values":{},"html":"<b>"}}"#,
        r#"{"type":"probe-report","found":[],"missing":[],"url":"u"}"#,
        r#"{"type":"page-changed","url":5}"#,
        r#""nonsense""#,
        "[]",
    ] {
        assert!(decode::<Request>(&js(bad)).is_err(), "{bad}");
    }
    assert!(decode::<PageFacts>(&js(r#"{"rows":[{"key":"1","extra":1}]}"#)).is_err());
    assert!(decode::<Request>(&JsValue::UNDEFINED).is_err());
}

#[wasm_bindgen_test]
fn numbers_and_nulls_follow_the_types() {
    let sender = |json: &str| decode::<Sender>(&js(json));
    let ok =
        sender(r#"{"sameExtension":true,"url":null,"tabId":7,"frameId":-1,"extensionOrigin":"o"}"#)
            .expect("a sender");
    assert_eq!((ok.url, ok.tab_id, ok.frame_id), (None, Some(7), Some(-1)));
    for bad in [
        r#"{"sameExtension":true,"tabId":7.5,"extensionOrigin":"o"}"#,
        r#"{"sameExtension":true,"tabId":-1,"extensionOrigin":"o"}"#,
        r#"{"sameExtension":"yes","extensionOrigin":"o"}"#,
        r#"{"sameExtension":true}"#,
    ] {
        assert!(sender(bad).is_err(), "{bad}");
    }
}

#[wasm_bindgen_test]
fn what_is_written_reads_back_the_same() {
    let settings = Settings {
        trainer: true,
        dismissed: vec!["hunting".into()],
        ..Settings::default()
    };
    let value = encode(&settings).expect("settings encode");
    assert_eq!(decode::<Settings>(&value).as_ref(), Ok(&settings));

    // Trainer mode: the plan carries anchors, whose probes hold tagged tiers.
    let plan = plan_for_url(
        "https://portal.azure.com/#view/Microsoft_Azure_Security_Insights/MainMenuBlade/~/Hunting/id/x",
        Some("2026-11-22"),
        &settings,
    );
    assert!(!plan.anchors.is_empty());
    let value = encode(&plan).expect("plan encode");
    assert_eq!(decode::<OverlayPlan>(&value), Ok(plan));
}

#[wasm_bindgen_test]
fn pages_keep_what_they_show_of_a_plan() {
    let settings = Settings {
        trainer: true,
        ..Settings::default()
    };
    let plan = plan_for_url(
        "https://portal.azure.com/#view/Microsoft_Azure_Security_Insights/MainMenuBlade/~/Hunting/id/x",
        Some("2026-11-22"),
        &settings,
    );
    let value = encode(&plan).expect("plan encode");
    let wayfinder_ui::PlanState::Ready(shown) = wayfinder_ui::decode_plan(value) else {
        panic!("the plan did not decode");
    };
    assert_eq!((&shown.page, &shown.items), (&plan.page, &plan.items));
    assert!(shown.anchors.is_empty(), "anchors are the content script's");

    let extra =
        js(r#"{"page":{"portal":null,"feature":null,"workspace":null},"items":[],"extra":1}"#);
    assert!(matches!(
        wayfinder_ui::decode_plan(extra),
        wayfinder_ui::PlanState::Unreadable(_)
    ));
}

#[wasm_bindgen_test]
fn externally_tagged_enums_read_back_as_written() {
    use wayfinder_core::arm::ArmError;
    use wayfinder_core::onboarding::arm_facts::{ArmFacts, Known};
    use wayfinder_core::onboarding::run::ArmRecord;
    use wayfinder_core::onboarding::view::ArmStatus;
    let record = ArmRecord {
        facts: ArmFacts {
            subscriptions_read: Known::Failed(ArmError::Throttled {
                retry_after_secs: 2,
            }),
            ..ArmFacts::default()
        },
        status: ArmStatus::Read {
            at_ms: 5,
            complete: false,
        },
    };
    let written = encode(&record).expect("encodes");
    assert_eq!(decode::<ArmRecord>(&written), Ok(record));
    for (json, known) in [
        (r#""pending""#, Known::Pending),
        (r#"{"got":3}"#, Known::Got(3)),
        (r#"{"failed":"timeout"}"#, Known::Failed(ArmError::Timeout)),
        (r#"{"skipped":"off"}"#, Known::Skipped("off".into())),
    ] {
        assert_eq!(decode::<Known<u32>>(&js(json)), Ok(known), "{json}");
    }
    for bad in [
        r#"{"got":3,"failed":"timeout"}"#,
        r#"{}"#,
        r#"{"pending":1}"#,
        r#"{"gone":1}"#,
        r#"{"failed":{"server":{"status":500,"extra":1}}}"#,
    ] {
        assert!(decode::<Known<u32>>(&js(bad)).is_err(), "{bad}");
    }
}

#[wasm_bindgen_test]
fn errors_name_the_path_of_their_field() {
    use wayfinder_core::settings::file::SettingsFile;
    let file = |settings: &str| {
        js(&format!(
            r#"{{"format":"f","version":1,"exportedAt":"t","settings":{settings}}}"#
        ))
    };
    let wrong_type = decode::<SettingsFile>(&file(r#"{"hints":"yes"}"#)).expect_err("a string");
    assert_eq!(
        wrong_type,
        "settings.hints: invalid type: a string, expected a boolean"
    );
    let in_list = decode::<SettingsFile>(&file(r#"{"dismissed":["a",7]}"#)).expect_err("a number");
    assert!(
        in_list.starts_with("settings.dismissed[1]: invalid type: a number"),
        "{in_list}"
    );
    let unknown = decode::<SettingsFile>(&file(r#"{"hintz":true}"#)).expect_err("unknown");
    assert!(
        unknown.starts_with("settings.hintz: unknown field `hintz`"),
        "{unknown}"
    );
    let nested = decode::<SettingsFile>(&file(r#"{"signIn":{"tenant":"x","clientId":1}}"#))
        .expect_err("nested");
    assert!(
        nested.starts_with("settings.signIn.clientId: invalid type"),
        "{nested}"
    );
}

#[wasm_bindgen_test]
fn oversized_values_are_refused_before_they_are_read() {
    // A page-facts message whose rows array is far longer than any page has: refused by its
    // length, before a row is read (the core's own bound is 500 rows).
    let rows = format!("[{}]", vec![r#"{"key":"1"}"#; 5000].join(","));
    let message = format!(r#"{{"type":"page-facts","url":"u","facts":{{"rows":{rows}}}}}"#);
    let refused = decode::<Request>(&js(&message)).expect_err("too many rows");
    assert!(refused.contains("more than 4096 entries"), "{refused}");
    let long = "x".repeat(70_000);
    let refused = decode::<Request>(&js(&format!(r#"{{"type":"page-changed","url":"{long}"}}"#)))
        .expect_err("too long");
    assert!(refused.contains("longer than 65536"), "{refused}");
    let deep = format!("{}{}", "[".repeat(40), "]".repeat(40));
    let refused = decode::<serde_json::Value>(&js(&deep)).expect_err("too deep");
    assert!(refused.contains("nested deeper than 32"), "{refused}");
    let shallow = format!("{}{}", "[".repeat(8), "]".repeat(8));
    assert!(decode::<serde_json::Value>(&js(&shallow)).is_ok());
}
