//! Route classification against every URL form the portals use.

use super::*;
use crate::ids::is_tenant_guid;
use proptest::prelude::*;

const SUB: &str = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";
const ARG_ID: &str =
    "%2Fsubscriptions%2F0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9%2Fresourcegroups%2Fsoc-rg%2Fproviders%2Fmicrosoft.securityinsightsarg%2Fsentinel%2Fcontoso-sentinel";

fn ws() -> Option<WorkspaceRef> {
    Some(WorkspaceRef {
        subscription: SUB.into(),
        resource_group: "soc-rg".into(),
        name: "contoso-sentinel".into(),
    })
}

fn feature_id(url: &str) -> Option<&'static str> {
    classify(url).and_then(|r| r.feature).map(|f| f.id)
}

#[test]
fn azure_view_form_with_encoded_id() {
    let r = classify(&format!("https://portal.azure.com/#view/Microsoft_Azure_Security_Insights/MainMenuBlade/~/Hunting/id/{ARG_ID}"))
        .expect("portal url");
    assert_eq!(r.portal, Portal::Azure);
    assert_eq!(r.feature.map(|f| f.id), Some("hunting"));
    assert_eq!(r.blade.as_deref(), Some("Hunting"));
    assert_eq!(r.workspace, ws());
}

#[test]
fn azure_blade_names_are_case_insensitive() {
    for blade in ["hunting", "HUNTING", "Hunting"] {
        let url = format!("https://portal.azure.com/#view/Microsoft_Azure_Security_Insights/MainMenuBlade/~/{blade}/id/{ARG_ID}");
        assert_eq!(feature_id(&url), Some("hunting"), "{url}");
    }
}

#[test]
fn azure_parameter_form() {
    let url = format!(
        "https://portal.azure.com/#view/Microsoft_Azure_Security_Insights/MainMenuBlade/~/Analytics/subscriptionId/{SUB}/resourceGroup/soc-rg/workspaceName/contoso-sentinel"
    );
    let r = classify(&url).expect("portal url");
    assert_eq!(r.feature.map(|f| f.id), Some("analytics"));
    assert_eq!(r.workspace, ws());
}

#[test]
fn azure_older_blade_forms() {
    let by_id = format!("https://portal.azure.com/#blade/Microsoft_Azure_Security_Insights/MainMenuBlade/Hunting/id/{ARG_ID}");
    assert_eq!(feature_id(&by_id), Some("hunting"));
    let numeric = format!(
        "https://portal.azure.com/#blade/Microsoft_Azure_Security_Insights/MainMenuBlade/0/subscriptionId/{SUB}/resourceGroup/soc-rg/workspaceName/contoso-sentinel"
    );
    let r = classify(&numeric).expect("portal url");
    assert_eq!(r.feature.map(|f| f.id), Some("overview"));
    assert_eq!(r.workspace, ws());
}

#[test]
fn azure_tenant_prefix_and_workspace_resource_id() {
    let id = format!("%2Fsubscriptions%2F{SUB}%2FresourceGroups%2Fsoc-rg%2Fproviders%2FMicrosoft.OperationalInsights%2Fworkspaces%2Fcontoso-sentinel");
    let url = format!("https://portal.azure.com/#@contoso.onmicrosoft.com/view/Microsoft_Azure_Security_Insights/MainMenuBlade/~/Incidents/id/{id}");
    let r = classify(&url).expect("portal url");
    assert_eq!(r.tenant.as_deref(), Some("contoso.onmicrosoft.com"));
    assert_eq!(r.feature.map(|f| f.id), Some("incidents"));
    assert_eq!(r.workspace, ws());
}

#[test]
fn azure_incident_asset() {
    let url = format!(
        "https://portal.azure.com/#asset/Microsoft_Azure_Security_Insights/Incident/subscriptions/{SUB}/resourceGroups/soc-rg/providers/Microsoft.OperationalInsights/workspaces/contoso-sentinel/providers/Microsoft.SecurityInsights/Incidents/a7d3e1f2-5b6c-4d8e-9f01-23456789abcd"
    );
    let r = classify(&url).expect("portal url");
    assert_eq!(r.feature.map(|f| f.id), Some("incident-page"));
    assert_eq!(
        r.incident.as_deref(),
        Some("a7d3e1f2-5b6c-4d8e-9f01-23456789abcd")
    );
    assert_eq!(r.workspace, ws());
}

