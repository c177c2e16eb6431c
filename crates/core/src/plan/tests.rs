//! Plans for the pages of the first vertical slice and their neighbours.

use super::*;
use crate::catalog;
use crate::hints::links::AZURE_SENTINEL_WORKSPACES;
use crate::model::{LinkPortal, Location};

const HUNTING_VIEW: &str = "https://portal.azure.com/#view/Microsoft_Azure_Security_Insights/MainMenuBlade/~/Hunting/id/%2Fsubscriptions%2F0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9%2Fresourcegroups%2Fsoc-rg%2Fproviders%2Fmicrosoft.securityinsightsarg%2Fsentinel%2Fcontoso-sentinel";

fn item<'a>(plan: &'a OverlayPlan, id: &str) -> &'a OverlayItem {
    plan.items
        .iter()
        .find(|i| i.id == id)
        .unwrap_or_else(|| panic!("no item {id} in {plan:?}"))
}

#[test]
fn azure_hunting_gets_a_defender_hint_and_the_retirement_note() {
    let plan = plan_for_url(HUNTING_VIEW, Some("2026-11-22"), &Settings::default());
    let hint = item(&plan, "hunting");
    assert_eq!(hint.kind, OverlayKind::Hint);
    assert_eq!(hint.title, "Hunting: same place in the Defender portal");
    assert_eq!(
        hint.location,
        Some(Location {
            portal: LinkPortal::Defender,
            path: "Microsoft Sentinel > Threat management > Hunting".into()
        })
    );
    assert_eq!(hint.links[0].href, "https://security.microsoft.com/sentinel/0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9/soc-rg/contoso-sentinel/hunting");
    assert_eq!(hint.links[0].portal, LinkPortal::Defender);
    let retirement = item(&plan, "azure-portal-retirement");
    assert!(
        retirement.body.contains("(129 days left)"),
        "{}",
        retirement.body
    );
    assert_eq!(plan.page.feature.as_deref(), Some("hunting"));
}

#[test]
fn tenant_guid_is_carried_into_defender_links() {
    let url = HUNTING_VIEW.replace("#view", "#@6f3c2b1a-4d5e-4f60-8a7b-9c0d1e2f3a4b/view");
    let plan = plan_for_url(&url, None, &Settings::default());
    assert_eq!(
        item(&plan, "hunting").links[0].href,
        "https://security.microsoft.com/sentinel/0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9/soc-rg/contoso-sentinel/hunting?tid=6f3c2b1a-4d5e-4f60-8a7b-9c0d1e2f3a4b"
    );
    assert!(!item(&plan, "azure-portal-retirement")
        .body
        .contains("days left"));
}

#[test]
fn tenant_domain_is_not_passed_as_tid() {
    let url = HUNTING_VIEW.replace("#view", "#@contoso.onmicrosoft.com/view");
    let plan = plan_for_url(&url, None, &Settings::default());
    assert_eq!(item(&plan, "hunting").links[0].href, "https://security.microsoft.com/sentinel/0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9/soc-rg/contoso-sentinel/hunting");
}

#[test]
fn without_a_workspace_the_link_is_the_catalog_link() {
    let url =
        "https://portal.azure.com/#view/Microsoft_Azure_Security_Insights/MainMenuBlade/~/Hunting";
    let plan = plan_for_url(url, None, &Settings::default());
    assert_eq!(
        item(&plan, "hunting").links[0].href,
        "https://security.microsoft.com/sentinel/hunting"
    );
}

#[test]
fn a_page_without_a_known_defender_route_links_the_defender_home() {
    let url = HUNTING_VIEW.replace("~/Hunting/", "~/Automation/");
    let plan = plan_for_url(&url, None, &Settings::default());
    let hint = item(&plan, "automation");
    assert_eq!(hint.links[0].href, "https://security.microsoft.com/");
    assert_eq!(hint.links[0].label, "Open the Defender portal");
}

#[test]
fn unavailable_feature_says_so() {
    let url = HUNTING_VIEW.replace("~/Hunting/", "~/WorkspaceManager/");
    let plan = plan_for_url(&url, None, &Settings::default());
    let hint = item(&plan, "workspace-manager");
    assert_eq!(
        hint.title,
        "Workspace manager is not available in the Defender portal"
    );
    assert!(hint
        .location
        .as_ref()
        .is_some_and(|l| l.path.starts_with("Not available")));
}

#[test]
fn defender_page_gets_a_reverse_hint_to_the_azure_portal() {
    let plan = plan_for_url(
        "https://security.microsoft.com/sentinel/hunting",
        None,
        &Settings::default(),
    );
    let hint = item(&plan, "hunting");
    assert_eq!(hint.title, "Hunting: formerly in the Azure portal");
    assert_eq!(hint.links[0].portal, LinkPortal::Azure);
    assert_eq!(hint.links[0].href, AZURE_SENTINEL_WORKSPACES);
    assert!(plan.items.iter().all(|i| i.kind != OverlayKind::Retirement));
}

