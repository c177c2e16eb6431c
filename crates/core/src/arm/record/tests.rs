//! `check` and `check_list` on the spec examples, on every way an incident can be wrong, and on
//! arbitrary JSON (never a panic, never an unsafe link).

use super::*;
use crate::arm::fixtures::{self, body, GET_BY_ID, GET_PREVIEW, LIST};
use crate::model::Portal;
use crate::route;
use proptest::prelude::*;
use serde_json::{json, Value};

const NAME: &str = "73e01a99-5cd7-4139-a149-9f2736ff2ab5";
const DEFENDER_URL: &str =
    "https://security.microsoft.com/incidents/3177?tid=5b5a146c-eba8-46af-96f8-e31b50d15a3f";
/// 2019-01-01T13:15:30Z (Python `calendar.timegm`).
const JAN_1_2019: i64 = 1_546_348_530;

fn checked(value: Value) -> Result<IncidentRecord, ArmError> {
    check(serde_json::from_value(value).expect("reads as a wire incident"))
}

fn listed(value: Value) -> Result<IncidentList, ArmError> {
    check_list(serde_json::from_value(value).expect("reads as a wire page"))
}

fn reason(result: Result<IncidentRecord, ArmError>) -> String {
    match result {
        Err(ArmError::Malformed { reason }) => reason,
        other => panic!("expected a malformed incident, got {other:?}"),
    }
}

/// The preview example with one field changed (`path` as in `Value::pointer`).
fn preview_with(path: &str, new: Value) -> Value {
    let mut value = body(GET_PREVIEW);
    *value.pointer_mut(path).expect("the example has this field") = new;
    value
}

/// The preview example with a field added or replaced under `properties`.
fn preview_setting(parent: &str, key: &str, new: Value) -> Value {
    let mut value = body(GET_PREVIEW);
    let slot = value.pointer_mut(parent).expect("parent exists");
    slot[key] = new;
    value
}

#[test]
fn the_stable_example() {
    let r = checked(body(GET_BY_ID)).expect("valid");
    assert_eq!(r.name, NAME);
    assert_eq!(r.number, Some(3177));
    assert_eq!(r.title.as_deref(), Some("My incident"));
    assert_eq!(r.provider, Provider::AzureSentinel);
    assert!(!r.provider.is_defender_xdr());
    assert_eq!(r.provider_incident_id.as_deref(), Some("3177"));
    assert_eq!(r.provider_incident_url, None);
    assert_eq!(r.alerts_count, Some(0));
    assert_eq!(r.created_unix, Some(JAN_1_2019));
    assert_eq!(r.last_modified_unix, Some(JAN_1_2019));
    assert_eq!(r.related_analytic_rule_ids.len(), 1);
    assert_eq!(r.notes, Vec::<String>::new());
}

#[test]
fn the_preview_example_keeps_its_defender_link() {
    let r = checked(body(GET_PREVIEW)).expect("valid");
    assert_eq!(r.provider, Provider::AzureSentinel);
    assert_eq!(r.number, Some(3177));
    assert_eq!(r.alerts_count, Some(0));
    assert_eq!(r.provider_incident_url.as_deref(), Some(DEFENDER_URL));
    assert_eq!(
        (r.created_unix, r.last_modified_unix),
        (Some(JAN_1_2019), Some(JAN_1_2019))
    );
    assert!(r.notes.is_empty(), "{:?}", r.notes);
}

#[test]
fn the_list_example() {
    let list = listed(body(LIST)).expect("a page");
    assert_eq!(list.items.len(), 1);
    assert_eq!(list.items[0].name, NAME);
    assert_eq!(list.items[0].related_analytic_rule_ids.len(), 2);
    assert_eq!(list.items[0].number, Some(3177));
    assert!(list.skipped.is_empty());
    assert_eq!((list.next_link, list.next_link_refused), (None, None));
}

#[test]
fn every_example_checks() {
    for example in fixtures::SINGLE {
        assert!(checked(body(example)).is_ok());
    }
}

#[test]
fn xdr_providers() {
    for (name, provider) in [
        ("Microsoft XDR", Provider::MicrosoftXdr),
        ("Microsoft 365 Defender", Provider::Microsoft365Defender),
    ] {
        let r = checked(preview_with("/properties/providerName", json!(name))).expect("valid");
        assert_eq!(r.provider, provider);
        assert!(r.provider.is_defender_xdr());
    }
}