#[test]
fn azure_pages_outside_sentinel_have_no_feature() {
    for url in [
        "https://portal.azure.com/",
        "https://portal.azure.com/#home",
        "https://portal.azure.com/#view/HubsExtension/BrowseResource/resourceType/microsoft.securityinsightsarg%2Fsentinel",
        "https://portal.azure.com/#view/Microsoft_Azure_Security_Insights/MainMenuBlade/~/NoSuchBlade/id/x",
        "https://portal.azure.com/#view/Microsoft_Azure_Security_Insights/MainMenuBlade",
    ] {
        let r = classify(url).expect("portal url");
        assert_eq!(r.portal, Portal::Azure);
        assert!(r.feature.is_none(), "{url}");
    }
}

#[test]
fn defender_paths() {
    assert_eq!(
        feature_id("https://security.microsoft.com/sentinel/hunting"),
        Some("hunting")
    );
    assert_eq!(
        feature_id("https://security.microsoft.com/v2/advanced-hunting?tid=x"),
        Some("logs")
    );
    assert_eq!(
        feature_id("https://security.microsoft.com/hunting"),
        Some("logs")
    );
    assert_eq!(
        feature_id("https://security.microsoft.com/incidents"),
        Some("incidents")
    );
    assert_eq!(
        feature_id("https://security.microsoft.com/"),
        Some("overview")
    );
    assert_eq!(
        feature_id("https://security.microsoft.com/securitysettings"),
        None
    );
    assert_eq!(feature_id("https://security.microsoft.com/incident2"), None);
}

#[test]
fn defender_incident_forms_and_tenant() {
    for url in [
        "https://security.microsoft.com/incidents/3421?tid=6f3c2b1a-4d5e-4f60-8a7b-9c0d1e2f3a4b",
        "https://security.microsoft.com/incident2/3421/overview?tid=6f3c2b1a-4d5e-4f60-8a7b-9c0d1e2f3a4b",
        "https://mto.security.microsoft.com/incident2/3421/summary?tid=6f3c2b1a-4d5e-4f60-8a7b-9c0d1e2f3a4b",
    ] {
        let r = classify(url).expect("portal url");
        assert_eq!(r.feature.map(|f| f.id), Some("incident-page"), "{url}");
        assert_eq!(r.incident.as_deref(), Some("3421"));
        assert_eq!(r.tenant.as_deref(), Some("6f3c2b1a-4d5e-4f60-8a7b-9c0d1e2f3a4b"));
    }
}

#[test]
fn defender_workspace_scoped_route() {
    let r = classify(&format!(
        "https://security.microsoft.com/sentinel/{SUB}/soc-rg/contoso-sentinel/hunting?tid=t"
    ))
    .expect("portal url");
    assert_eq!(r.feature.map(|f| f.id), Some("hunting"));
    assert_eq!(r.workspace, ws());
}

#[test]
fn gov_hosts_and_frames() {
    assert_eq!(
        classify("https://security.microsoft.us/incidents").map(|r| r.portal),
        Some(Portal::DefenderGov)
    );
    assert_eq!(
        classify("https://security.apps.mil/").map(|r| r.portal),
        Some(Portal::DefenderGov)
    );
    assert_eq!(
        classify("https://portal.azure.us/#home").map(|r| (r.portal, r.cloud)),
        Some((Portal::Azure, Cloud::AzureGovernment))
    );
    assert_eq!(
        classify("https://SECURITY.apps.mil/").map(|r| r.cloud),
        Some(Cloud::Dod)
    );
    assert_eq!(
        classify("https://security.microsoft.us/").map(|r| r.cloud),
        Some(Cloud::GccHigh)
    );
    assert_eq!(
        classify("https://portal.azure.com/").map(|r| r.cloud),
        Some(Cloud::Commercial)
    );
    assert_eq!(
        classify("https://sandbox-1.reactblade.portal.azure.net/reactview").map(|r| r.portal),
        Some(Portal::AzureBladeFrame)
    );
    assert_eq!(
        classify("https://reactblade.portal.azure.net/").map(|r| r.portal),
        None
    );
    assert_eq!(
        classify("https://evil.com.reactblade.portal.azure.net.attacker.io/").map(|r| r.portal),
        None
    );
}

