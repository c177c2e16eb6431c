use super::*;
use crate::model::RowFacts;
use crate::route;
use crate::sync::view::LagState;

const AZURE_118: &str = "https://portal.azure.com/#@6f3c2b1a-4d5e-4f60-8a7b-9c0d1e2f3a4b/asset/Microsoft_Azure_Security_Insights/Incident/subscriptions/0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9/resourceGroups/soc-rg/providers/Microsoft.OperationalInsights/workspaces/contoso-sentinel/providers/Microsoft.SecurityInsights/Incidents/a7d3e1f2-5b6c-4d8e-9f01-23456789abcd";
const DEFENDER_3421: &str =
    "https://security.microsoft.com/incidents/3421?tid=6f3c2b1a-4d5e-4f60-8a7b-9c0d1e2f3a4b";
const DEFENDER_QUEUE: &str =
    "https://security.microsoft.com/incidents?tid=6f3c2b1a-4d5e-4f60-8a7b-9c0d1e2f3a4b";
const AZURE_QUEUE: &str = "https://portal.azure.com/#view/Microsoft_Azure_Security_Insights/MainMenuBlade/~/Incidents/id/%2Fsubscriptions%2F0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9%2Fresourcegroups%2Fsoc-rg%2Fproviders%2Fmicrosoft.securityinsightsarg%2Fsentinel%2Fcontoso-sentinel";

/// 2026-11-22 10:47 UTC.
const NOW: i64 = 1_795_344_420;
const NOW_UTC: Now = Now {
    unix: Some(NOW),
    tz_offset_minutes: 0,
};

fn page(values: &[(&str, &str)], settled: bool) -> PageFacts {
    PageFacts {
        values: values
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        rows: Vec::new(),
        settled,
        ambiguous: Vec::new(),
    }
}

fn incident(url: &str, facts: &PageFacts) -> IncidentSync {
    let route = route::classify(url).expect("a portal URL");
    view_for(&route, facts, NOW_UTC)
        .and_then(|v| v.incident)
        .expect("an incident page")
}

#[test]
fn azure_incident_with_the_xdr_link_is_synced_with_its_twin() {
    let facts = page(
        &[
            ("incident-number", "Incident number 118"),
            ("defender-link", DEFENDER_3421),
            ("alerts", "12"),
            ("last-update", "Nov 22, 2026 10:45 AM"),
        ],
        false,
    );
    let sync = incident(AZURE_118, &facts);
    assert_eq!(sync.state, SyncState::Synced);
    assert_eq!(sync.label, "⇄ Synced with Defender incident 3421");
    let twin = sync.twin.expect("a twin link");
    assert_eq!(twin.href, DEFENDER_3421);
    assert_eq!(sync.lag.map(|l| l.state), Some(LagState::Pending));
    assert_eq!(sync.cap, None);
    assert!(sync
        .verify
        .is_some_and(|v| v.kql.contains("a7d3e1f2-5b6c-4d8e-9f01-23456789abcd")));
}

#[test]
fn capped_alerts_are_explained() {
    let facts = page(
        &[
            ("incident-number", "Incident number 117"),
            (
                "defender-link",
                "https://security.microsoft.com/incidents/3422",
            ),
            ("alerts", "150+"),
        ],
        true,
    );
    let sync = incident(AZURE_118, &facts);
    assert!(sync.cap.is_some_and(|c| c.contains("at most 150")));
    assert_eq!(sync.lag.map(|l| l.state), Some(LagState::Unknown));
}

#[test]
fn azure_incident_without_the_link_is_sentinel_only_once_settled() {
    let values = [("incident-number", "Incident number 119"), ("alerts", "3")];
    assert_eq!(
        incident(AZURE_118, &page(&values, false)).state,
        SyncState::Checking
    );
    let sync = incident(AZURE_118, &page(&values, true));
    assert_eq!(sync.state, SyncState::SentinelOnly);
    assert!(sync.twin.is_none() && sync.twin_note.is_some());
    assert!(
        sync.lag.is_none(),
        "no lag for an incident that does not sync"
    );
}

