use super::*;
use crate::arm::fixtures::{body, GET_BY_ID, GET_PREVIEW};
use crate::arm::Provider;
use crate::route;

const AZURE_118: &str = "https://portal.azure.com/#asset/Microsoft_Azure_Security_Insights/Incident/subscriptions/0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9/resourceGroups/soc-rg/providers/Microsoft.OperationalInsights/workspaces/contoso-sentinel/providers/Microsoft.SecurityInsights/Incidents/a7d3e1f2-5b6c-4d8e-9f01-23456789abcd";
const NOW: Now = Now {
    unix: Some(1_795_344_420),
    tz_offset_minutes: 0,
};

fn wire(example: &str) -> WireIncident {
    serde_json::from_value(body(example)).expect("an incident body")
}

fn page_view(state: SyncState) -> SyncView {
    let mut sync = IncidentSync::new(state);
    sync.label = "page label".into();
    sync.evidence.push("What the page showed.".into());
    SyncView::new(Some(sync), Vec::new())
}

fn record(example: &str) -> IncidentRecord {
    match read_answer(200, None, false, Some(wire(example)), 0) {
        ArmIncident::Read { record } => *record,
        other => panic!("expected a record, got {other:?}"),
    }
}

fn confirmed(page: SyncState, answer: &ArmIncident) -> IncidentSync {
    let mut view = page_view(page);
    confirm(&mut view, answer, NOW);
    view.incident.expect("an incident")
}

#[test]
fn the_read_names_the_incident_resource_on_the_public_arm_host() {
    let route = route::classify(AZURE_118).expect("a portal URL");
    let read = incident_read(&route, "home", "c").expect("an Azure incident page");
    assert_eq!(read.resource, "/subscriptions/0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9/resourceGroups/soc-rg/providers/Microsoft.OperationalInsights/workspaces/contoso-sentinel/providers/Microsoft.SecurityInsights/incidents/a7d3e1f2-5b6c-4d8e-9f01-23456789abcd");
    assert_eq!(
        read.url,
        format!(
            "https://management.azure.com{}?api-version=2025-07-01-preview",
            read.resource
        )
    );
    let defender =
        route::classify("https://security.microsoft.com/incidents/3421").expect("a portal URL");
    assert_eq!(
        incident_read(&defender, "home", "c"),
        None,
        "a Defender page names no workspace"
    );
}

#[test]
fn an_azure_government_incident_is_never_read_from_the_commercial_arm() {
    let gov = route::classify(&AZURE_118.replace("portal.azure.com", "portal.azure.us"))
        .expect("a portal URL");
    assert_eq!(gov.portal, Portal::Azure);
    assert_eq!(incident_read(&gov, "home-azure-government", "c"), None);
}

#[test]
fn a_name_that_could_change_the_url_is_never_read() {
    for name in ["a%2F..%2Fb", "x?api-version=1", "..", "a b"] {
        let url = AZURE_118.replace("a7d3e1f2-5b6c-4d8e-9f01-23456789abcd", name);
        if let Some(route) = route::classify(&url) {
            assert_eq!(incident_read(&route, "home", "c"), None, "{name}");
        }
    }
}

#[test]
fn every_status_gives_its_clear_state() {
    let cases: [(u16, Option<&str>, &str); 6] = [
        (401, None, "did not accept your sign-in"),
        (403, None, "lacks permission on this incident"),
        (404, None, "could not find this incident"),
        (429, Some("7"), "retrying in 7 s"),
        (503, None, "server error (HTTP 503)"),
        (0, None, "unexpected HTTP status 0"),
    ];
    for (status, retry, words) in cases {
        let answer = read_answer(status, retry, false, None, 0);
        let sync = confirmed(SyncState::SentinelOnly, &answer);
        assert_eq!(
            sync.state,
            SyncState::SentinelOnly,
            "the page's state stays ({status})"
        );
        assert_eq!(
            sync.evidence,
            ["What the page showed."],
            "nothing of the page is lost"
        );
        let note = sync.arm.expect("a note");
        assert_eq!(note.state, ArmNoteState::Failed);
        assert!(note.text.contains(words), "{status}: {}", note.text);
    }
    let timeout = read_answer(200, None, true, None, 0);
    assert!(matches!(
        timeout,
        ArmIncident::Failed {
            error: ArmError::Timeout
        }
    ));
}

