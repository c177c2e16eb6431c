use super::*;
use crate::model::probe::{Frame, Place, Tier};
use crate::route::classify;

const AZURE_INCIDENT: &str = "https://portal.azure.com/#asset/Microsoft_Azure_Security_Insights/Incident/subscriptions/0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9/resourceGroups/soc-rg/providers/Microsoft.OperationalInsights/workspaces/contoso-sentinel/providers/Microsoft.SecurityInsights/Incidents/a7d3e1f2-0000-4000-8000-000000000118";

fn ids(pairs: &[(OverlayItem, Anchor)]) -> Vec<&str> {
    pairs.iter().map(|(i, _)| i.id.as_str()).collect()
}

#[test]
fn the_azure_incident_page_gets_its_notices() {
    let route = classify(AZURE_INCIDENT).expect("route");
    let pairs = for_route(&route, Onboarding::Unknown);
    let ids = ids(&pairs);
    for id in [
        "incident-tasks",
        "incident-comment-edit",
        "automation-rule-from-incident",
        "similar-incidents",
        "add-entity-to-ti",
        "run-playbook-alert-entity",
    ] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
    let (tasks, anchor) = pairs
        .iter()
        .find(|(i, _)| i.id == "incident-tasks")
        .expect("tasks");
    assert_eq!(tasks.kind, OverlayKind::Notice);
    assert!(
        tasks
            .body
            .starts_with("If this workspace is connected to the Defender portal: incident tasks"),
        "{}",
        tasks.body
    );
    assert_eq!(anchor.kind, AnchorKind::Notice);
    assert_eq!(anchor.frame, Frame::Top);
    assert_eq!(anchor.place, Place::After);
    assert_eq!(
        anchor.probe.tiers[0],
        Tier::Selector {
            css: r#"[data-telemetryname="Command-Tasks"]"#.into()
        }
    );
}

#[test]
fn onboarded_only_notices_drop_for_workspaces_known_not_connected() {
    let route = classify(AZURE_INCIDENT).expect("route");
    let pairs = for_route(&route, Onboarding::NotConnected);
    let ids = ids(&pairs);
    assert!(!ids.contains(&"incident-tasks"));
    assert!(
        ids.contains(&"similar-incidents"),
        "unconditional notices stay"
    );
    let connected = for_route(&route, Onboarding::Connected);
    let (tasks, _) = connected
        .iter()
        .find(|(i, _)| i.id == "incident-tasks")
        .expect("tasks");
    assert!(tasks.body.starts_with("Incident tasks are not shown"));
}

#[test]
fn defender_advanced_hunting_gets_the_bookmarks_notice_with_a_link() {
    let route = classify("https://security.microsoft.com/v2/advanced-hunting").expect("route");
    let pairs = for_route(&route, Onboarding::Unknown);
    let (item, anchor) = pairs
        .iter()
        .find(|(i, _)| i.id == "hunting-bookmarks-in-advanced-hunting")
        .expect("bookmarks notice");
    assert_eq!(item.links[0].portal, LinkPortal::Defender);
    assert_eq!(
        item.links[0].href,
        "https://security.microsoft.com/sentinel/hunting"
    );
    assert_eq!(
        anchor.probe.tiers[0],
        Tier::Selector {
            css: "#huntingRunQueryButtonId".into()
        }
    );
    assert!(ids(&pairs).contains(&"identityinfo-changes"));
}

#[test]
fn blade_notices_are_marked_for_the_blade_frame() {
    let route = classify(
        "https://portal.azure.com/#view/Microsoft_Azure_Security_Insights/MainMenuBlade/~/Analytics",
    )
    .expect("route");
    let pairs = for_route(&route, Onboarding::Unknown);
    for id in [
        "fusion",
        "ms-incident-creation-rules",
        "alert-only-rules",
        "reopen-closed-incidents",
    ] {
        let (_, anchor) = pairs.iter().find(|(i, _)| i.id == id).expect(id);
        assert_eq!(anchor.frame, Frame::Blade, "{id}");
    }
}

#[test]
fn pages_without_notices_and_other_hosts_get_none() {
    let route = classify("https://security.microsoft.com/alerts").expect("route");
    assert!(for_route(&route, Onboarding::Unknown).is_empty());
    let frame = classify("https://sandbox-1.reactblade.portal.azure.net/x").expect("route");
    assert!(for_route(&frame, Onboarding::Unknown).is_empty());
}

#[test]
fn every_notice_page_is_a_page_the_classifier_can_produce() {
    for feature in catalog::features() {
        for notice in feature.notices {
            for page in notice.pages {
                let target = catalog::by_id(page).expect("validated id");
                let reachable = !target.defender_routes.is_empty()
                    || !target.azure_blades.is_empty()
                    || !target.azure_blade_guesses.is_empty()
                    || target.id == "incident-page";
                assert!(reachable, "{}: page {page} has no route", feature.id);
            }
        }
    }
}

#[test]
fn a_tier_index_names_its_kind_on_the_notice_s_page() {
    use crate::model::{Portal, TierKind};
    // incident-tasks on the Azure incident page: selector, text, then the tolerant tiers.
    assert_eq!(
        tier_kind(Portal::Azure, "incident-page", "incident-tasks", 0),
        Some(TierKind::Selector)
    );
    assert_eq!(
        tier_kind(Portal::Azure, "incident-page", "incident-tasks", 2),
        Some(TierKind::Label)
    );
    // The same feature's notice on the Automation page has another probe.
    assert_eq!(
        tier_kind(Portal::Azure, "automation", "incident-tasks", 0),
        Some(TierKind::Text)
    );
    // The Defender side is any Defender host.
    assert_eq!(
        tier_kind(
            Portal::DefenderMultiTenant,
            "incident-page",
            "incident-comment-edit",
            0
        ),
        Some(TierKind::Text)
    );
    assert_eq!(
        tier_kind(Portal::Azure, "incident-page", "incident-tasks", 7),
        None
    );
    assert_eq!(
        tier_kind(Portal::Azure, "hunting", "incident-tasks", 0),
        None
    );
    assert_eq!(
        tier_kind(
            Portal::AzureBladeFrame,
            "incident-page",
            "incident-tasks",
            0
        ),
        None
    );
    assert_eq!(
        tier_kind(Portal::Azure, "incident-page", "no-such-notice", 0),
        None
    );
}