#[test]
fn azure_incident_without_alerts_was_created_by_hand() {
    let values = [("incident-number", "Incident number 120"), ("alerts", "0")];
    let sync = incident(AZURE_118, &page(&values, true));
    assert_eq!(sync.state, SyncState::CreatedInAzure);
    assert!(sync.evidence.iter().any(|e| e.contains("no alerts")));
}

#[test]
fn unreadable_views_say_so() {
    let sync = incident(AZURE_118, &page(&[], true));
    assert_eq!(sync.state, SyncState::Unknown);
    assert!(sync.evidence[0].starts_with("Can't read this view"));
    let hostile = page(
        &[
            ("incident-number", "Incident number 1"),
            ("defender-link", "javascript:alert(1)"),
        ],
        true,
    );
    let sync = incident(AZURE_118, &hostile);
    assert_eq!(sync.state, SyncState::Unknown);
    assert!(sync.twin.is_none());
}

#[test]
fn defender_incident_in_a_workspace_is_synced() {
    let facts = page(
        &[
            ("workspace", "contoso-sentinel"),
            ("alerts", "163/163"),
            ("last-update", "Nov 22, 2026 8:47 AM"),
            ("sentinel-nav", "Microsoft Sentinel"),
        ],
        false,
    );
    let sync = incident(DEFENDER_3421, &facts);
    assert_eq!(sync.state, SyncState::Synced);
    assert_eq!(sync.label, "⇄ Synced with Sentinel (contoso-sentinel)");
    let lag = sync.lag.expect("a lag line");
    assert_eq!(lag.state, LagState::Settled);
    assert!(lag.text.contains("2 hours"), "{}", lag.text);
    assert!(sync.cap.is_some());
    assert!(sync.twin.is_none() && sync.twin_note.is_some_and(|n| n.contains("verify")));
    assert!(sync
        .verify
        .is_some_and(|v| v.kql.contains("ProviderIncidentId == \"3421\"")));
}

#[test]
fn lag_windows_follow_the_documented_delays() {
    // NOW is 10:47 UTC; only the minutes differ.
    let at = |minutes_ago: i64| format!("2026-11-22T10:{:02}:00Z", 47 - minutes_ago);
    let lag = |minutes_ago| {
        let facts = page(
            &[("workspace", "ws"), ("last-update", &at(minutes_ago))],
            true,
        );
        incident(DEFENDER_3421, &facts).lag.map(|l| l.state)
    };
    assert_eq!(lag(2), Some(LagState::Pending));
    assert_eq!(lag(7), Some(LagState::Batching));
    assert_eq!(lag(30), Some(LagState::Settled));
}

#[test]
fn defender_incident_without_a_workspace() {
    let with_nav = page(
        &[("workspace", "—"), ("sentinel-nav", "Microsoft Sentinel")],
        true,
    );
    assert_eq!(
        incident(DEFENDER_3421, &with_nav).state,
        SyncState::DefenderOnly
    );
    let without_nav = page(&[("workspace", "")], true);
    let sync = incident(DEFENDER_3421, &without_nav);
    assert_eq!(sync.state, SyncState::Unknown);
    assert!(sync.evidence[0].contains("Defender XDR connector"));
    let unreadable = incident(DEFENDER_3421, &page(&[], true));
    assert!(unreadable.evidence[0].starts_with("Can't read this view"));
    assert_eq!(
        incident(DEFENDER_3421, &page(&[], false)).state,
        SyncState::Checking
    );
}

fn rows(rows: &[(&str, &str, &str)]) -> PageFacts {
    PageFacts {
        rows: rows
            .iter()
            .map(|(key, column, value)| RowFacts {
                key: key.to_string(),
                values: [(column.to_string(), value.to_string())]
                    .into_iter()
                    .collect(),
            })
            .collect(),
        ..PageFacts::default()
    }
}