#[test]
fn missing_properties() {
    for value in [
        json!({"name": NAME}),
        json!({"name": NAME, "properties": null}),
    ] {
        assert_eq!(
            reason(checked(value)),
            format!("incident {NAME}: it has no `properties`")
        );
    }
}

#[test]
fn missing_or_empty_provider() {
    for provider in [json!(null), json!(""), json!("  ")] {
        let r = reason(checked(preview_with("/properties/providerName", provider)));
        assert!(r.ends_with("`providerName` is missing or empty"), "{r}");
    }
    let mut value = body(GET_PREVIEW);
    value["properties"]
        .as_object_mut()
        .map(|p| p.remove("providerName"));
    assert!(reason(checked(value)).contains("providerName"));
}

#[test]
fn negative_numbers() {
    for n in [-1, i64::MIN] {
        let r = reason(checked(preview_with(
            "/properties/incidentNumber",
            json!(n),
        )));
        assert!(r.ends_with("`incidentNumber` is negative"), "{r}");
        let r = reason(checked(preview_with(
            "/properties/additionalData/alertsCount",
            json!(n),
        )));
        assert!(r.ends_with("`alertsCount` is negative"), "{r}");
    }
    let big = checked(preview_with("/properties/incidentNumber", json!(i64::MAX)));
    assert_eq!(big.map(|r| r.number), Ok(Some(i64::MAX as u64)));
    let zero = checked(preview_with("/properties/incidentNumber", json!(0)));
    assert_eq!(zero.map(|r| r.number), Ok(Some(0)));
}

#[test]
fn bad_timestamps() {
    for (field, text) in [
        ("createdTimeUtc", "yesterday"),
        ("createdTimeUtc", ""),
        ("createdTimeUtc", "2019-01-01T13:15:30"),
        ("lastModifiedTimeUtc", "2019-02-30T13:15:30Z"),
        ("lastModifiedTimeUtc", "01/01/2019 13:15:30"),
    ] {
        let r = reason(checked(preview_with(
            &format!("/properties/{field}"),
            json!(text),
        )));
        assert!(
            r.ends_with(&format!("`{field}` is not an RFC 3339 timestamp")),
            "{r}"
        );
        assert!(
            !r.contains(text) || text.is_empty(),
            "echoes the value: {r}"
        );
    }
    let r = checked(preview_with("/properties/createdTimeUtc", json!(null))).expect("valid");
    assert_eq!(r.created_unix, None);
    let r = checked(preview_with(
        "/properties/createdTimeUtc",
        json!("2019-01-01T14:15:30.1234567+01:00"),
    ))
    .expect("valid");
    assert_eq!(r.created_unix, Some(JAN_1_2019));
}

#[test]
fn unusable_names() {
    for name in ["", "a/b", "a?b", "a#b", "a\\b", "a\u{0}b", &"x".repeat(257)] {
        let r = reason(checked(
            json!({"name": name, "properties": {"providerName": "Azure Sentinel"}}),
        ));
        assert!(r.ends_with("cannot stand in a resource path"), "{r}");
    }
}

#[test]
fn bad_defender_links_are_dropped_with_a_note() {
    for url in [
        "http://security.microsoft.com/incidents/3177",
        "https://security.microsoft.com.evil.example/incidents/3177",
        "https://evil.example\\@security.microsoft.com/incidents/3177",
        "https://portal.azure.com/#blade/x",
        "javascript:alert(document.domain)",
        "data:text/html,<script>alert(1)</script>",
        "/incidents/3177",
    ] {
        let path = "/properties/additionalData/providerIncidentUrl";
        let r = checked(preview_with(path, json!(url))).expect("the incident is kept");
        assert_eq!(r.provider_incident_url, None, "{url}");
        assert_eq!(r.number, Some(3177));
        assert_eq!(
            r.notes,
            [format!(
                "incident {NAME}: `providerIncidentUrl` was dropped: it is not an https link to a Defender portal host"
            )],
            "{url}"
        );
    }
    for host in [
        "mto.security.microsoft.com",
        "security.microsoft.us",
        "security.apps.mil",
    ] {
        let url = format!("https://{host}/incidents/3177");
        let path = "/properties/additionalData/providerIncidentUrl";
        let r = checked(preview_with(path, json!(url))).expect("valid");
        assert_eq!(r.provider_incident_url, Some(url));
    }
}