#[test]
fn workspace_scoped_defender_route_links_to_the_exact_azure_blade() {
    let plan = plan_for_url(
        "https://security.microsoft.com/sentinel/0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9/soc-rg/contoso-sentinel/hunting",
        None,
        &Settings::default(),
    );
    assert_eq!(item(&plan, "hunting").links[0].href, HUNTING_VIEW);
}

#[test]
fn unannotated_pages_have_no_items() {
    for url in [
        "https://security.microsoft.com/securitysettings",
        "https://portal.azure.com/#home",
        "https://example.com/",
        "garbage",
        "https://sandbox-1.reactblade.portal.azure.net/reactview?blade=Hunting",
    ] {
        assert!(
            plan_for_url(url, Some("2026-11-22"), &Settings::default())
                .items
                .is_empty(),
            "{url}"
        );
    }
}

#[test]
fn settings_switch_items_off() {
    let settings = Settings {
        hints: false,
        ..Settings::default()
    };
    let plan = plan_for_url(HUNTING_VIEW, None, &settings);
    assert_eq!(
        plan.items.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(),
        ["azure-portal-retirement"]
    );
}

#[test]
fn every_azure_blade_in_the_catalog_yields_a_hint_with_https_links() {
    for feature in catalog::features() {
        for blade in feature
            .azure_blades
            .iter()
            .chain(feature.azure_blade_guesses)
        {
            let url = HUNTING_VIEW.replace("~/Hunting/", &format!("~/{blade}/"));
            let plan = plan_for_url(&url, Some("2026-11-22"), &Settings::default());
            let hint = item(&plan, feature.id);
            assert!(
                hint.links.iter().all(|l| l.href.starts_with("https://")),
                "{blade}"
            );
        }
    }
}

#[test]
fn plan_round_trips_through_json() {
    let plan = plan_for_url(HUNTING_VIEW, Some("2026-11-22"), &Settings::default());
    let json = serde_json::to_string(&plan).expect("serializes");
    assert!(json.contains("\"kind\":\"hint\""));
    let back: OverlayPlan = serde_json::from_str(&json).expect("deserializes");
    assert_eq!(back, plan);
}

#[test]
fn every_portal_page_names_its_tenant_for_the_onboarding_chip_and_evidence_pages_read_it() {
    let home = plan_for_url(
        "https://security.microsoft.com/homepage",
        None,
        &Settings::default(),
    );
    assert_eq!(
        home.onboarding.as_ref().map(|o| o.tenant.as_str()),
        Some("home")
    );
    let readers = home.page_readers.expect("Home reads the banner");
    let ids: Vec<&str> = readers.readers.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["home-ready", "home-connect", "sentinel-nav"]);
    assert!(readers.queue.is_none() && readers.title.is_none());
    // An evidence page takes only settled readings: it must hear when the grace period ends.
    assert!(readers.settles);

    let settings = plan_for_url(
        "https://security.microsoft.com/sentinel/settings?tid=9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4",
        None,
        &Settings::default(),
    );
    assert_eq!(
        settings.onboarding.map(|o| o.tenant),
        Some("9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4".to_string())
    );
    let settings_readers = settings
        .page_readers
        .expect("Settings reads the workspaces");
    assert!(
        settings_readers.settles,
        "an evidence page's queue still settles"
    );
    assert_eq!(
        settings_readers.queue.map(|q| q.key),
        Some("Workspace name".to_string())
    );

    let azure = plan_for_url(HUNTING_VIEW, None, &Settings::default());
    assert!(azure.onboarding.is_some() && azure.page_readers.is_none());
    let off = Settings {
        onboarding: false,
        ..Settings::default()
    };
    let home_off = plan_for_url("https://security.microsoft.com/homepage", None, &off);
    assert!(home_off.onboarding.is_none() && home_off.page_readers.is_none());
    assert!(
        plan_for_url("https://example.com/", None, &Settings::default())
            .onboarding
            .is_none()
    );
}

#[test]
fn the_retirement_reminder_snoozed_today_returns_a_week_later() {
    let settings = Settings {
        dismissed: vec![crate::settings::snooze_entry(
            "azure-portal-retirement",
            "2026-11-23",
        )],
        ..Settings::default()
    };
    let ids = |today| -> Vec<String> {
        plan_for_url(HUNTING_VIEW, Some(today), &settings)
            .items
            .into_iter()
            .map(|i| i.id)
            .collect()
    };
    assert_eq!(ids("2026-11-25"), ["hunting"]);
    assert_eq!(ids("2026-11-30"), ["hunting", "azure-portal-retirement"]);
}