#[test]
fn azure_queue_badges_only_where_the_row_tells() {
    let route = route::classify(AZURE_QUEUE).expect("queue");
    let facts = rows(&[
        ("118", "alerts", "12"),
        ("117", "alerts", "150+"),
        ("120", "alerts", "0"),
    ]);
    let view = view_for(&route, &facts, NOW_UTC).expect("a queue view");
    assert!(view.incident.is_none());
    let badges: Vec<(&str, SyncState)> = view
        .badges
        .iter()
        .map(|b| (b.key.as_str(), b.state))
        .collect();
    assert_eq!(
        badges,
        [
            ("117", SyncState::Synced),
            ("120", SyncState::CreatedInAzure)
        ]
    );
}

#[test]
fn defender_queue_badges_rows_with_a_workspace() {
    let route = route::classify(DEFENDER_QUEUE).expect("queue");
    let facts = rows(&[
        ("3421", "workspace", "contoso-sentinel"),
        ("1207", "workspace", ""),
    ]);
    let view = view_for(&route, &facts, NOW_UTC).expect("a queue view");
    assert_eq!(view.badges.len(), 1);
    assert_eq!(view.badges[0].key, "3421");
    assert!(view.badges[0].title.contains("contoso-sentinel"));
}

#[test]
fn readers_only_on_incident_pages_and_queues() {
    let page_readers = |url: &str| route::classify(url).and_then(|r| readers_for(&r));
    let azure = page_readers(AZURE_118).expect("azure incident readers");
    assert!(azure.readers.iter().any(|r| r.id == "defender-link"));
    assert!(azure.title.is_some() && azure.queue.is_none());
    let defender = page_readers(DEFENDER_3421).expect("defender incident readers");
    assert!(defender.readers.iter().any(|r| r.id == "workspace"));
    assert!(page_readers(DEFENDER_QUEUE).and_then(|r| r.queue).is_some());
    assert!(page_readers(AZURE_QUEUE).and_then(|r| r.queue).is_some());
    assert!(page_readers("https://security.microsoft.com/v2/advanced-hunting").is_none());
}

#[test]
fn only_pages_whose_view_waits_for_the_grace_period_settle() {
    let page_readers = |url: &str| {
        route::classify(url)
            .and_then(|r| readers_for(&r))
            .expect("readers")
    };
    assert!(page_readers(AZURE_118).settles);
    assert!(page_readers(DEFENDER_3421).settles);
    // An incident page with nothing read says "checking" until the grace period ends.
    let unread = |settled| incident(AZURE_118, &page(&[], settled)).state;
    assert_ne!(unread(false), unread(true));
    // A queue's badges come from its rows alone: the end of the grace period changes nothing,
    // so its content script sends no reading for it.
    for (url, facts) in [
        (
            AZURE_QUEUE,
            rows(&[("118", "alerts", "12"), ("120", "alerts", "0")]),
        ),
        (
            DEFENDER_QUEUE,
            rows(&[("3421", "workspace", "contoso-sentinel")]),
        ),
    ] {
        assert!(!page_readers(url).settles, "{url}");
        let route = route::classify(url).expect("queue");
        let view_when = |settled| {
            let facts = PageFacts {
                settled,
                ..facts.clone()
            };
            view_for(&route, &facts, NOW_UTC)
        };
        assert_eq!(view_when(false), view_when(true), "{url}");
        assert!(
            view_when(false).is_some_and(|v| !v.badges.is_empty()),
            "{url}"
        );
    }
}

#[test]
fn the_documented_rules_are_in_the_catalog() {
    assert!(spec::FIELDS
        .iter()
        .any(|f| f.field == "Comment edits" && f.way == spec::Way::No));
    assert!(spec::MAPPINGS
        .iter()
        .any(|m| m.defender == "Active" && m.sentinel == "New"));
    assert_eq!(spec::RULES_SOURCE.1.len(), 10);
}

#[test]
fn two_twin_links_are_unknown_never_synced() {
    let mut facts = page(
        &[
            ("incident-number", "Incident number 118"),
            ("defender-link", DEFENDER_3421),
            ("alerts", "12"),
        ],
        true,
    );
    facts.ambiguous.push("defender-link".into());
    let sync = incident(AZURE_118, &facts);
    assert_eq!(sync.state, SyncState::Unknown);
    assert_eq!(sync.twin, None);
    assert!(sync.evidence.iter().any(|e| e.contains("more than one")));
}