#[test]
fn empty_links_are_absent_without_a_note() {
    let r = checked(preview_with(
        "/properties/additionalData/providerIncidentUrl",
        json!(" "),
    ))
    .expect("valid");
    assert_eq!((r.provider_incident_url, r.notes.len()), (None, 0));
}

#[test]
fn hostile_text_stays_plain_text_and_out_of_reasons() {
    let hostile = "<img src=x onerror=alert(1)>\u{202e}\"'`${x}{{x}}\u{0}";
    let value = preview_setting("/properties", "title", json!(hostile));
    let value = {
        let mut v = value;
        v["properties"]["providerName"] = json!(hostile);
        v["properties"]["providerIncidentId"] = json!(hostile);
        v
    };
    let r = checked(value).expect("valid");
    assert_eq!(r.title.as_deref(), Some(hostile));
    assert_eq!(r.provider, Provider::Other(hostile.trim().to_string()));
    assert_eq!(r.provider_incident_id.as_deref(), Some(hostile));

    // A hostile name is never repeated in a reason or note.
    let name = "<img src=x onerror=alert(1)> Sign in at evil.example";
    let r = reason(checked(json!({"name": name, "properties": {}})));
    assert_eq!(r, "an incident: `providerName` is missing or empty");
    let r = reason(checked(
        json!({"name": "Call-1-800-SCAM", "properties": {}}),
    ));
    assert_eq!(r, "an incident: `providerName` is missing or empty");
    let mut value = preview_with("/name", json!(name));
    value["properties"]["additionalData"]["providerIncidentUrl"] =
        json!(format!("https://evil.example/{name}"));
    let r = checked(value).expect("kept");
    assert!(
        r.notes.iter().all(|n| n.starts_with("an incident: ")),
        "{:?}",
        r.notes
    );
    assert!(r.notes.iter().all(|n| !n.contains("evil")), "{:?}", r.notes);
}

#[test]
fn a_page_keeps_what_checks_and_says_why_the_rest_did_not() {
    let good = body(GET_BY_ID);
    let negative = preview_with("/properties/incidentNumber", json!(-4));
    let page = json!({
        "value": [good, {"name": "x", "properties": {"incidentNumber": "7"}}, negative, 42, good],
        "nextLink": null
    });
    let list = listed(page).expect("a page");
    assert_eq!(list.items.len(), 2);
    assert_eq!(
        list.skipped,
        [
            "item 2 of 5: not an incident of the expected shape (no `name`, or a field of the wrong type)".to_string(),
            format!("item 3 of 5: incident {NAME}: `incidentNumber` is negative"),
            "item 4 of 5: not an incident of the expected shape (no `name`, or a field of the wrong type)".to_string(),
        ]
    );
    let empty = listed(json!({"value": []})).expect("an empty page");
    assert_eq!(empty, IncidentList::default());
}

#[test]
fn a_body_without_value_is_refused() {
    assert_eq!(
        listed(json!({"error": {"code": "BadRequest", "message": "no"}})),
        Err(ArmError::malformed(
            "the incident list has no `value` array"
        ))
    );
}

#[test]
fn next_link_only_to_arm() {
    let next = "https://management.azure.com/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/w/providers/Microsoft.SecurityInsights/incidents?api-version=2024-09-01&$skipToken=abc";
    let list = listed(json!({"value": [], "nextLink": next})).expect("a page");
    assert_eq!(list.next_link.as_deref(), Some(next));
    assert_eq!(list.next_link_refused, None);

    for bad in [
        "https://evil.example/subscriptions?$skipToken=abc",
        "http://management.azure.com/subscriptions",
        "https://management.azure.com@evil.example/",
        "nextlink",
        "",
    ] {
        let list = listed(json!({"value": [body(GET_BY_ID)], "nextLink": bad})).expect("a page");
        assert_eq!(list.items.len(), 1, "the page's items are kept");
        assert_eq!(list.next_link, None, "{bad}");
        assert_eq!(
            list.next_link_refused.as_deref(),
            Some("the `nextLink` is not an https URL on management.azure.com; later pages were not loaded")
        );
    }
}