#[test]
fn only_a_tenant_guid_or_home_becomes_a_tenant_key() {
    let key = |url: &str| {
        plan_for_url(url, None, &Settings::default())
            .onboarding
            .map(|o| o.tenant)
    };
    assert_eq!(
        key("https://security.microsoft.com/incidents?tid=6F3C2B1A-4D5E-4F60-8A7B-9C0D1E2F3A4B")
            .as_deref(),
        Some("6f3c2b1a-4d5e-4f60-8a7b-9c0d1e2f3a4b")
    );
    assert_eq!(
        key("https://security.microsoft.com/incidents").as_deref(),
        Some("home")
    );
    assert_eq!(
        key("https://security.microsoft.com/incidents?tid=contoso.onmicrosoft.com"),
        None,
        "a domain (or any text a page pushes into its URL) gets no chip and no stored records"
    );
}

#[test]
fn a_plan_names_its_page_cloud_for_the_views_to_move_its_links_into() {
    let cloud = |url: &str| plan_for_url(url, None, &Settings::default()).page.cloud;
    assert_eq!(
        cloud("https://security.microsoft.us/v2/advanced-hunting"),
        Cloud::GccHigh
    );
    assert_eq!(cloud("https://security.apps.mil/incidents"), Cloud::Dod);
    assert_eq!(
        cloud(&HUNTING_VIEW.replace("portal.azure.com", "portal.azure.us")),
        Cloud::AzureGovernment
    );
    assert_eq!(cloud(HUNTING_VIEW), Cloud::Commercial);
    // The plan itself keeps the catalog's links; the views localize them (crates/ui/src/shown.rs).
    let azure = plan_for_url(
        &HUNTING_VIEW.replace("portal.azure.com", "portal.azure.us"),
        None,
        &Settings::default(),
    );
    let mut links = item(&azure, "hunting").links.clone();
    azure.page.cloud.localize(&mut links);
    assert_eq!(
        links[1].href,
        "https://security.apps.mil/sentinel/0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9/soc-rg/contoso-sentinel/hunting"
    );
}

const AZURE_INCIDENT: &str = "https://portal.azure.com/#asset/Microsoft_Azure_Security_Insights/Incident/subscriptions/0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9/resourceGroups/soc-rg/providers/Microsoft.OperationalInsights/workspaces/contoso-sentinel/providers/Microsoft.SecurityInsights/Incidents/a7d3e1f2-0000-4000-8000-000000000118";

fn tasks_patch(by_policy: bool) -> crate::settings::probe_patch::ProbePatch {
    let mut patch: crate::settings::probe_patch::ProbePatch = serde_json::from_str(
        r#"{"notice":"incident-tasks","portal":"azure","page":"incident-page","mode":"replace",
            "tiers":[{"by":"selector","css":".new-design-checklist"},{"by":"label","within":"div","text":"Checklist"}],
            "evidence":"Seen in our tenant: Tasks became a checklist."}"#,
    )
    .expect("a patch");
    patch.by_policy = by_policy;
    patch
}

fn tasks_anchor(plan: &OverlayPlan) -> &Anchor {
    plan.anchors
        .iter()
        .find(|a| a.id == "incident-tasks")
        .expect("the Tasks anchor")
}

#[test]
fn a_probe_patch_changes_where_the_notice_looks_and_says_whose_it_is() {
    let plain = plan_for_url(AZURE_INCIDENT, None, &Settings::default());
    assert_eq!(item(&plain, "incident-tasks").patched, None);
    for (by_policy, origin) in [
        (true, crate::model::PatchOrigin::Organization),
        (false, crate::model::PatchOrigin::Local),
    ] {
        let plan = with_patches(plain.clone(), &[tasks_patch(by_policy)]);
        assert_eq!(item(&plan, "incident-tasks").patched, Some(origin));
        let probe = &tasks_anchor(&plan).probe;
        assert_eq!(probe.tiers, tasks_patch(false).tiers);
        assert!(
            probe.user_content.is_some(),
            "a tolerant tier keeps out of user content"
        );
        assert_eq!(
            item(&plan, "incident-comment-edit").patched,
            None,
            "other notices keep the catalog's probe"
        );
    }
}

#[test]
fn a_patch_that_fails_its_checks_never_reaches_a_page() {
    let mut broken = tasks_patch(true);
    broken.tiers = vec![crate::model::Tier::Selector { css: "div[".into() }];
    let plain = plan_for_url(AZURE_INCIDENT, None, &Settings::default());
    let plan = with_patches(plain.clone(), &[broken]);
    assert_eq!(plan, plain);
}