#[test]
fn foreign_and_insecure_urls_are_not_portals() {
    for url in [
        "http://security.microsoft.com/",
        "https://example.com/",
        "https://security.microsoft.com.evil.io/",
        "not a url",
    ] {
        assert!(classify(url).is_none(), "{url}");
    }
}

#[test]
fn tenant_guid_check() {
    assert!(is_tenant_guid("6f3c2b1a-4d5e-4f60-8a7b-9c0d1e2f3a4b"));
    assert!(!is_tenant_guid("contoso.onmicrosoft.com"));
    assert!(!is_tenant_guid("6f3c2b1a-4d5e-4f60-8a7b-9c0d1e2f3a4"));
}

proptest! {
    #[test]
    fn never_panics(s in ".*") {
        let _ = classify(&s);
    }

    #[test]
    fn never_panics_on_portal_like_urls(frag in "[@~/A-Za-z0-9%._-]{0,120}", path in "[/A-Za-z0-9%._{}*-]{0,80}") {
        let _ = classify(&format!("https://portal.azure.com/#{frag}"));
        let _ = classify(&format!("https://security.microsoft.com{path}?tid={frag}"));
    }

    #[test]
    fn any_known_blade_classifies_with_its_workspace(idx in 0usize..64, upper in any::<bool>()) {
        let blades: Vec<&str> = catalog::features().iter().flat_map(|f| f.azure_blades.iter().chain(f.azure_blade_guesses)).copied().collect();
        let blade = blades[idx % blades.len()];
        let blade = if upper { blade.to_ascii_uppercase() } else { blade.to_string() };
        let r = classify(&format!("https://portal.azure.com/#view/Microsoft_Azure_Security_Insights/MainMenuBlade/~/{blade}/id/{ARG_ID}")).expect("portal");
        prop_assert!(r.feature.is_some());
        prop_assert_eq!(r.workspace, ws());
    }
}

// Cases found by fuzzing (docs/fuzzing.md): a link built from the workspace must lead back to it.
#[test]
fn a_resource_group_named_like_a_resource_type_is_read_by_position() {
    let ws = workspace_from_resource_id(
        "/subscriptions/s/resourcegroups/sentinel/providers/microsoft.securityinsightsarg/sentinel/contoso",
    )
    .expect("workspace");
    assert_eq!(
        (ws.resource_group.as_str(), ws.name.as_str()),
        ("sentinel", "contoso")
    );
    let ws = workspace_from_resource_id(
        "/subscriptions/s/resourceGroups/workspaces/providers/Microsoft.OperationalInsights/workspaces/contoso",
    )
    .expect("workspace");
    assert_eq!(
        (ws.resource_group.as_str(), ws.name.as_str()),
        ("workspaces", "contoso")
    );
    assert!(workspace_from_resource_id(
        "/subscriptions/s/resourcegroups/rg/providers/microsoft.web/sites/x"
    )
    .is_none());
}

#[test]
fn empty_or_slashed_workspace_parts_are_no_workspace() {
    let empty = classify("https://portal.azure.com/#view/Microsoft_Azure_Security_Insights/MainMenuBlade/~/Hunting/subscriptionId//resourceGroup/soc-rg/workspaceName/contoso")
        .expect("route");
    assert_eq!(empty.workspace, None);
    let slashed =
        classify("https://security.microsoft.com/sentinel/s/rg/a%2Fb/hunting").expect("route");
    assert_eq!(slashed.workspace, None);
    assert_eq!(slashed.feature.map(|f| f.id), Some("hunting"));
}