#[test]
fn records_travel_as_json() {
    let r = checked(body(GET_PREVIEW)).expect("valid");
    let json = serde_json::to_value(&r).expect("serializes");
    assert_eq!(json["providerIncidentUrl"], DEFENDER_URL);
    assert_eq!(json["provider"], json!({"kind": "azure-sentinel"}));
    assert_eq!(json["createdUnix"], JAN_1_2019);
    assert_eq!(serde_json::from_value::<IncidentRecord>(json).ok(), Some(r));
}

/// What every checked record promises, whatever the input was.
fn assert_sound(r: &IncidentRecord) {
    assert!(usable_name(&r.name), "{r:?}");
    if let Some(url) = &r.provider_incident_url {
        let portal = route::classify(url).map(|route| route.portal);
        assert!(portal.is_some_and(Portal::is_defender), "{url}");
        assert!(url.starts_with("https://"), "{url}");
    }
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "name",
            "id",
            "etag",
            "properties",
            "value",
            "nextLink",
            "title",
            "incidentNumber",
            "incidentUrl",
            "providerName",
            "providerIncidentId",
            "createdTimeUtc",
            "lastModifiedTimeUtc",
            "relatedAnalyticRuleIds",
            "owner",
            "labels",
            "additionalData",
            "alertsCount",
            "providerIncidentUrl",
            "techniques",
        ])
        .prop_map(str::to_string),
        "[a-zA-Z]{0,6}",
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "Microsoft XDR",
            "Azure Sentinel",
            "2019-01-01T13:15:30Z",
            "https://security.microsoft.com/incidents/1",
            "https://portal.azure.com/#asset/x",
            "https://management.azure.com/next",
            "https://evil.example\\@security.microsoft.com/",
            NAME,
        ])
        .prop_map(str::to_string),
        ".{0,24}",
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_filter_map("finite", |f| serde_json::Number::from_f64(f)
            .map(Value::Number)),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 96, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..8)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
        ]
    })
}

/// Every leaf path of the examples, for the mutation test.
fn leaf_paths(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => map
            .iter()
            .for_each(|(k, v)| leaf_paths(v, format!("{at}/{k}"), out)),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .for_each(|(i, v)| leaf_paths(v, format!("{at}/{i}"), out)),
        _ => {}
    }
    out.push(at);
}

proptest! {
    #[test]
    fn arbitrary_json_never_panics(value in json_value()) {
        if let Ok(raw) = serde_json::from_value::<WireIncident>(value.clone()) {
            if let Ok(r) = check(raw) {
                assert_sound(&r);
            }
        }
        if let Ok(raw) = serde_json::from_value::<WireIncidentList>(value) {
            let total = raw.value.as_ref().map(Vec::len);
            if let Ok(list) = check_list(raw) {
                prop_assert_eq!(Some(list.items.len() + list.skipped.len()), total);
                list.items.iter().for_each(assert_sound);
                if let Some(next) = &list.next_link {
                    let parts = crate::url::split(next);
                    prop_assert_eq!(parts.as_ref().map(|p| p.scheme.as_str()), Some("https"));
                    prop_assert_eq!(parts.as_ref().map(|p| p.host.as_str()), Some("management.azure.com"));
                }
            }
        }
    }

    #[test]
    fn any_one_field_of_an_example_replaced(
        example in prop::sample::select(vec![GET_BY_ID, GET_PREVIEW]),
        pick in any::<prop::sample::Index>(),
        new in json_value(),
    ) {
        let mut value = body(example);
        let mut paths = Vec::new();
        leaf_paths(&value, String::new(), &mut paths);
        let path = pick.get(&paths).clone();
        if let Some(slot) = value.pointer_mut(&path) {
            *slot = new;
        }
        if let Ok(raw) = serde_json::from_value::<WireIncident>(value.clone()) {
            match check(raw) {
                Ok(r) => assert_sound(&r),
                Err(e) => {
                    let malformed = matches!(e, ArmError::Malformed { .. });
                    prop_assert!(malformed, "{:?}", e);
                }
            }
        }
        let page = json!({"value": [value, body(GET_BY_ID)]});
        let list = listed(page).expect("still a page");
        prop_assert!(!list.items.is_empty(), "the untouched entry is kept");
        prop_assert_eq!(list.items.len() + list.skipped.len(), 2);
    }
}