#[test]
fn a_body_that_is_not_an_incident_is_malformed_and_changes_nothing() {
    let missing = read_answer(200, None, false, None, 0);
    let sync = confirmed(SyncState::Synced, &missing);
    assert_eq!(sync.state, SyncState::Synced);
    assert!(sync
        .arm
        .is_some_and(|n| n.text.contains("a response we could not read")));
    let mut bad = wire(GET_BY_ID);
    bad.properties = None;
    let refused = read_answer(200, None, false, Some(bad), 0);
    assert!(matches!(
        refused,
        ArmIncident::Failed {
            error: ArmError::Malformed { .. }
        }
    ));
}

#[test]
fn an_xdr_incident_is_confirmed_with_its_exact_twin() {
    let answer = ArmIncident::Read {
        record: Box::new(record(GET_PREVIEW)),
    };
    let sync = confirmed(SyncState::Synced, &answer);
    assert_eq!(sync.state, SyncState::Synced);
    assert_eq!(
        sync.headline,
        "Synchronized (confirmed by Azure Resource Manager)"
    );
    assert_eq!(
        sync.twin.map(|t| t.href),
        Some("https://security.microsoft.com/incidents/3177?tid=5b5a146c-eba8-46af-96f8-e31b50d15a3f".to_string())
    );
    assert_eq!(
        sync.evidence[0], "What the page showed.",
        "page evidence first"
    );
    assert!(sync
        .evidence
        .iter()
        .any(|e| e.contains("providerIncidentUrl")));
    assert_eq!(sync.arm.map(|n| n.state), Some(ArmNoteState::Confirmed));
}

#[test]
fn arm_corrects_the_page_when_they_disagree() {
    let mut r = record(GET_BY_ID);
    r.alerts_count = Some(0);
    r.related_analytic_rule_ids.clear();
    let answer = ArmIncident::Read {
        record: Box::new(r),
    };
    let sync = confirmed(SyncState::SentinelOnly, &answer);
    assert_eq!(sync.state, SyncState::CreatedInAzure);
    assert_eq!(
        sync.label,
        "Not synced: created in the Azure portal or by API"
    );
    let note = sync.arm.expect("a note");
    assert_eq!(note.state, ArmNoteState::Corrected);
    assert!(note.text.contains("\"page label\""));
}

#[test]
fn arm_decides_when_the_page_could_not_tell() {
    let answer = ArmIncident::Read {
        record: Box::new(record(GET_PREVIEW)),
    };
    for page in [SyncState::Checking, SyncState::Unknown] {
        let sync = confirmed(page, &answer);
        assert_eq!(sync.state, SyncState::Synced);
        assert_eq!(
            sync.arm.map(|n| n.state),
            Some(ArmNoteState::Decided),
            "{page:?}"
        );
    }
}

#[test]
fn more_than_150_alerts_carry_the_cap() {
    let mut r = record(GET_BY_ID);
    r.provider = Provider::MicrosoftXdr;
    r.provider_incident_id = Some("3422".into());
    r.alerts_count = Some(163);
    let sync = confirmed(
        SyncState::Synced,
        &ArmIncident::Read {
            record: Box::new(r),
        },
    );
    assert!(sync.cap.is_some_and(|c| c.contains("150")));
}

#[test]
fn an_undocumented_provider_leaves_the_page_as_it_was() {
    let mut r = record(GET_BY_ID);
    r.provider = Provider::Other("Contoso SOAR".into());
    let sync = confirmed(
        SyncState::SentinelOnly,
        &ArmIncident::Read {
            record: Box::new(r),
        },
    );
    assert_eq!(sync.state, SyncState::SentinelOnly);
    assert_eq!(sync.arm.map(|n| n.state), Some(ArmNoteState::Failed));
}

#[test]
fn checking_marks_the_view_and_the_outcome_round_trips() {
    let mut view = page_view(SyncState::Checking);
    checking(&mut view);
    assert_eq!(
        view.incident.and_then(|i| i.arm).map(|n| n.state),
        Some(ArmNoteState::Checking)
    );
    let answer = read_answer(429, Some("2"), false, None, 0);
    let json = serde_json::to_value(&answer).expect("serializable");
    assert_eq!(json["outcome"], "failed");
}
