//! The decoder's rules on serde_json's tree, with types of the same kinds as the core's
//! messages: the same rules the worker's JS values get (`crates/ui/tests/js_values.rs` checks
//! them in Chromium with the core's own types, and the fuzz targets run them on every message).

use super::decode;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Message {
    kind: Kind,
    url: Option<String>,
    tab_id: Option<u32>,
    #[serde(default)]
    frame_id: Option<i64>,
    #[serde(default)]
    rows: Vec<Row>,
    #[serde(default)]
    flags: BTreeMap<String, bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum Kind {
    PageChanged,
    Report(u32),
    Moved { to: String },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Row {
    key: String,
}

fn parse(text: &str) -> Value {
    serde_json::from_str(text).expect("test JSON")
}

#[test]
fn what_serde_writes_reads_back_the_same() {
    let message = Message {
        kind: Kind::Moved { to: "x".into() },
        url: Some("https://security.microsoft.com/".into()),
        tab_id: Some(7),
        frame_id: Some(-1),
        rows: vec![Row { key: "118".into() }],
        flags: BTreeMap::from([("a".to_string(), true)]),
    };
    let written = serde_json::to_value(&message).expect("encodes");
    assert_eq!(decode::<Message, _>(written), Ok(message));
}

#[test]
fn unknown_fields_are_refused_at_every_level() {
    for bad in [
        json!({"kind": "page-changed", "url": "u", "tabId": 1, "extra": true}),
        json!({"kind": "page-changed", "url": "u", "tabId": 1, "rows": [{"key": "1", "html": "<b>"}]}),
        json!({"kind": "page-changed", "url": 5, "tabId": 1}),
        json!("nonsense"),
        json!([]),
        json!(null),
    ] {
        assert!(decode::<Message, _>(bad.clone()).is_err(), "{bad}");
    }
}

#[test]
fn whole_numbers_read_as_integers_and_nulls_as_missing() {
    let ok = decode::<Message, _>(
        json!({"kind": "page-changed", "url": null, "tabId": 7.0, "frameId": -1}),
    )
    .expect("a message");
    assert_eq!((ok.url, ok.tab_id, ok.frame_id), (None, Some(7), Some(-1)));
    for bad in [
        json!({"kind": "page-changed", "tabId": 7.5}),
        json!({"kind": "page-changed", "tabId": -1}),
        // Past Number.MAX_SAFE_INTEGER a JS number is no longer exact.
        json!({"kind": "page-changed", "frameId": 9_007_199_254_740_993_u64}),
        json!({"kind": "page-changed", "tabId": "7"}),
    ] {
        assert!(decode::<Message, _>(bad.clone()).is_err(), "{bad}");
    }
}

#[test]
fn externally_tagged_enums_take_one_variant() {
    for (value, kind) in [
        (json!("page-changed"), Kind::PageChanged),
        (json!({"report": 3}), Kind::Report(3)),
        (
            json!({"moved": {"to": "x"}}),
            Kind::Moved { to: "x".into() },
        ),
    ] {
        assert_eq!(decode::<Kind, _>(value.clone()), Ok(kind), "{value}");
    }
    for bad in [
        json!({"report": 3, "moved": {"to": "x"}}),
        json!({}),
        json!({"page-changed": 1}),
        json!({"gone": 1}),
        json!(["report", 3]),
    ] {
        assert!(decode::<Kind, _>(bad.clone()).is_err(), "{bad}");
    }
}

#[test]
fn errors_name_the_path_of_their_field() {
    let message = |rows: Value| decode::<Message, _>(json!({"kind": "page-changed", "rows": rows}));
    assert_eq!(
        message(json!([{"key": "1"}, {"key": 7}])).expect_err("a number"),
        "rows[1].key: invalid type: a number, expected a string"
    );
    let unknown = message(json!([{"kee": "1"}])).expect_err("unknown");
    assert!(
        unknown.starts_with("rows[0].kee: unknown field `kee`"),
        "{unknown}"
    );
    let flags = decode::<Message, _>(json!({"kind": "page-changed", "flags": {"a": "yes"}}))
        .expect_err("a string");
    assert_eq!(flags, "flags.a: invalid type: a string, expected a boolean");
    // The path of one failed decode does not leak into the next.
    assert_eq!(
        decode::<Row, _>(json!({"key": true})).expect_err("a boolean"),
        "key: invalid type: a boolean, expected a string"
    );
}

#[test]
fn oversized_values_are_refused_before_they_are_read() {
    let rows = vec![json!({"key": "1"}); 5000];
    let refused = decode::<Message, _>(json!({"kind": "page-changed", "rows": rows}))
        .expect_err("too many rows");
    assert!(refused.contains("more than 4096 entries"), "{refused}");
    let long = "x".repeat(70_000);
    let refused = decode::<Row, _>(json!({"key": long})).expect_err("too long");
    assert!(refused.contains("longer than 65536"), "{refused}");
    // Lengths count UTF-16 code units, as JS strings do: 40,000 emoji are 80,000 units.
    assert!(decode::<Row, _>(json!({"key": "😀".repeat(40_000)})).is_err());
    assert!(decode::<Row, _>(json!({"key": "😀".repeat(30_000)})).is_ok());
    let deep = format!("{}{}", "[".repeat(40), "]".repeat(40));
    let refused = decode::<Value, _>(parse(&deep)).expect_err("too deep");
    assert!(refused.contains("nested deeper than 32"), "{refused}");
    let shallow = format!("{}{}", "[".repeat(8), "]".repeat(8));
    assert_eq!(decode::<Value, _>(parse(&shallow)), Ok(parse(&shallow)));
}
