//! The wire types read every incident example of the specs, ignore fields they do not know,
//! and keep a badly typed list entry to itself.

use super::*;
use crate::arm::fixtures::{self, body, GET_BY_ID, GET_PREVIEW, LIST};
use serde_json::{json, Value};

fn wire(value: Value) -> WireIncident {
    serde_json::from_value(value).expect("reads as an incident")
}

#[test]
fn reads_the_stable_example() {
    let raw = wire(body(GET_BY_ID));
    assert_eq!(raw.name, "73e01a99-5cd7-4139-a149-9f2736ff2ab5");
    let p = raw.properties.expect("properties");
    assert_eq!(p.title.as_deref(), Some("My incident"));
    assert_eq!(p.incident_number, Some(3177));
    assert_eq!(p.provider_name.as_deref(), Some("Azure Sentinel"));
    assert_eq!(p.provider_incident_id.as_deref(), Some("3177"));
    assert_eq!(p.created_time_utc.as_deref(), Some("2019-01-01T13:15:30Z"));
    assert_eq!(
        p.last_modified_time_utc.as_deref(),
        Some("2019-01-01T13:15:30Z")
    );
    assert_eq!(p.related_analytic_rule_ids.map(|r| r.len()), Some(1));
    let extra = p.additional_data.expect("additionalData");
    assert_eq!(extra.alerts_count, Some(0));
    assert_eq!(extra.provider_incident_url, None);
}

#[test]
fn reads_the_preview_example_with_its_newer_fields() {
    let raw = wire(body(GET_PREVIEW));
    let extra = raw
        .properties
        .and_then(|p| p.additional_data)
        .expect("additionalData");
    assert_eq!(
        extra.provider_incident_url.as_deref(),
        Some("https://security.microsoft.com/incidents/3177?tid=5b5a146c-eba8-46af-96f8-e31b50d15a3f")
    );
}

#[test]
fn reads_the_list_example() {
    let list: WireIncidentList = serde_json::from_value(body(LIST)).expect("a page");
    assert_eq!(list.next_link, None);
    let [WireListEntry::Incident(only)] = list.value.as_deref().unwrap_or_default() else {
        panic!("one incident expected: {list:?}");
    };
    let rules = only
        .properties
        .as_ref()
        .and_then(|p| p.related_analytic_rule_ids.as_ref());
    assert_eq!(rules.map(Vec::len), Some(2));
}

#[test]
fn every_single_example_reads() {
    for example in fixtures::SINGLE {
        let raw = wire(body(example));
        assert!(raw.properties.is_some());
    }
}

#[test]
fn unknown_fields_are_ignored_at_every_level() {
    let mut value = body(GET_PREVIEW);
    value["systemData"] = json!({"createdBy": "x"});
    value["properties"]["futureField"] = json!([1, 2, 3]);
    value["properties"]["owner"]["ownerType"] = json!("Group");
    value["properties"]["additionalData"]["mergedIncidentNumber"] = json!(4000);
    value["properties"]["labels"] = json!([{"labelName": "vip", "labelType": "User", "color": 3}]);
    let raw = wire(value);
    let p = raw.properties.expect("properties");
    assert_eq!(p.provider_name.as_deref(), Some("Azure Sentinel"));
}

#[test]
fn missing_and_null_fields_are_none() {
    let raw = wire(json!({
        "name": "n",
        "properties": {"title": null, "owner": null, "additionalData": {"alertsCount": null}}
    }));
    let p = raw.properties.expect("properties");
    assert_eq!((p.title, p.incident_number), (None, None));
    assert_eq!(p.additional_data.and_then(|d| d.alerts_count), None);
    assert_eq!(wire(json!({"name": "n"})).properties, None);
}

#[test]
fn wrong_types_do_not_read() {
    for bad in [
        json!({"properties": {}}),
        json!({"name": null}),
        json!({"name": 5}),
        json!({"name": "n", "properties": {"incidentNumber": "3177"}}),
        json!({"name": "n", "properties": {"incidentNumber": 3177.5}}),
        json!({"name": "n", "properties": {"incidentNumber": 1e300}}),
        json!({"name": "n", "properties": {"relatedAnalyticRuleIds": "one"}}),
        json!({"name": "n", "properties": {"additionalData": {"alertsCount": true}}}),
        json!({"name": "n", "properties": []}),
        json!([]),
        json!("incident"),
    ] {
        assert!(
            serde_json::from_value::<WireIncident>(bad.clone()).is_err(),
            "{bad}"
        );
    }
}

#[test]
fn a_badly_typed_entry_costs_only_itself() {
    let good = body(GET_BY_ID);
    let page = json!({
        "value": [good, {"name": "x", "properties": {"incidentNumber": "7"}}, 42, null, good],
        "nextLink": null
    });
    let list: WireIncidentList = serde_json::from_value(page).expect("the page still reads");
    let kinds: Vec<bool> = list
        .value
        .unwrap_or_default()
        .iter()
        .map(|e| matches!(e, WireListEntry::Incident(_)))
        .collect();
    assert_eq!(kinds, [true, false, false, false, true]);
}

#[test]
fn a_body_without_value_is_not_a_page() {
    let list: WireIncidentList =
        serde_json::from_value(json!({"error": {"code": "x", "message": "y"}})).expect("reads");
    assert_eq!(list.value, None);
    assert!(serde_json::from_value::<WireIncidentList>(json!({"value": {}})).is_err());
}
